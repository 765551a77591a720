#include "bench/synthetic_graph.h"

#include <random>

namespace kg::bench {

PropertyGraph make_synthetic_graph(std::size_t relationships) {
  const char* types[] = {"INVESTS_IN", "COMPETES_WITH", "PART_OF", "FOUNDED", "BASED_IN", "CREATED"};
  std::size_t nodes = relationships / 5 + 2;
  std::mt19937_64 random(42);
  PropertyGraph graph;
  for (std::size_t i = 0; i < nodes; ++i) {
    bool person = i % 7 == 0;
    graph.add_node({person ? "Person" : "Organization"},
                   {{"name", Value((person ? "Person " : "Company ") + std::to_string(i))},
                    {"aliases", Value(List{Value("C" + std::to_string(i))})}});
  }
  for (std::size_t i = 0; i < relationships; ++i) {
    NodeId source = random() % nodes, target = random() % nodes;
    std::string type = types[random() % 6];
    Map properties{{"document", Value("doc-" + std::to_string(i % 1000))},
                   {"sentence_index", Value(static_cast<std::int64_t>(i % 40))}};
    if (type == "INVESTS_IN") {
      properties.emplace("amount_max", Value(static_cast<double>(random() % 1000) * 1e6));
      properties.emplace("currency", Value("USD"));
      properties.emplace("status", Value("announced"));
    }
    graph.add_relationship(source, target, type, std::move(properties));
  }
  return graph;
}

}  // namespace kg::bench
