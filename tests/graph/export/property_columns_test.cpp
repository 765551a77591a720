#include <doctest/doctest.h>

#include <cmath>

#include "graph/export/csv_field.h"
#include "graph/json_value_writer.h"
#include "graph/export/property_columns.h"
#include "graph/json_value_reader.h"

using kg::Column;
using kg::List;
using kg::Map;
using kg::ScalarType;
using kg::Value;

TEST_CASE("a column takes the narrowest type that holds every value") {
  Map a{{"n", 1}, {"x", 1}, {"tags", Value(List{Value("a")})}, {"mixed", 1}, {"empty", Value(List{})}};
  Map b{{"n", 2}, {"x", 2.5}, {"tags", Value(List{})}, {"mixed", "one"}, {"flag", true}};
  std::vector<Column> columns = kg::infer_columns({&a, &b});
  REQUIRE(columns.size() == 6);
  auto find = [&](const std::string& key) {
    for (const Column& c : columns)
      if (c.key == key) return c;
    FAIL("no column " << key);
    return Column{};
  };
  CHECK(find("n").type == ScalarType::Int);
  CHECK(find("x").type == ScalarType::Float);
  CHECK((find("tags").is_list && find("tags").type == ScalarType::String));
  CHECK((find("mixed").type == ScalarType::String && !find("mixed").is_list));
  CHECK(find("flag").type == ScalarType::Bool);
  CHECK(find("empty").is_list);
  CHECK(kg::column_value(Value(1), find("x")).is_float());
  CHECK(kg::column_value(Value(1), find("mixed")).as_string() == "1");
}

TEST_CASE("CSV fields are quoted only when they must be, empty strings always") {
  CHECK(kg::csv_field("plain") == "plain");
  CHECK(kg::csv_field("") == "\"\"");
  CHECK(kg::csv_field("a,\"b\"\nc") == "\"a,\"\"b\"\"\nc\"");
}

TEST_CASE("JSON text round-trips values, floats stay floats") {
  Value v(Map{{"a", Value(List{Value(1), Value(2.0), Value("x\"y"), Value(true)})}});
  CHECK(kg::to_json(v) == "{\"a\":[1,2.0,\"x\\\"y\",true]}");
  CHECK(kg::identical(kg::parse_json_value(kg::to_json(v)), v));
  CHECK(kg::to_json(Value(std::nan(""))) == "null");
  CHECK_THROWS(kg::parse_json_value("[1,"));
}
