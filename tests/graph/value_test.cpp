#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "graph/value.h"

using kg::Value;

TEST_CASE("equality follows Cypher: numbers across kinds, null is unknown") {
  CHECK(kg::cypher_equals(Value(1), Value(1.0)) == true);
  CHECK(kg::cypher_equals(Value(1), Value(2)) == false);
  CHECK(kg::cypher_equals(Value("a"), Value(1)) == false);
  CHECK_FALSE(kg::cypher_equals(Value(), Value()).has_value());
  CHECK_FALSE(kg::cypher_equals(Value(1), Value()).has_value());
  double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(kg::cypher_equals(Value(nan), Value(nan)) == false);
}

TEST_CASE("lists holding null compare as unknown unless another element differs") {
  Value with_null(kg::List{Value(1), Value()});
  CHECK_FALSE(kg::cypher_equals(with_null, Value(kg::List{Value(1), Value(2)})).has_value());
  CHECK(kg::cypher_equals(with_null, Value(kg::List{Value(2), Value()})) == false);
  CHECK(kg::cypher_equals(with_null, Value(kg::List{Value(1)})) == false);
}

TEST_CASE("comparison is defined within a type only") {
  CHECK(kg::cypher_compare(Value(1), Value(2.5)) == -1);
  CHECK(kg::cypher_compare(Value("b"), Value("a")) == 1);
  CHECK(kg::cypher_compare(Value(false), Value(true)) == -1);
  CHECK_FALSE(kg::cypher_compare(Value(1), Value("1")).has_value());
  CHECK_FALSE(kg::cypher_compare(Value(1), Value()).has_value());
  CHECK_FALSE(kg::cypher_compare(Value(std::nan("")), Value(1.0)).has_value());
}

TEST_CASE("integers compare with doubles exactly, even beyond 2^53") {
  std::int64_t big = (std::int64_t{1} << 53) + 1;
  CHECK(kg::cypher_compare(Value(big), Value(9007199254740992.0)) == 1);
  CHECK(kg::cypher_equals(Value(big), Value(9007199254740992.0)) == false);
}

TEST_CASE("ORDER BY puts types in Cypher's order and null last") {
  std::vector<Value> ordered = {Value(kg::Map{}), Value(kg::NodeRef{1}), Value(kg::RelRef{1}),
                                Value(kg::List{}), Value("s"), Value(false), Value(-1),
                                Value(2.5), Value(std::nan("")), Value()};
  for (std::size_t i = 0; i + 1 < ordered.size(); ++i) {
    CAPTURE(i);
    CHECK(kg::order_compare(ordered[i], ordered[i + 1]) < 0);
    CHECK(kg::order_compare(ordered[i + 1], ordered[i]) > 0);
  }
  CHECK(kg::order_compare(Value(1), Value(1.0)) == 0);
}

TEST_CASE("equivalence treats null and NaN as equal to themselves, and hashes agree") {
  CHECK(kg::equivalent(Value(), Value()));
  CHECK(kg::equivalent(Value(std::nan("")), Value(std::nan(""))));
  CHECK(kg::equivalent(Value(2), Value(2.0)));
  CHECK(kg::hash_value(Value(2)) == kg::hash_value(Value(2.0)));
  CHECK_FALSE(kg::equivalent(Value("2"), Value(2)));
  Value a(kg::Map{{"k", Value(kg::List{Value(1), Value()})}});
  Value b(kg::Map{{"k", Value(kg::List{Value(1.0), Value()})}});
  CHECK(kg::equivalent(a, b));
  CHECK(kg::hash_value(a) == kg::hash_value(b));
}

TEST_CASE("identical distinguishes integers from floats") {
  CHECK_FALSE(kg::identical(Value(1), Value(1.0)));
  CHECK(kg::identical(Value(kg::List{Value(1.5)}), Value(kg::List{Value(1.5)})));
}

TEST_CASE("floats and strings print in Cypher literal notation") {
  CHECK(kg::format_float(1.0) == "1.0");
  CHECK(kg::format_float(0.1) == "0.1");
  CHECK(kg::format_float(2.5e10) == "2.5e+10");
  CHECK(kg::format_float(100.0) == "100.0");
  CHECK(kg::format_float(1e300) == "1e+300");
  CHECK(kg::format_float(std::nan("")) == "NaN");
  CHECK(kg::format_float(-INFINITY) == "-Infinity");
  CHECK(kg::quote_string("l'IA \\ x") == "'l\\'IA \\\\ x'");
}

TEST_CASE("type names are Cypher's") {
  CHECK(Value().type_name() == "NULL");
  CHECK(Value(3).type_name() == "INTEGER");
  CHECK(Value(kg::Path{{1}, {}}).type_name() == "PATH");
}
