#include "graph/export/json_value.h"

#include <cmath>
#include <stdexcept>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
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

Value from_json(const rapidjson::Value& json) {
  if (json.IsBool()) return Value(json.GetBool());
  if (json.IsInt64()) return Value(json.GetInt64());
  if (json.IsNumber()) return Value(json.GetDouble());
  if (json.IsString()) return Value(std::string(json.GetString(), json.GetStringLength()));
  if (json.IsArray()) {
    List list;
    for (const auto& e : json.GetArray()) list.push_back(from_json(e));
    return Value(std::move(list));
  }
  if (json.IsObject()) {
    Map map;
    for (const auto& m : json.GetObject())
      map.insert_or_assign(std::string(m.name.GetString(), m.name.GetStringLength()), from_json(m.value));
    return Value(std::move(map));
  }
  return Value();
}

}  // namespace

std::string to_json(const Value& value) {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  write(writer, value);
  return std::string(buffer.GetString(), buffer.GetSize());
}

Value parse_json_value(std::string_view text) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseFullPrecisionFlag>(text.data(), text.size());
  if (doc.HasParseError())
    throw std::runtime_error(std::string("invalid JSON value: ") + rapidjson::GetParseError_En(doc.GetParseError()));
  return from_json(doc);
}

}  // namespace kg
