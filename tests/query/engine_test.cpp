#include "query/engine.h"
#include "tests/query/result_rows.h"

#include <doctest/doctest.h>

using namespace kg;
using namespace kg::query;
using namespace kg::query::testing;

namespace {

// A small investment graph, as kg extract would write it.
PropertyGraph sample_graph() {
  PropertyGraph g;
  NodeId softbank = g.add_node({"Organization"}, {{"name", Value("SoftBank")}});
  NodeId openai = g.add_node({"Organization"}, {{"name", Value("OpenAI")}});
  NodeId arcadia = g.add_node({"Organization"}, {{"name", Value("Arcadia Labs")}});
  NodeId son = g.add_node({"Person"}, {{"name", Value("Masayoshi Son")}});
  g.add_relationship(softbank, openai, "INVESTS_IN", {{"amount", Value(40e9)}});
  g.add_relationship(softbank, arcadia, "INVESTS_IN", {{"amount", Value(1e9)}});
  g.add_relationship(openai, arcadia, "COMPETES_WITH");
  g.add_relationship(son, softbank, "FOUNDED");
  return g;
}


}  // namespace

TEST_CASE("one hop with a type filter, ordered") {
  PropertyGraph g = sample_graph();
  Result r = run_statement(
      g, "MATCH (i)-[:INVESTS_IN]->(t) RETURN i.name AS investor, t.name AS target ORDER BY target");
  CHECK(r.returns_rows);
  CHECK(r.columns == std::vector<std::string>{"investor", "target"});
  CHECK(rows(r, g) == std::vector<std::string>{"'SoftBank' | 'Arcadia Labs'", "'SoftBank' | 'OpenAI'"});
}

TEST_CASE("hyphenated types and an indexed name lookup") {
  PropertyGraph g = sample_graph();
  Result r = run_statement(g, "MATCH (i)-[:invests-in]->(:Organization {name: 'OpenAI'}) RETURN i.name");
  CHECK(rows(r, g) == std::vector<std::string>{"'SoftBank'"});
}

TEST_CASE("two companies that compete and share an investor") {
  PropertyGraph g = sample_graph();
  Result r = run_statement(g,
                           "MATCH (a)-[:COMPETES_WITH]-(b), (i)-[:INVESTS_IN]->(a), (i)-[:INVESTS_IN]->(b) "
                           "WHERE a.name < b.name RETURN a.name, b.name, i.name");
  CHECK(rows(r, g) == std::vector<std::string>{"'Arcadia Labs' | 'OpenAI' | 'SoftBank'"});
}

TEST_CASE("variable length and shortest paths") {
  PropertyGraph g = sample_graph();
  Result reach = run_statement(g, "MATCH (:Person)-[*1..3]->(x) RETURN x.name ORDER BY x.name");
  CHECK(rows(reach, g) == std::vector<std::string>{"'Arcadia Labs'", "'Arcadia Labs'", "'OpenAI'", "'SoftBank'"});
  Result p = run_statement(
      g, "MATCH p = shortestPath((a {name: 'Masayoshi Son'})-[*]-(b {name: 'Arcadia Labs'})) RETURN length(p)");
  CHECK(rows(p, g) == std::vector<std::string>{"2"});
}

TEST_CASE("aggregation groups by the other columns") {
  PropertyGraph g = sample_graph();
  Result r = run_statement(g,
                           "MATCH (i)-[r:INVESTS_IN]->() RETURN i.name AS investor, count(*) AS deals, "
                           "sum(r.amount) AS total");
  CHECK(rows(r, g) == std::vector<std::string>{"'SoftBank' | 2 | 4.1e+10"});
  Result empty = run_statement(g, "MATCH (n:Nothing) RETURN count(n) AS c, collect(n) AS l");
  CHECK(rows(empty, g) == std::vector<std::string>{"0 | []"});
}

TEST_CASE("OPTIONAL MATCH fills missing parts with null") {
  PropertyGraph g = sample_graph();
  Result r = run_statement(g, "MATCH (p:Person) OPTIONAL MATCH (p)-[:INVESTS_IN]->(x) RETURN p.name, x");
  CHECK(rows(r, g) == std::vector<std::string>{"'Masayoshi Son' | null"});
}

TEST_CASE("WITH, UNWIND, DISTINCT, SKIP and LIMIT") {
  PropertyGraph g;
  Result r =
      run_statement(g, "UNWIND [3, 1, 2, 3, 1] AS x WITH DISTINCT x ORDER BY x DESC SKIP 1 LIMIT 5 RETURN x");
  CHECK(rows(r, g) == std::vector<std::string>{"2", "1"});
}

TEST_CASE("CREATE, SET, REMOVE and DELETE report what they changed") {
  PropertyGraph g;
  Result created = run_statement(g, "CREATE (a:A {x: 1})-[:R {w: 2}]->(b:B)");
  CHECK_FALSE(created.returns_rows);
  CHECK(created.stats.nodes_created == 2);
  CHECK(created.stats.relationships_created == 1);
  CHECK(created.stats.labels_added == 2);
  CHECK(created.stats.properties_set == 2);
  Result set = run_statement(g, "MATCH (a:A) SET a.x = 5, a:C REMOVE a:A");
  CHECK(set.stats.properties_set == 1);
  CHECK(set.stats.properties_removed == 1);
  CHECK(set.stats.labels_added == 1);
  CHECK(set.stats.labels_removed == 1);
  Result deleted = run_statement(g, "MATCH (n) DETACH DELETE n");
  CHECK(deleted.stats.nodes_deleted == 2);
  CHECK(deleted.stats.relationships_deleted == 1);
  CHECK(g.node_count() == 0);
}

TEST_CASE("MERGE matches what exists and creates what does not") {
  PropertyGraph g;
  run_statement(g, "UNWIND ['a', 'b', 'a'] AS name MERGE (n:N {name: name}) ON CREATE SET n.new = true");
  Result r = run_statement(g, "MATCH (n:N) RETURN n.name, n.new ORDER BY n.name");
  CHECK(rows(r, g) == std::vector<std::string>{"'a' | true", "'b' | true"});
}

TEST_CASE("parameters, list comprehensions, CASE and map projections") {
  PropertyGraph g = sample_graph();
  Parameters params{{"who", Value("SoftBank")}, {"limit", Value(1)}};
  Result r = run_statement(
      g,
      "MATCH (o {name: $who}) RETURN o {.name, big: [x IN [1, 2, 3] WHERE x > $limit | x * 10]}, "
      "CASE WHEN o.name STARTS WITH 'Soft' THEN 'yes' ELSE 'no' END",
      params);
  CHECK(rows(r, g) == std::vector<std::string>{"{big: [20, 30], name: 'SoftBank'} | 'yes'"});
}

TEST_CASE("UNION removes duplicates, UNION ALL keeps them") {
  PropertyGraph g;
  CHECK(run_statement(g, "RETURN 1 AS x UNION RETURN 1 AS x").rows.size() == 1);
  CHECK(run_statement(g, "RETURN 1 AS x UNION ALL RETURN 1 AS x").rows.size() == 2);
}
