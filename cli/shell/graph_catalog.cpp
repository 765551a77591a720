#include "cli/shell/graph_catalog.h"

#include <algorithm>

namespace kg::cli::shell {

GraphCatalog catalog_graph(const PropertyGraph& graph) {
  GraphCatalog catalog;
  for (const std::string& label : graph.all_labels()) catalog.labels[label] = graph.nodes_with_label(label).size();
  for (const std::string& type : graph.all_relationship_types())
    catalog.relationship_types[type] = graph.relationships_of_type(type).size();
  for (NodeId id : graph.node_ids()) {
    for (const auto& [key, value] : graph.node_properties(id)) {
      ++catalog.node_keys[key];
      if (key == "name" && value.is_string()) catalog.node_names.push_back(value.as_string());
    }
  }
  for (RelId id : graph.relationship_ids())
    for (const auto& [key, value] : graph.relationship_properties(id)) ++catalog.relationship_keys[key];
  std::sort(catalog.node_names.begin(), catalog.node_names.end());
  catalog.node_names.erase(std::unique(catalog.node_names.begin(), catalog.node_names.end()), catalog.node_names.end());
  return catalog;
}

}  // namespace kg::cli::shell
