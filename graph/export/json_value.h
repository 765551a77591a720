// Values as standard JSON text, for the formats that carry lists and maps as
// text (GraphML, CSV columns of mixed types) or are JSON (Cytoscape.js).
// Reading it back is graph/json_value_reader.h's parse_json_value().
#pragma once

#include <string>

#include "graph/value.h"

namespace kg {

// Compact standard JSON: integers stay integers, floats keep a '.' or an
// exponent, NaN and infinities (which JSON cannot hold) become null.
// Precondition: no node, relationship or path references.
std::string to_json(const Value& value);

}  // namespace kg
