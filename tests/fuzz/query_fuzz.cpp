// Fuzz target: any text run as a Cypher statement on a small graph either
// succeeds or fails with QueryError, within the limits, and a failure leaves
// the graph as it was.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "graph/node_link_json.h"
#include "query/engine.h"

namespace {

kg::PropertyGraph small_graph() {
  kg::PropertyGraph g;
  kg::NodeId fund = g.add_node({"Organization"}, {{"name", kg::Value("Fund")}});
  kg::NodeId lab = g.add_node({"Organization", "Startup"}, {{"name", kg::Value("Lab")}, {"size", kg::Value(12)}});
  kg::NodeId person = g.add_node({"Person"}, {{"name", kg::Value("Ada")}});
  g.add_relationship(fund, lab, "INVESTS_IN", {{"amount_max", kg::Value(1.5e9)}});
  g.add_relationship(person, lab, "FOUNDED");
  g.add_relationship(lab, fund, "COMPETES_WITH");
  return g;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view statement(reinterpret_cast<const char*>(data), size);
  static const std::string before = kg::to_node_link(small_graph());
  kg::PropertyGraph graph = small_graph();
  kg::query::Limits limits;
  limits.max_rows = 10000;
  limits.timeout = std::chrono::milliseconds(200);
  try {
    kg::query::run_statement(graph, statement, {}, limits);
  } catch (const kg::query::QueryError&) {
    if (kg::to_node_link(graph) != before) std::abort();
  }
  return 0;
}
