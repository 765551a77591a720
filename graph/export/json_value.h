// Values as standard JSON text, for the formats that carry lists and maps as
// text (GraphML, CSV columns of mixed types) or are JSON (Cytoscape.js).
#pragma once

#include <string>
#include <string_view>

#include "graph/value.h"

namespace kg {

// Compact standard JSON: integers stay integers, floats keep a '.' or an
// exponent, NaN and infinities (which JSON cannot hold) become null.
// Precondition: no node, relationship or path references.
std::string to_json(const Value& value);

// Parses JSON text into a Value (integers that fit int64 stay integers).
// Throws std::runtime_error on malformed text.
Value parse_json_value(std::string_view text);

}  // namespace kg
