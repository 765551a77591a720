// Cytoscape.js elements JSON, for web viewers:
//   {"elements": {"nodes": [{"data": {"id": "n0", "labels": ["Organization"], "name": ...}, "classes": "Organization"}],
//                 "edges": [{"data": {"id": "e0", "source": "n0", "target": "n1", "type": "INVESTS_IN", ...}}]}}
// Load it with cytoscape({elements: json.elements, ...}) or cy.json(json).
// Properties are the other keys of `data`; one whose name is taken (id,
// labels, source, target, type) goes inside `data.properties`, as in
// node-link JSON. `classes` holds the labels (spaces replaced by '_'), so that
// a style can select `node.Organization`. NaN and infinities become null.
#pragma once

#include <string>

#include "graph/property_graph.h"

namespace kg {

std::string to_cytoscape(const PropertyGraph& graph);

}  // namespace kg
