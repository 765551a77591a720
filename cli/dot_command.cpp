#include <iostream>

#include "cli/commands.h"
#include "graph/dot_writer.h"
#include "graph/node_link_json.h"
#include "query/engine.h"

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
  std::string dot;
  if (options.query.empty()) {
    dot = to_dot(graph);
  } else {
    DotSelection selection;
    try {
      for (const std::string& statement : query::split_statements(options.query))
        for (const auto& row : query::run_statement(graph, statement).rows)
          for (const Value& value : row) select_references(value, selection);
    } catch (const query::QueryError& e) {
      std::cerr << e.caret_message(options.query) << "\n";
      return kExitFailure;
    }
    dot = to_dot(graph, selection);
  }
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
