#include "graph/export/cytoscape.h"

#include <algorithm>

#include "graph/json_value_writer.h"

namespace kg {

namespace {

// `data` of one element: the fixed fields, then the properties, those whose
// name is a fixed field under "properties".
std::string data_object(Map fixed, const Map& properties) {
  Map nested;
  for (const auto& [key, value] : properties) {
    if (fixed.count(key))
      nested.emplace(key, value);
    else
      fixed.emplace(key, value);
  }
  if (!nested.empty()) fixed.insert_or_assign("properties", Value(std::move(nested)));
  return to_json(Value(std::move(fixed)));
}

}  // namespace

std::string to_cytoscape(const PropertyGraph& graph) {
  std::string out = "{\"elements\": {\"nodes\": [";
  bool first = true;
  for (NodeId id : graph.node_ids()) {
    List labels;
    std::string classes;
    for (const std::string& l : graph.labels(id)) {
      labels.emplace_back(l);
      std::string c = l;
      std::replace(c.begin(), c.end(), ' ', '_');
      classes += (classes.empty() ? "" : " ") + c;
    }
    Map fixed{{"id", "n" + std::to_string(id)}, {"labels", Value(std::move(labels))}};
    out += std::string(first ? "\n  " : ",\n  ") + "{\"data\": " + data_object(std::move(fixed), graph.node_properties(id)) +
           ", \"classes\": " + to_json(Value(classes)) + "}";
    first = false;
  }
  out += "],\n \"edges\": [";
  first = true;
  for (RelId id : graph.relationship_ids()) {
    Map fixed{{"id", "e" + std::to_string(id)},
              {"source", "n" + std::to_string(graph.source(id))},
              {"target", "n" + std::to_string(graph.target(id))},
              {"type", graph.type(id)}};
    out += std::string(first ? "\n  " : ",\n  ") + "{\"data\": " +
           data_object(std::move(fixed), graph.relationship_properties(id)) + "}";
    first = false;
  }
  out += "]}}\n";
  return out;
}

}  // namespace kg
