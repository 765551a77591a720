// Two one-hop parts that each start from a node bound earlier are matched in
// whichever order walks fewer relationships for the row at hand; the rows
// must not depend on that choice or on the order the parts are written in.
#include <doctest/doctest.h>

#include "query/engine.h"
#include "tests/query/result_rows.h"

using namespace kg;
using namespace kg::query;
using namespace kg::query::testing;

namespace {

// A hub with many investors competes with two small companies; investor 1
// backs the hub and both small ones, investor 2 the hub and one of them.
PropertyGraph market() {
  PropertyGraph g;
  run_statement(g,
                "CREATE (hub:C {name: 'hub'}), (s:C {name: 's'}), (t:C {name: 't'}),"
                " (i1:I {name: 'i1'}), (i2:I {name: 'i2'}),"
                " (s)-[:COMPETES {since: 1}]->(hub), (t)-[:COMPETES {since: 2}]->(hub),"
                " (i1)-[:INVESTS]->(hub), (i1)-[:INVESTS]->(s), (i1)-[:INVESTS]->(t),"
                " (i2)-[:INVESTS]->(hub), (i2)-[:INVESTS]->(t)");
  run_statement(g, "MATCH (hub:C {name: 'hub'}) UNWIND range(1, 50) AS k "
                   "CREATE (:I {name: 'x' + k})-[:INVESTS]->(hub)");
  return g;
}

}  // namespace

TEST_CASE("a shared investor of two competitors, whichever part is written first") {
  PropertyGraph g = market();
  std::vector<std::string> expected{"'s' | 'hub' | 'i1'", "'t' | 'hub' | 'i1'", "'t' | 'hub' | 'i2'"};
  CHECK(sorted_rows(g, "MATCH (a)-[:COMPETES]->(b), (i)-[:INVESTS]->(a), (i)-[:INVESTS]->(b) "
                       "RETURN a.name, b.name, i.name") == expected);
  CHECK(sorted_rows(g, "MATCH (a)-[:COMPETES]->(b), (i)-[:INVESTS]->(b), (i)-[:INVESTS]->(a) "
                       "RETURN a.name, b.name, i.name") == expected);
  CHECK(sorted_rows(g, "MATCH (a)-[:COMPETES]->(b) MATCH (b)<-[:INVESTS]-(i)-[:INVESTS]->(a) "
                       "RETURN a.name, b.name, i.name") == expected);
}

TEST_CASE("filters on variables bound by the two parts apply whichever order runs") {
  PropertyGraph g = market();
  CHECK(sorted_rows(g, "MATCH (a)-[c:COMPETES]->(b), (i)-[r1:INVESTS]->(b), (i)-[r2:INVESTS]->(a) "
                       "WHERE c.since = 2 AND i.name <> 'i1' AND r1 <> r2 RETURN i.name") ==
        std::vector<std::string>{"'i2'"});
  CHECK(sorted_rows(g, "MATCH (a)-[:COMPETES]->(b) MATCH (i)-[r:INVESTS]->(b), (i)-[r2:INVESTS]->(a) "
                       "RETURN count(*) AS n, count(DISTINCT r) AS rels") ==
        std::vector<std::string>{"3 | 2"});
}
