#include "query/parser.h"

#include <doctest/doctest.h>

#include "query/lexer.h"

using namespace kg::query;

TEST_CASE("the lexer keeps keywords as identifiers and decodes strings") {
  auto tokens = tokenize("MATCH (n) WHERE n.name = 'l\\'IA' RETURN n // done");
  REQUIRE(tokens.size() == 13);
  CHECK(tokens[0].kind == TokenKind::Identifier);
  CHECK(tokens[0].text == "MATCH");
  CHECK(tokens[9].kind == TokenKind::String);
  CHECK(tokens[9].text == "l'IA");
  CHECK(tokens.back().kind == TokenKind::End);
}

TEST_CASE("the lexer reads 1..3 as two integers around a range") {
  auto tokens = tokenize("*1..3");
  REQUIRE(tokens.size() == 5);
  CHECK(tokens[1].kind == TokenKind::Integer);
  CHECK(tokens[2].text == "..");
  CHECK(tokens[3].text == "3");
}

TEST_CASE("tokens know their line and column") {
  auto tokens = tokenize("MATCH (n)\n  RETURN n");
  CHECK(tokens[4].text == "RETURN");
  CHECK(tokens[4].line == 2);
  CHECK(tokens[4].column == 3);
}

TEST_CASE("a pattern with direction, types, length and properties") {
  Query q = parse_query("MATCH p = (a:Person {name: 'Ann'})-[r:KNOWS|LIKES*1..3]->(b) RETURN p");
  REQUIRE(q.parts.size() == 1);
  const auto& match = std::get<MatchClause>(q.parts[0].clauses[0]);
  const PatternPart& part = match.pattern[0];
  CHECK(part.path_variable == "p");
  CHECK(part.nodes[0].labels == std::vector<std::string>{"Person"});
  CHECK(part.nodes[0].properties->kind == ExprKind::MapLiteral);
  const RelPattern& r = part.rels[0];
  CHECK(r.types == std::vector<std::string>{"KNOWS", "LIKES"});
  CHECK(r.direction == Direction::Outgoing);
  CHECK(r.variable_length);
  CHECK(r.min_hops == 1);
  CHECK(r.max_hops == 3);
}

TEST_CASE("hyphenated relationship types are read in upper snake case") {
  Query q = parse_query("MATCH (a)-[:invests-in]->(b) RETURN a");
  const auto& match = std::get<MatchClause>(q.parts[0].clauses[0]);
  CHECK(match.pattern[0].rels[0].types == std::vector<std::string>{"INVESTS_IN"});
  CHECK(normalize_relationship_type("competes-with") == "COMPETES_WITH");
  CHECK(normalize_relationship_type("FOUNDED") == "FOUNDED");
}

TEST_CASE("a chained comparison becomes a conjunction") {
  ExprPtr e = parse_expression("1 < x <= 3");
  REQUIRE(e->kind == ExprKind::And);
  CHECK(e->args[0]->kind == ExprKind::Less);
  CHECK(e->args[1]->kind == ExprKind::LessEqual);
}

TEST_CASE("unary minus binds tighter than power, power tighter than multiplication") {
  ExprPtr e = parse_expression("2 * -3 ^ 2");
  REQUIRE(e->kind == ExprKind::Multiply);
  REQUIRE(e->args[1]->kind == ExprKind::Power);
  CHECK(e->args[1]->args[0]->kind == ExprKind::Literal);
  CHECK(e->args[1]->args[0]->value.as_int() == -3);
}

TEST_CASE("RETURN columns are named by their alias or by the expression as written") {
  Query q = parse_query("RETURN n.name AS name, count( * ), 1 + 2");
  const auto& ret = std::get<ReturnClause>(q.parts[0].clauses[0]);
  CHECK(ret.projection.items[0].alias == "name");
  CHECK(ret.projection.items[1].alias == "count( * )");
  CHECK(ret.projection.items[2].alias == "1 + 2");
}

TEST_CASE("UNION ALL joins query parts") {
  Query q = parse_query("RETURN 1 AS x UNION ALL RETURN 2 AS x");
  CHECK(q.parts.size() == 2);
  CHECK(q.union_all == std::vector<bool>{true});
}
