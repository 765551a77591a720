#include "graph/export/json_value.h"

#include <cmath>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace kg {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void write(Writer& w, const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Bool: w.Bool(v.as_bool()); break;
    case Value::Kind::Int: w.Int64(v.as_int()); break;
    case Value::Kind::Float:
      if (std::isfinite(v.as_float())) {
        // format_float keeps a '.' or an exponent, so the value reads back as a float.
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
      for (const Value& e : v.as_list()) write(w, e);
      w.EndArray();
      break;
    case Value::Kind::Map:
      w.StartObject();
      for (const auto& [key, e] : v.as_map()) {
        w.Key(key.c_str(), static_cast<rapidjson::SizeType>(key.size()));
        write(w, e);
      }
      w.EndObject();
      break;
    default: w.Null(); break;
  }
}

}  // namespace

std::string to_json(const Value& value) {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  write(writer, value);
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace kg
