// GraphML (http://graphml.graphdrawing.org), valid against the GraphML 1.0
// schema, with typed keys: networkx (read_graphml), Gephi, yEd, Cytoscape
// desktop and Neo4j's apoc.import.graphml read it.
//
// Each property name becomes a key per domain (graph, node, edge) with
// attr.type boolean, long, double or string, chosen as property_columns.h
// infers it. The schema restricts attr.name to an XML name token (letters,
// digits, . - _ :), so other characters of a property name become '_'.
// GraphML has no list or map type: such values are written as JSON text in a
// string key. Either case is recorded in the key's <desc> as a JSON object,
// {"name": "exact name", "json": true}, which graphml_reader.h reads back. Node labels go in the key `labels` as APOC writes them (":A:B"),
// relationship types in the key `type`. Characters XML 1.0 cannot carry
// (control characters other than tab and line breaks) become U+FFFD.
#pragma once

#include <string>

#include "graph/property_graph.h"

namespace kg {

std::string to_graphml(const PropertyGraph& graph);

}  // namespace kg
