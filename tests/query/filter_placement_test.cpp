// WHERE conjuncts run as soon as their variables are bound inside the
// pattern; the rows must be those of filtering the full matches.
#include <doctest/doctest.h>

#include "query/engine.h"
#include "tests/query/result_rows.h"

using namespace kg;
using namespace kg::query;
using namespace kg::query::testing;

namespace {

// Three companies and a fund; investments by year.
PropertyGraph investments() {
  PropertyGraph g;
  run_statement(g,
                "CREATE (f:Fund {name: 'f'}), (a:Company {name: 'a'}), (b:Company {name: 'b'}),"
                " (c:Company {name: 'c'}),"
                " (f)-[:INVESTS_IN {year: 2019}]->(a), (f)-[:INVESTS_IN {year: 2021}]->(b),"
                " (a)-[:INVESTS_IN {year: 2022}]->(c), (b)-[:INVESTS_IN {year: 2023}]->(c)");
  return g;
}

}  // namespace

TEST_CASE("a filter on a relationship scanned by type keeps the rows whose ends fit") {
  PropertyGraph g = investments();
  CHECK(sorted_rows(g, "MATCH (x)-[r:INVESTS_IN]->(y:Company) WHERE r.year >= 2021 RETURN x.name, y.name") ==
        std::vector<std::string>{"'a' | 'c'", "'b' | 'c'", "'f' | 'b'"});
  CHECK(sorted_rows(g, "MATCH (x:Fund)-[r:INVESTS_IN]->(y) WHERE r.year >= 2021 AND y.name <> 'a' "
                       "RETURN y.name") ==
        std::vector<std::string>{"'b'"});
}

TEST_CASE("a filter on an expanded relationship, both directions and undirected") {
  PropertyGraph g = investments();
  CHECK(sorted_rows(g, "MATCH (c {name: 'c'})<-[r:INVESTS_IN]-(x) WHERE r.year > 2022 RETURN x.name") ==
        std::vector<std::string>{"'b'"});
  CHECK(sorted_rows(g, "MATCH (b {name: 'b'})-[r]-(x) WHERE r.year < 2023 RETURN x.name") ==
        std::vector<std::string>{"'f'"});
  CHECK(sorted_rows(g, "MATCH (f:Fund)-[r1]->(m)-[r2]->(c) WHERE r2.year - r1.year = 2 RETURN m.name") ==
        std::vector<std::string>{"'b'"});
}

TEST_CASE("a filter on a relationship bound earlier or on a variable-length list waits for its binding") {
  PropertyGraph g = investments();
  CHECK(sorted_rows(g, "MATCH (x)-[r]->(y) MATCH (x)-[r]->(z) WHERE r.year = 2019 RETURN z.name") ==
        std::vector<std::string>{"'a'"});
  CHECK(sorted_rows(g, "MATCH (f:Fund)-[rs*2]->(c) WHERE all(r IN rs WHERE r.year > 2020) RETURN c.name") ==
        std::vector<std::string>{"'c'"});
}
