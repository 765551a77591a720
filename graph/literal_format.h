// Values written in Cypher literal notation, as the TCK and cypher-shell write them:
// null, true, 42, 1.0, 'l\'IA', [1, 'a'], {k: 1}, (:A:B {k: 1}), [:T {k: 1}],
// <(:A)-[:T]->(:B)>, and temporal values as unquoted ISO 8601 text
// (2015-07-21, 21:40:32.142+01:00, P14DT16H12M).
#pragma once

#include <string>

#include "graph/property_graph.h"
#include "graph/value.h"

namespace kg {

// Nodes, relationships and paths are looked up in `graph`; one that no longer
// exists is written as if it had no labels and no properties.
std::string format_literal(const Value& value, const PropertyGraph& graph);

// Values without graph references.
std::string format_literal(const Value& value);

}  // namespace kg
