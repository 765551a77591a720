#include <doctest/doctest.h>

#include "graph/literal_format.h"

using kg::Value;

TEST_CASE("values print in the TCK's literal notation") {
  CHECK(kg::format_literal(Value()) == "null");
  CHECK(kg::format_literal(Value(kg::List{Value(1), Value("a"), Value(2.0)})) == "[1, 'a', 2.0]");
  CHECK(kg::format_literal(Value(kg::Map{{"name", Value("x")}, {"k", Value(true)}})) == "{k: true, name: 'x'}");
}

TEST_CASE("nodes, relationships and paths print with their labels, types and properties") {
  kg::PropertyGraph g;
  kg::NodeId a = g.add_node({"A", "B"}, {{"k", Value(1)}});
  kg::NodeId b = g.add_node();
  kg::RelId r = g.add_relationship(b, a, "T", {{"w", Value("x")}});
  CHECK(kg::format_literal(Value(kg::NodeRef{a}), g) == "(:A:B {k: 1})");
  CHECK(kg::format_literal(Value(kg::NodeRef{b}), g) == "()");
  CHECK(kg::format_literal(Value(kg::RelRef{r}), g) == "[:T {w: 'x'}]");
  CHECK(kg::format_literal(Value(kg::Path{{a, b}, {r}}), g) == "<(:A:B {k: 1})<-[:T {w: 'x'}]-()>");
}
