// Unit tests of the TCK runner's Gherkin parser, expected-value parser and matcher.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <cmath>

#include "expected_value.h"
#include "gherkin_parser.h"
#include "result_matcher.h"

using namespace kg::tck;

TEST_CASE("a feature with a background, a scenario and an outline") {
  const Feature feature = parse_feature(R"(#encoding: utf-8
Feature: Demo - a small feature
  Some description text.

  Background:
    Given an empty graph

  @mytag
  Scenario: [1] Plain
    And having executed:
      """
      CREATE (:A {name: 'a|b'})
        INDENTED
      """
    When executing query:
      """
      MATCH (n) RETURN n
      """
    Then the result should be, in any order:
      | n                     |
      | (:A {name: 'a\|b'})   |
    And no side effects

  Scenario Outline: [2] Outline <what>
    When executing query:
      """
      RETURN <value> AS v
      """
    Then the result should be, in any order:
      | v       |
      | <value> |

    Examples:
      | what    | value |
      | integer | 1     |
      | string  | 'x'   |
)");
  CHECK(feature.name == "Demo - a small feature");
  REQUIRE(feature.scenarios.size() == 3);

  const Scenario& plain = feature.scenarios[0];
  CHECK(plain.name == "[1] Plain");
  CHECK(plain.example_index == 0);
  CHECK(plain.tags == std::vector<std::string>{"mytag"});
  REQUIRE(plain.steps.size() == 5);  // the background's step comes first
  CHECK(plain.steps[0].text == "an empty graph");
  CHECK(plain.steps[1].keyword == "And");
  CHECK(*plain.steps[1].doc_string == "CREATE (:A {name: 'a|b'})\n  INDENTED");
  REQUIRE(plain.steps[3].table.has_value());
  CHECK(plain.steps[3].table->at(1).at(0) == "(:A {name: 'a|b'})");
  CHECK(plain.steps[4].text == "no side effects");

  const Scenario& second = feature.scenarios[2];
  CHECK(second.name == "[2] Outline <what>");
  CHECK(second.example_index == 2);
  CHECK(*second.steps[1].doc_string == "RETURN 'x' AS v");
  CHECK(second.steps[2].table->at(1).at(0) == "'x'");
}

TEST_CASE("malformed features are rejected with a line number") {
  CHECK_THROWS_AS(parse_feature("Feature: F\n  Scenario: S\n    \"\"\"\n"), GherkinError);
  CHECK_THROWS_WITH_AS(parse_feature("Feature: F\n  Given a step outside a scenario\n"),
                       doctest::Contains("2:"), GherkinError);
}

TEST_CASE("expected values in literal notation") {
  SUBCASE("scalars") {
    CHECK(parse_expected("null").kind == Expected::Kind::Null);
    CHECK(parse_expected("true").boolean);
    CHECK(parse_expected("-9223372036854775808").integer == INT64_MIN);
    CHECK(parse_expected("1.5e3").real == 1500.0);
    CHECK(parse_expected("1.0").kind == Expected::Kind::Float);
    CHECK(std::isnan(parse_expected("NaN").real));
    CHECK(parse_expected("-Inf").real == -INFINITY);
    CHECK(parse_expected(R"('it\'s \\ \u00e9')").text == "it's \\ \xC3\xA9");
  }
  SUBCASE("containers") {
    const Expected map = parse_expected("{a: [1, 'b'], `c d`: {}}");
    REQUIRE(map.kind == Expected::Kind::Map);
    CHECK(map.keys == std::vector<std::string>{"a", "c d"});
    CHECK(map.items[0].items.size() == 2);
  }
  SUBCASE("graph elements") {
    const Expected node = parse_expected("(:A:B {name: 'n'})");
    CHECK(node.kind == Expected::Kind::Node);
    CHECK(node.labels == std::vector<std::string>{"A", "B"});
    CHECK(node.keys == std::vector<std::string>{"name"});

    const Expected path = parse_expected("<(:A)-[:T {w: 1}]->()<-[:U]-(:C)>");
    REQUIRE(path.kind == Expected::Kind::Path);
    REQUIRE(path.items.size() == 5);
    CHECK(path.items[1].text == "T");
    CHECK(path.items[1].forward);
    CHECK_FALSE(path.items[3].forward);
  }
  SUBCASE("parameters become values") {
    const kg::Value value = to_value(parse_expected("[1, 'a', {k: null}]"));
    REQUIRE(value.is_list());
    CHECK(value.as_list()[1].as_string() == "a");
    CHECK_THROWS_AS(to_value(parse_expected("()")), ExpectedValueError);
  }
  SUBCASE("malformed cells") {
    CHECK_THROWS_AS(parse_expected("[1, 2"), ExpectedValueError);
    CHECK_THROWS_AS(parse_expected("'open"), ExpectedValueError);
    CHECK_THROWS_AS(parse_expected("1 2"), ExpectedValueError);
  }
}

TEST_CASE("expected values match actual values and graph elements") {
  kg::PropertyGraph graph;
  const kg::NodeId a = graph.add_node({"A", "B"}, {{"name", kg::Value("a")}});
  const kg::NodeId b = graph.add_node({}, {});
  const kg::RelId r = graph.add_relationship(a, b, "T", {{"w", kg::Value(1)}});
  const auto matches = [&](const char* expected, const kg::Value& actual, bool ignore = false) {
    return value_matches(parse_expected(expected), actual, graph, ignore);
  };

  CHECK(matches("1", kg::Value(1)));
  CHECK_FALSE(matches("1", kg::Value(1.0)));  // integers and floats differ
  CHECK(matches("NaN", kg::Value(NAN)));
  CHECK(matches("{b: 2, a: 1}", kg::Value(kg::Map{{"a", 1}, {"b", 2}})));
  CHECK_FALSE(matches("[1, 2]", kg::Value(kg::List{2, 1})));
  CHECK(matches("[1, 2]", kg::Value(kg::List{2, 1}), true));

  CHECK(matches("(:B:A {name: 'a'})", kg::NodeRef{a}));  // labels are a set
  CHECK_FALSE(matches("(:A {name: 'a'})", kg::NodeRef{a}));
  CHECK(matches("[:T {w: 1}]", kg::RelRef{r}));
  CHECK(matches("<(:A:B {name: 'a'})-[:T {w: 1}]->()>", kg::Path{{a, b}, {r}}));
  CHECK(matches("<()<-[:T {w: 1}]-(:A:B {name: 'a'})>", kg::Path{{b, a}, {r}}));
  CHECK_FALSE(matches("<()-[:T {w: 1}]->(:A:B {name: 'a'})>", kg::Path{{b, a}, {r}}));

  // The TCK writes temporal results as their string form.
  const kg::Value date(kg::make_date(kg::days_from_civil(2015, 7, 21)));
  CHECK(matches("'2015-07-21'", date));
  CHECK_FALSE(matches("'2015-07-22'", date));
  CHECK_FALSE(matches("'2015-07-21'", kg::Value(kg::make_local_datetime(date.as_temporal().days, 0))));

  kg::query::Result result;
  result.columns = {"x", "y"};
  result.rows = {{kg::Value(1), kg::Value("b")}, {kg::Value(2), kg::Value("c")}};
  const DataTable table = {{"y", "x"}, {"'c'", "2"}, {"'b'", "1"}};
  CHECK_FALSE(compare_result(table, result, graph, {}).has_value());
  CHECK(compare_result(table, result, graph, {.in_order = true}).has_value());
}
