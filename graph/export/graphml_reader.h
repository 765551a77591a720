// Reading GraphML into a property graph (kg import): files kg writes
// (graphml_writer.h) and files other tools write — networkx's write_graphml,
// Gephi, yEd, APOC.
//
// Keys are typed by attr.type (boolean, int, long, float, double, string);
// a key whose <desc> is kg's JSON object (graphml_writer.h) gives the exact
// property name and whether values are JSON text (lists, maps). Node
// labels come from a node key named `labels` (":A:B", as APOC writes them),
// relationship types from an edge key named `type` or `label`, else RELATED.
// Node ids become the nodes' file keys; an undirected graph's edges are read
// as directed from source to target. <default> values apply to elements that
// lack the key.
#pragma once

#include <string>
#include <string_view>

#include "graph/node_link_json.h"
#include "graph/property_graph.h"

namespace kg {

// Parses GraphML text; `source_name` names the input in errors. Throws
// LoadError on malformed XML, an edge to an unknown node, or a value that
// does not fit its key's type.
PropertyGraph parse_graphml(std::string_view xml, const std::string& source_name);

// Reads a file; throws LoadError (also for an unreadable file).
PropertyGraph load_graphml(const std::string& path);

}  // namespace kg
