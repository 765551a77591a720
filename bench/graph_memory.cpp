// Bytes per node and per relationship of the property graph, two ways: the
// store's own estimate (PropertyGraph::memory_bytes) and the growth of the
// process's resident memory, for nodes and relationships shaped like kg's.
//   build/bench/bench_graph_memory [RELATIONSHIPS]   (default 1,000,000)
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "graph/property_graph.h"

namespace {

std::size_t resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::size_t pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t relationships = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
  std::size_t nodes = relationships / 5;
  kg::PropertyGraph graph;

  std::size_t rss_start = resident_bytes();
  for (std::size_t i = 0; i < nodes; ++i)
    graph.add_node({"Organization"}, {{"name", kg::Value("Company " + std::to_string(i))}});
  std::size_t rss_nodes = resident_bytes();
  std::size_t estimate_nodes = graph.memory_bytes();

  for (std::size_t i = 0; i < relationships; ++i)
    graph.add_relationship(i % nodes, (i * 7919) % nodes, "INVESTS_IN",
                           {{"amount_max", kg::Value(1e6 * static_cast<double>(i % 1000))},
                            {"currency", kg::Value("USD")}});
  std::size_t rss_all = resident_bytes();
  std::size_t estimate_all = graph.memory_bytes();

  std::printf("nodes: %zu (labels: 1, properties: name)\n", nodes);
  std::printf("relationships: %zu (type INVESTS_IN, properties: amount_max, currency)\n", relationships);
  std::printf("bytes per node:         estimate %6.1f   resident %6.1f\n",
              double(estimate_nodes) / double(nodes), double(rss_nodes - rss_start) / double(nodes));
  std::printf("bytes per relationship: estimate %6.1f   resident %6.1f\n",
              double(estimate_all - estimate_nodes) / double(relationships),
              double(rss_all - rss_nodes) / double(relationships));
  return 0;
}
