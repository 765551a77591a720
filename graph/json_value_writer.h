// Values as JSON text, exactly: the writing half of every JSON format kg
// writes. Reading it back is json_value_reader.h's parse_json_value().
#pragma once

#include <string>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "graph/value.h"

namespace kg {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer, rapidjson::UTF8<>, rapidjson::UTF8<>,
                                     rapidjson::CrtAllocator, rapidjson::kWriteNanAndInfFlag>;

// How NaN and the infinities, which standard JSON cannot hold, are written.
enum class NonFinite { AsLiterals, AsNull };

// Writes one value: integers stay integers, floats keep a '.' or an exponent
// so they read back as floats, temporal values become their ISO 8601 string,
// graph references (which are never stored as properties) become null. With NonFinite::AsLiterals, NaN and infinities are
// written NaN, Infinity, -Infinity (as networkx and parse_json_value accept).
void write_json_value(JsonWriter& writer, const Value& value, NonFinite non_finite);

// Compact standard JSON text of a value; NaN and infinities become null.
std::string to_json(const Value& value);

}  // namespace kg
