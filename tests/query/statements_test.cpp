#include <doctest/doctest.h>

#include <atomic>

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
