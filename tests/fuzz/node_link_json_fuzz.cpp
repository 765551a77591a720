// Fuzz target: any bytes given to the node-link loader are either refused with
// LoadError or loaded into a graph that saves and reloads to the same bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "graph/dot_writer.h"
#include "graph/node_link_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  kg::PropertyGraph graph;
  try {
    graph = kg::parse_node_link(text, "fuzz.json");
  } catch (const kg::LoadError&) {
    return 0;
  }
  std::string saved = kg::to_node_link(graph);
  kg::PropertyGraph again = kg::parse_node_link(saved, "saved.json");
  if (kg::to_node_link(again) != saved) std::abort();
  kg::to_dot(graph);
  return 0;
}
