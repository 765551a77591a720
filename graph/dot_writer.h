// GraphViz DOT pictures of a graph or of part of it.
#pragma once

#include <set>
#include <string>

#include "graph/property_graph.h"

namespace kg {

// Which nodes and relationships to draw. The endpoints of every chosen
// relationship are drawn even when not chosen themselves.
struct DotSelection {
  std::set<NodeId> nodes;
  std::set<RelId> relationships;
};

// Adds the nodes, relationships and paths `value` holds, however nested in
// lists and maps: what a query result row contributes to a picture.
void select_references(const Value& value, DotSelection& selection);

// The whole graph as DOT.
std::string to_dot(const PropertyGraph& graph);

// Only the selected part. Output is deterministic: ids ascending. Each node
// label has a style (shape, colour), each relationship type a colour; edges
// are labelled with the hyphenated type (invests-in) and the amount when the
// relationship has one; a legend lists the labels and types drawn. Every name
// is escaped, so any text yields valid DOT.
std::string to_dot(const PropertyGraph& graph, const DotSelection& selection);

// Cypher's upper snake case to the design card's form: INVESTS_IN -> invests-in.
std::string hyphenated_type(std::string_view type);
// And back: invests-in -> INVESTS_IN.
std::string snake_type(std::string_view type);

}  // namespace kg
