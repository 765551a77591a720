#include <iostream>

#include "cli/commands.h"
#include "graph/dot_writer.h"
#include "graph/node_link_json.h"

namespace kg::cli {

namespace {

struct DotOptions {
  std::string graph_path;
  std::string query;
  std::string output_path;
};

int run_dot(const DotOptions& options) {
  PropertyGraph graph;
  try {
    if (!options.graph_path.empty()) graph = load_node_link(options.graph_path);
  } catch (const std::exception& e) {
    std::cerr << "kg dot: " << e.what() << "\n";
    return kExitFailure;
  }
  if (!options.query.empty()) {
    std::cerr << "kg dot: --query needs the query engine, which is not available yet in this build\n";
    return kExitUsage;
  }
  std::string dot = to_dot(graph);
  if (options.output_path.empty()) {
    std::cout << dot;
    return kExitOk;
  }
  try {
    write_file_atomically(options.output_path, dot);
  } catch (const std::exception& e) {
    std::cerr << "kg dot: " << e.what() << "\n";
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

void add_dot_command(CLI::App& app, int& exit_status) {
  auto options = std::make_shared<DotOptions>();
  CLI::App* cmd = app.add_subcommand("dot", "Draw the graph, or what a query returns, as GraphViz DOT");
  cmd->add_option("-g,--graph", options->graph_path, "node-link JSON graph to draw (default: an empty graph)");
  cmd->add_option("--query", options->query, "draw only the nodes, relationships and paths this query returns");
  cmd->add_option("-o,--output", options->output_path, "write DOT here (default: standard output)");
  cmd->footer(
      "Examples:\n"
      "  kg dot -g graph.json -o graph.dot\n"
      "  kg dot -g graph.json --query \"MATCH p=(:Person)-[:FOUNDED]->() RETURN p\" | dot -Tsvg > founders.svg");
  cmd->callback([options, &exit_status] { exit_status = run_dot(*options); });
}

}  // namespace kg::cli
