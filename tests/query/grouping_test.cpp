// Grouping: the flat group table and the aggregation built on it.
#include <doctest/doctest.h>

#include "query/engine.h"
#include "query/group_table.h"
#include "tests/query/result_rows.h"

using namespace kg;
using namespace kg::query;
using namespace kg::query::testing;

TEST_CASE("equivalent keys share a group, numbered in order of first appearance") {
  GroupTable groups(2);
  bool added = false;
  std::vector<Value> keys{Value(std::int64_t{1}), Value("a")};
  CHECK(groups.find_or_add(keys, added) == 0);
  CHECK(added);
  keys = {Value(), Value("a")};
  CHECK(groups.find_or_add(keys, added) == 1);
  CHECK(added);
  keys = {Value(1.0), Value("a")};  // 1 = 1.0 as a grouping key
  CHECK(groups.find_or_add(keys, added) == 0);
  CHECK_FALSE(added);
  keys = {Value(), Value("a")};  // null groups with null
  CHECK(groups.find_or_add(keys, added) == 1);
  CHECK_FALSE(added);
  CHECK(groups.size() == 2);
  CHECK(groups.keys(0)[0].as_int() == 1);  // the first row's key is kept
}

TEST_CASE("a group table finds every group again after growing") {
  GroupTable groups(1);
  bool added = false;
  for (std::int64_t i = 0; i < 5000; ++i) {
    std::vector<Value> keys{Value(i * 7)};
    CHECK(groups.find_or_add(keys, added) == static_cast<std::size_t>(i));
  }
  for (std::int64_t i = 4999; i >= 0; --i) {
    std::vector<Value> keys{Value(i * 7)};
    REQUIRE(groups.find_or_add(keys, added) == static_cast<std::size_t>(i));
    REQUIRE_FALSE(added);
  }
}

TEST_CASE("without grouping keys there is one group, even over no rows") {
  PropertyGraph g;
  CHECK(rows_of(g, "MATCH (n) RETURN count(*) AS n, collect(n) AS all") ==
        std::vector<std::string>{"0 | []"});
  CHECK(rows_of(g, "UNWIND [1, 2, 2] AS x RETURN count(DISTINCT x), sum(x), avg(x)") ==
        std::vector<std::string>{"2 | 5 | 1.6666666666666667"});
}

TEST_CASE("aggregate items and ORDER BY read the variables of the group's first row") {
  PropertyGraph g;
  run_statement(g, "UNWIND range(1, 3000) AS i CREATE (:N {k: i % 1000, i: i})");
  CHECK(rows_of(g, "MATCH (n:N) RETURN n.k AS k, count(*) AS c ORDER BY c DESC, k LIMIT 2") ==
        std::vector<std::string>{"0 | 3", "1 | 3"});
  CHECK(rows_of(g, "MATCH (n:N) WITH n.k AS k, count(*) AS c, min(n.i) AS first WHERE k < 2 "
                   "RETURN k, c, first ORDER BY k") ==
        std::vector<std::string>{"0 | 3 | 1000", "1 | 3 | 1"});
  CHECK(rows_of(g, "UNWIND [2, 1, 2] AS x RETURN x, x * 10 + count(*) AS y ORDER BY x") ==
        std::vector<std::string>{"1 | 11", "2 | 22"});
  CHECK(rows_of(g, "MATCH (n:N) WHERE n.i <= 4 RETURN n.k % 2 AS parity, max(n.i) AS top ORDER BY n.k % 2") ==
        std::vector<std::string>{"0 | 4", "1 | 3"});
}

TEST_CASE("grouping by properties of one node counts per key, not per node") {
  PropertyGraph g;
  run_statement(g,
                "CREATE (a:Company {name: 'same'}), (b:Company {name: 'same'}), (c:Company {name: 'other'}),"
                " (:Fund)-[:INVESTS_IN]->(a), (:Fund)-[:INVESTS_IN]->(a), (:Fund)-[:INVESTS_IN]->(b),"
                " (:Fund)-[:INVESTS_IN]->(c)");
  CHECK(rows_of(g, "MATCH (:Fund)-[:INVESTS_IN]->(c:Company) "
                   "RETURN c.name AS name, count(*) AS n ORDER BY n DESC") ==
        std::vector<std::string>{"'same' | 3", "'other' | 1"});
  // Unordered, groups come in order of first appearance.
  CHECK(rows_of(g, "UNWIND ['other', 'same', 'same'] AS wanted MATCH (c:Company {name: wanted}) "
                   "RETURN c.name, count(c)") == std::vector<std::string>{"'other' | 1", "'same' | 4"});
}

TEST_CASE("grouping by a node's property survives rows where the node is null") {
  PropertyGraph g;
  run_statement(g, "CREATE (:Company {name: 'x'})-[:BASED_IN]->(:Place {name: 'p'}), (:Company {name: 'y'}),"
                   " (:Company {name: 'z'})-[:BASED_IN]->(:Place {name: 'p'})");
  CHECK(rows_of(g, "MATCH (c:Company) OPTIONAL MATCH (c)-[:BASED_IN]->(p) "
                   "RETURN p.name AS place, count(*) AS companies, count(p) AS placed ORDER BY place") ==
        std::vector<std::string>{"'p' | 2 | 2", "null | 1 | 0"});
}

TEST_CASE("grouping by properties of one relationship") {
  PropertyGraph g;
  run_statement(g, "CREATE (a:N), (b:N), (a)-[:R {year: 2020}]->(b), (a)-[:R {year: 2021}]->(b),"
                   " (b)-[:R {year: 2020}]->(a)");
  CHECK(rows_of(g, "MATCH (x)-[r:R]-(y) RETURN r.year AS year, count(*) AS n ORDER BY year") ==
        std::vector<std::string>{"2020 | 4", "2021 | 2"});
}
