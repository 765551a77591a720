#include <doctest/doctest.h>

#include "query/engine.h"

using namespace kg;
using namespace kg::query;

namespace {

// The error a statement raises, as "Class/Detail".
std::string error_of(std::string_view statement) {
  PropertyGraph g;
  g.add_node({"A"}, {{"name", Value("a")}});
  try {
    run_statement(g, statement);
  } catch (const QueryError& e) {
    return e.error_class() + "/" + e.detail();
  }
  return "no error";
}

}  // namespace

TEST_CASE("compile-time errors carry the TCK's detail codes") {
  CHECK(error_of("MATCH (a) RETURN b") == "SyntaxError/UndefinedVariable");
  CHECK(error_of("MATCH (a) CREATE (a:B)") == "SyntaxError/VariableAlreadyBound");
  CHECK(error_of("MATCH ()-[r]-() MATCH (r) RETURN r") == "SyntaxError/VariableTypeConflict");
  CHECK(error_of("MATCH (a) WITH a.name RETURN 1") == "SyntaxError/NoExpressionAlias");
  CHECK(error_of("MATCH (a) WHERE count(a) > 1 RETURN a") == "SyntaxError/InvalidAggregation");
  CHECK(error_of("RETURN count(count(1))") == "SyntaxError/NestedAggregation");
  CHECK(error_of("CREATE ()-[:A|B]->()") == "SyntaxError/NoSingleRelationshipType");
  CHECK(error_of("CREATE ()-[:A]-()") == "SyntaxError/RequiresDirectedRelationship");
  CHECK(error_of("RETURN 1 AS a UNION RETURN 2 AS b") == "SyntaxError/DifferentColumnsInUnion");
  CHECK(error_of("RETURN nope(1)") == "SyntaxError/UnknownFunction");
  CHECK(error_of("RETURN 9223372036854775808") == "SyntaxError/IntegerOverflow");
  CHECK(error_of("RETURN 1 AND true") == "SyntaxError/InvalidArgumentType");
  CHECK(error_of("MATCH (a RETURN a") == "SyntaxError/UnexpectedSyntax");
}

TEST_CASE("runtime errors") {
  CHECK(error_of("RETURN 1 / 0") == "ArithmeticError/DivisionByZero");
  CHECK(error_of("RETURN 9223372036854775807 + 1") == "ArithmeticError/IntegerOverflow");
  CHECK(error_of("WITH [1] AS l RETURN l['x']") == "TypeError/ListElementAccessByNonInteger");
  CHECK(error_of("MATCH (a) CREATE (a)-[:R]->(:B) WITH a DELETE a") ==
        "ConstraintVerificationFailed/DeleteConnectedNode");
  CHECK(error_of("RETURN $missing") == "ParameterMissing/MissingParameter");
}

TEST_CASE("a syntax error shows the line, the column and a caret") {
  std::string statement = "MATCH (n)\nRETURN n.name AS";
  try {
    PropertyGraph g;
    run_statement(g, statement);
    FAIL("expected a syntax error");
  } catch (const QueryError& e) {
    CHECK(e.at_compile_time());
    CHECK(e.line() == 2);
    CHECK(e.column() == 17);
    std::string shown = e.caret_message(statement);
    CHECK(shown.find("SyntaxError: UnexpectedSyntax: ") == 0);
    CHECK(shown.find("\nRETURN n.name AS\n                ^") != std::string::npos);
  }
}

TEST_CASE("a failing statement leaves the graph unchanged") {
  PropertyGraph g;
  run_statement(g, "CREATE (:A {x: 1})");
  CHECK_THROWS_AS(run_statement(g, "MATCH (a:A) SET a.x = 2 CREATE (:B) WITH a RETURN 1 / 0"), QueryError);
  CHECK(g.node_count() == 1);
  Result r = run_statement(g, "MATCH (a:A) RETURN a.x");
  CHECK(r.rows.at(0).at(0).as_int() == 1);
}

TEST_CASE("errors found in a pattern point at the pattern element") {
  PropertyGraph g;
  try {
    run_statement(g, "MATCH (a)\nCREATE (a:B)");
    FAIL("expected VariableAlreadyBound");
  } catch (const QueryError& e) {
    CHECK(e.detail() == "VariableAlreadyBound");
    CHECK(e.line() == 2);
    CHECK(e.column() == 8);
  }
}
