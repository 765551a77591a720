// What a graph holds, by name: labels, relationship types and property keys
// with counts, and the names of its nodes. Feeds :schema, :help's examples and
// tab completion.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "graph/property_graph.h"

namespace kg::cli::shell {

struct GraphCatalog {
  std::map<std::string, std::size_t> labels;              // label -> nodes
  std::map<std::string, std::size_t> relationship_types;  // type -> relationships
  std::map<std::string, std::size_t> node_keys;           // property key -> nodes having it
  std::map<std::string, std::size_t> relationship_keys;   // property key -> relationships having it
  std::vector<std::string> node_names;                    // every `name`, sorted, without repeats
};

// Reads the whole graph: O(nodes + relationships + properties).
GraphCatalog catalog_graph(const PropertyGraph& graph);

}  // namespace kg::cli::shell
