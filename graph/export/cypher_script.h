// A Cypher script that rebuilds the graph in Neo4j (cypher-shell), Memgraph
// (mgconsole) or kg itself (kg query -f): one CREATE per node, one
// MATCH ... CREATE per relationship, then the removal of the temporary
// property that tied them together.
//
// Only syntax all three accept is used: names in backquotes, strings in single
// quotes with backslash escapes, NaN and infinities as 0.0/0.0 and 1.0/0.0.
// Neo4j and Memgraph store neither maps nor lists of mixed types as
// properties, so those are written as their JSON text. The matching of
// relationship endpoints is fastest with an index on the temporary property;
// the script's header shows the statement for each database.
#pragma once

#include <string>

#include "graph/property_graph.h"

namespace kg {

// The temporary property that identifies each node while the script runs
// ('_' is appended to it while a node of the graph has a property of that name).
inline constexpr const char* kScriptNodeKey = "_kg_import_id";

std::string to_cypher_script(const PropertyGraph& graph);

}  // namespace kg
