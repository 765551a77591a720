#include <doctest/doctest.h>

#include "graph/dot_writer.h"

using kg::Value;

namespace {

// Every double quote in DOT output must be either escaped or a delimiter, so the
// quoted strings pair up: an odd count of unescaped quotes on a line is broken DOT.
bool quotes_balanced(const std::string& dot) {
  std::size_t line_start = 0;
  while (line_start < dot.size()) {
    std::size_t end = dot.find('\n', line_start);
    if (end == std::string::npos) end = dot.size();
    int quotes = 0;
    for (std::size_t i = line_start; i < end; ++i) {
      if (dot[i] == '\\') ++i;
      else if (dot[i] == '"') ++quotes;
    }
    if (quotes % 2 != 0) return false;
    line_start = end + 1;
  }
  return true;
}

}  // namespace

TEST_CASE("hostile names are escaped into valid DOT") {
  kg::PropertyGraph g;
  g.add_node({"Organization"}, {{"name", Value("a \"quoted\" \\ name\nwith <html> & ; } {")}});
  std::string dot = kg::to_dot(g);
  CHECK(dot.find("label=\"a \\\"quoted\\\" \\\\ name\\nwith <html> & ; } {\"") != std::string::npos);
  CHECK(quotes_balanced(dot));
}

TEST_CASE("relationships are labelled in hyphenated form with their amount") {
  kg::PropertyGraph g;
  kg::NodeId a = g.add_node({"Organization"}, {{"name", Value("Fund")}});
  kg::NodeId b = g.add_node({"Organization"}, {{"name", Value("Lab")}});
  g.add_relationship(a, b, "INVESTS_IN", {{"amount_min", Value(1.5e9)}, {"amount_max", Value(1.5e9)},
                                          {"currency", Value("EUR")}});
  std::string dot = kg::to_dot(g);
  CHECK(dot.find("label=\"invests-in\\n1.5 bn EUR\"") != std::string::npos);
  CHECK(dot.find("cluster_legend") != std::string::npos);
  CHECK(dot == kg::to_dot(g));
}

TEST_CASE("a selection draws only what it names, plus the ends of its relationships") {
  kg::PropertyGraph g;
  kg::NodeId a = g.add_node(), b = g.add_node(), c = g.add_node();
  kg::RelId r = g.add_relationship(a, b, "T");
  std::string dot = kg::to_dot(g, {{}, {r}});
  CHECK(dot.find("n" + std::to_string(a) + " [") != std::string::npos);
  CHECK(dot.find("n" + std::to_string(b) + " [") != std::string::npos);
  CHECK(dot.find("n" + std::to_string(c) + " [") == std::string::npos);
}

TEST_CASE("relationship types convert between snake and hyphenated forms") {
  CHECK(kg::hyphenated_type("COMPETES_WITH") == "competes-with");
  CHECK(kg::snake_type("invests-in") == "INVESTS_IN");
}
