#include <doctest/doctest.h>

#include <atomic>
#include <string>

#include "query/engine.h"

using namespace kg;
using namespace kg::query;

TEST_CASE("scripts split on ; outside strings and comments") {
  auto parts = split_statements("CREATE (:A {s: 'a;b'}); // one; two\n/* ; */ ;\nMATCH (n) RETURN n;");
  REQUIRE(parts.size() == 2);
  CHECK(parts[0] == "CREATE (:A {s: 'a;b'})");
  CHECK(parts[1].find("MATCH (n) RETURN n") != std::string::npos);
}

TEST_CASE("parameter values are read in Cypher literal notation") {
  CHECK(parse_value("15e9").as_float() == 15e9);
  CHECK(parse_value("'OpenAI'").as_string() == "OpenAI");
  CHECK(parse_value("[1, 2]").as_list().size() == 2);
  CHECK(parse_value("{k: -7}").as_map().at("k").as_int() == -7);
  CHECK_THROWS_AS(parse_value("[1,"), QueryError);
}

TEST_CASE("the row limit stops a statement with too many rows") {
  PropertyGraph g;
  Limits limits;
  limits.max_rows = 10;
  CHECK_NOTHROW(run_statement(g, "UNWIND range(1, 10) AS x RETURN x", {}, limits));
  CHECK_THROWS_AS(run_statement(g, "UNWIND range(1, 11) AS x RETURN x", {}, limits), QueryError);
}

TEST_CASE("a cancelled statement stops and leaves the graph unchanged") {
  PropertyGraph g;
  std::atomic<bool> cancel{true};
  Limits limits;
  limits.cancel = &cancel;
  CHECK_THROWS_AS(run_statement(g, "UNWIND range(1, 100) AS x CREATE (:N {x: x})", {}, limits), QueryError);
  CHECK(g.node_count() == 0);
}

TEST_CASE("the time limit stops a long match") {
  PropertyGraph g;
  run_statement(g, "UNWIND range(1, 60) AS i CREATE (:N {i: i})");
  Limits limits;
  limits.timeout = std::chrono::milliseconds(50);
  // 60^4 combinations: far more than 50 ms of work.
  CHECK_THROWS_AS(run_statement(g, "MATCH (a), (b), (c), (d) RETURN count(*)", {}, limits), QueryError);
}

// The message of the QueryError a statement throws ("" when it succeeds).
static std::string error_of(PropertyGraph& g, const char* statement, const Limits& limits) {
  try {
    run_statement(g, statement, {}, limits);
  } catch (const QueryError& e) {
    return e.what();
  }
  return "";
}

TEST_CASE("the memory budget stops statements whose intermediate results grow past it") {
  PropertyGraph g;
  Limits limits;
  limits.max_memory = 4 << 20;
  // A million rows from two small lists: each statement keeps them all somewhere.
  const char* runaway[] = {
      "UNWIND range(1, 1000) AS a UNWIND range(1, 1000) AS b RETURN a, b",
      "UNWIND range(1, 1000) AS a UNWIND range(1, 1000) AS b RETURN collect(a * b) AS all",
      "UNWIND range(1, 1000) AS a UNWIND range(1, 1000) AS b RETURN count(DISTINCT [a, b]) AS n",
      "UNWIND range(1, 1000) AS a UNWIND range(1, 1000) AS b WITH DISTINCT a, b RETURN count(*) AS n",
      "UNWIND range(1, 1000) AS a UNWIND range(1, 1000) AS b RETURN a, b, count(*) AS n",
      "UNWIND range(1, 1000) AS a UNWIND range(1, 1000) AS b WITH a, b ORDER BY b DESC RETURN count(*) AS n",
      "RETURN size(range(1, 1000000000)) AS n",
  };
  for (const char* statement : runaway) {
    CAPTURE(statement);
    std::string error = error_of(g, statement, limits);
    CHECK(error.starts_with("TransientError: MemoryLimit: "));
    CHECK(error.find('\n') == std::string::npos);
  }
  // The same shapes within the budget, and ORDER BY ... LIMIT, which keeps only the rows it returns.
  CHECK(error_of(g, "UNWIND range(1, 1000) AS a RETURN collect(a) AS all", limits).empty());
  CHECK(error_of(g, "UNWIND range(1, 1000) AS a UNWIND range(1, 1000) AS b RETURN count(*) AS n", limits).empty());
  Result top = run_statement(
      g, "UNWIND range(1, 1000) AS a UNWIND range(1, 1000) AS b RETURN a, b ORDER BY a DESC, b LIMIT 2", {},
      limits);
  REQUIRE(top.rows.size() == 2);
  CHECK(top.rows[0][0].as_int() == 1000);
  CHECK(top.rows[0][1].as_int() == 1);
  CHECK(top.rows[1][1].as_int() == 2);
}

TEST_CASE("a runaway path match stops at the memory budget and leaves the graph unchanged") {
  PropertyGraph g;
  // Every pair of 8 nodes joined: the trails through them are astronomically many.
  run_statement(g, "UNWIND range(1, 8) AS i CREATE (:N {i: i})");
  run_statement(g, "MATCH (a:N), (b:N) WHERE a.i < b.i CREATE (a)-[:R]->(b)");
  Limits limits;
  limits.max_memory = 8 << 20;
  std::string error = error_of(g, "MATCH p = ()-[*]-() RETURN p", limits);
  CHECK(error.starts_with("TransientError: MemoryLimit: "));
  CHECK(g.node_count() == 8);
  CHECK(g.relationship_count() == 28);
}
