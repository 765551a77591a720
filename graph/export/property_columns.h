// Typed columns for tabular exports (neo4j-admin CSV, Kùzu, GraphML keys).
//
// A property graph lets each node give a property any type; a table needs one
// type per column. infer_columns() picks, for each property key of a group of
// nodes or relationships, the narrowest type that holds every value:
// integers and floats together become floats, lists of one scalar type become
// a list column, and anything else (mixed types, maps, nested lists, lists
// holding null) becomes a string column holding the value's JSON text.
#pragma once

#include <string>
#include <vector>

#include "graph/value.h"

namespace kg {

enum class ScalarType { Bool, Int, Float, String };

struct Column {
  std::string key;           // the property name
  ScalarType type = ScalarType::String;
  bool is_list = false;      // a list of `type`
};

// One column per property key found in `property_maps`, in key order.
std::vector<Column> infer_columns(const std::vector<const Map*>& property_maps);

// The addresses of `maps`, as infer_columns() takes them.
std::vector<const Map*> pointers_to(const std::vector<Map>& maps);

// `value` as the column stores it: an Int turned Float in a Float column, the
// JSON text of a value a String column holds for want of a better type, list
// elements converted alike. Precondition: value is not null.
Value column_value(const Value& value, const Column& column);

// The text of a scalar in tabular formats: true/false, 42, 1.5e+09, the string itself.
std::string scalar_text(const Value& value);

}  // namespace kg
