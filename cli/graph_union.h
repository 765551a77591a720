// Merging graphs written by `kg extract` (kg merge), with the entity
// resolution of extract/merge.h: extracting articles one by one and merging
// the graphs gives the graph that extracting them in one run gives.
//
//  - Nodes: a node whose `name` folds (kg::fold_key) to the name or an alias
//    of a node already merged, or one of whose aliases folds to the name of
//    one, is that node; its new forms join `aliases`, its `documents` join
//    `documents`, and its other properties fill those still missing.
//    extract::GraphMerger also matches alias to alias; a saved graph cannot
//    tell names from descriptions among `aliases`, so this merge does not.
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
  std::unordered_map<std::string, NodeId> by_name_;  // folded name -> node
  std::unordered_map<std::string, NodeId> by_form_;  // folded name or alias -> node
  std::map<std::tuple<std::string, NodeId, NodeId>, RelId> statements_;
  List sources_;
};

}  // namespace kg::cli
