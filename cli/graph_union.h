// Merging graphs written by `kg extract` (kg merge), with the entity
// resolution of extract/merge.h: extracting articles one by one and merging
// the graphs gives the graph that extracting them in one run gives.
//
//  - Nodes: a node one of whose names (its `name` and those `aliases` that
//    are not listed in `descriptions`) folds (kg::fold_key) to a name of a
//    node already merged is that node; its new forms join `aliases`, its
//    `documents` join `documents`, and its other properties fill those still
//    missing. Descriptions ("the start-up") never identify a node, as in
//    extraction.
//  - Relationships carrying `all_sources` (extracted statements): one per
//    (type, source, target), both directions for symmetric types; new sources
//    and their evidence are appended, `evidence_count` recounted, other
//    properties fill those still missing. Other relationships are copied.
//  - The graph attribute `sources` is the concatenation of the inputs'.
#pragma once

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "graph/property_graph.h"

namespace kg::cli {

class GraphUnion {
 public:
  // `symmetric_types`: relationship types for which A→B and B→A are one.
  explicit GraphUnion(std::set<std::string> symmetric_types);

  // Adds one graph. Add them in a fixed order for a deterministic result.
  void add(const PropertyGraph& graph);

  // The merged graph; the union is left empty.
  PropertyGraph take();

 private:
  NodeId node_for(const PropertyGraph& graph, NodeId id);
  void add_relationship(const PropertyGraph& graph, RelId id, NodeId source, NodeId target);

  std::set<std::string> symmetric_;
  PropertyGraph merged_;
  std::unordered_map<std::string, NodeId> by_name_;                      // folded name -> node
  std::unordered_map<NodeId, std::unordered_set<std::string>> names_of_;  // node -> its folded names
  std::map<std::tuple<std::string, NodeId, NodeId>, RelId> statements_;
  List sources_;
};

}  // namespace kg::cli
