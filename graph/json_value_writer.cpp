#include "graph/json_value_writer.h"

#include <cmath>

namespace kg {

void write_json_value(JsonWriter& w, const Value& v, NonFinite non_finite) {
  switch (v.kind()) {
    case Value::Kind::Bool: w.Bool(v.as_bool()); break;
    case Value::Kind::Int: w.Int64(v.as_int()); break;
    case Value::Kind::Float:
      if (std::isfinite(v.as_float()) || non_finite == NonFinite::AsLiterals) {
        std::string text = format_float(v.as_float());
        w.RawValue(text.c_str(), text.size(), rapidjson::kNumberType);
      } else {
        w.Null();
      }
      break;
    case Value::Kind::String:
      w.String(v.as_string().c_str(), static_cast<rapidjson::SizeType>(v.as_string().size()));
      break;
    case Value::Kind::List:
      w.StartArray();
      for (const Value& e : v.as_list()) write_json_value(w, e, non_finite);
      w.EndArray();
      break;
    case Value::Kind::Map:
      w.StartObject();
      for (const auto& [key, e] : v.as_map()) {
        w.Key(key.c_str(), static_cast<rapidjson::SizeType>(key.size()));
        write_json_value(w, e, non_finite);
      }
      w.EndObject();
      break;
    case Value::Kind::Temporal: {
      // Stored as its ISO 8601 text: JSON has no temporal type (docs/query-language.md).
      std::string text = to_string(v.as_temporal());
      w.String(text.c_str(), static_cast<rapidjson::SizeType>(text.size()));
      break;
    }
    default: w.Null(); break;
  }
}

std::string to_json(const Value& value) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  write_json_value(writer, value, NonFinite::AsNull);
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace kg
