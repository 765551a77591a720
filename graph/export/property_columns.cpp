#include "graph/export/property_columns.h"

#include <map>
#include <optional>

#include "graph/json_value_writer.h"

namespace kg {

namespace {

std::optional<ScalarType> scalar_type(const Value& v) {
  if (v.is_bool()) return ScalarType::Bool;
  if (v.is_int()) return ScalarType::Int;
  if (v.is_float()) return ScalarType::Float;
  // Temporal values are exported as their ISO 8601 text (docs/query-language.md).
  if (v.is_string() || v.is_temporal()) return ScalarType::String;
  return std::nullopt;
}

// The type holding both, or nullopt: only Int and Float mix (as Float).
std::optional<ScalarType> widen(std::optional<ScalarType> a, ScalarType b) {
  if (!a || *a == b) return b;
  if ((*a == ScalarType::Int && b == ScalarType::Float) || (*a == ScalarType::Float && b == ScalarType::Int))
    return ScalarType::Float;
  return std::nullopt;
}

// What the values of one key seen so far allow.
struct Seen {
  bool scalars = false, lists = false, mixed = false;
  std::optional<ScalarType> type;  // unset while only empty lists were seen
};

void observe(Seen& seen, const Value& v) {
  if (seen.mixed) return;
  if (v.is_list()) {
    seen.lists = true;
    for (const Value& e : v.as_list()) {
      std::optional<ScalarType> t = scalar_type(e);
      std::optional<ScalarType> w = t ? widen(seen.type, *t) : std::nullopt;
      if (!w) {
        seen.mixed = true;
        return;
      }
      seen.type = w;
    }
  } else {
    seen.scalars = true;
    std::optional<ScalarType> t = scalar_type(v);
    std::optional<ScalarType> w = t ? widen(seen.type, *t) : std::nullopt;
    if (!w) {
      seen.mixed = true;
      return;
    }
    seen.type = w;
  }
  if (seen.scalars && seen.lists) seen.mixed = true;
}

}  // namespace

std::vector<const Map*> pointers_to(const std::vector<Map>& maps) {
  std::vector<const Map*> pointers;
  pointers.reserve(maps.size());
  for (const Map& m : maps) pointers.push_back(&m);
  return pointers;
}

std::vector<Column> infer_columns(const std::vector<const Map*>& property_maps) {
  std::map<std::string, Seen> seen;
  for (const Map* properties : property_maps)
    for (const auto& [key, value] : *properties) observe(seen[key], value);
  std::vector<Column> columns;
  for (const auto& [key, s] : seen) {
    Column c{key, ScalarType::String, false};
    if (!s.mixed) {
      c.type = s.type.value_or(ScalarType::String);
      c.is_list = s.lists;
    }
    columns.push_back(c);
  }
  return columns;
}

Value column_value(const Value& value, const Column& column) {
  if (column.is_list) {
    List out;
    for (const Value& e : value.as_list())
      out.push_back(column.type == ScalarType::Float ? Value(e.as_number())
                    : e.is_temporal()                ? Value(to_string(e.as_temporal()))
                                                     : e);
    return Value(std::move(out));
  }
  switch (column.type) {
    case ScalarType::Float: return Value(value.as_number());
    case ScalarType::String:
      if (value.is_temporal()) return Value(to_string(value.as_temporal()));
      return value.is_string() ? value : Value(to_json(value));
    default: return value;
  }
}

std::string scalar_text(const Value& value) {
  if (value.is_bool()) return value.as_bool() ? "true" : "false";
  if (value.is_int()) return std::to_string(value.as_int());
  if (value.is_float()) return format_float(value.as_float());
  if (value.is_string()) return value.as_string();
  return to_json(value);
}

}  // namespace kg
