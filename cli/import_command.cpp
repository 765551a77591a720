// `kg import`: graphs written by other tools (networkx node-link JSON, GraphML)
// to kg's node-link JSON.
#include <iostream>

#include "cli/commands.h"
#include "graph/export/graphml_reader.h"
#include "graph/node_link_json.h"

namespace kg::cli {

namespace {

struct ImportOptions {
  std::string input;
  std::string format;  // node-link or graphml; from the extension when empty
  std::string output;
};

// The format a file name suggests, or "" when it suggests none.
std::string format_of(const std::string& path) {
  auto ends_with = [&](std::string_view suffix) {
    return path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends_with(".json")) return "node-link";
  if (ends_with(".graphml") || ends_with(".xml")) return "graphml";
  return "";
}

int run_import(const ImportOptions& opt) {
  std::string format = opt.format.empty() ? format_of(opt.input) : opt.format;
  if (format.empty()) {
    std::cerr << "kg import: cannot tell the format of " << opt.input << " from its name; give --format\n";
    return kExitUsage;
  }
  try {
    PropertyGraph graph = format == "graphml" ? load_graphml(opt.input) : load_node_link(opt.input);
    if (opt.output.empty() || opt.output == "-")
      std::cout << to_node_link(graph);
    else
      save_node_link(graph, opt.output);
    std::cerr << "kg import: " << graph.node_count() << " nodes, " << graph.relationship_count()
              << " relationships\n";
  } catch (const std::exception& e) {
    std::cerr << "kg import: " << e.what() << '\n';
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

void add_import_command(CLI::App& app, int& exit_status) {
  auto opt = std::make_shared<ImportOptions>();
  CLI::App* cmd = app.add_subcommand("import", "Read a graph written by networkx or a GraphML tool into kg's format");
  cmd->add_option("input", opt->input, "node-link JSON (networkx's node_link_data) or GraphML file")
      ->required();  // a missing file is a failed input (status 1), not a usage error
  cmd->add_option("--format", opt->format, "node-link or graphml (default: from the extension)")
      ->check(CLI::IsMember({"node-link", "graphml"}));
  cmd->add_option("-o,--output", opt->output, "write kg's node-link JSON here (default: standard output)");
  cmd->footer(
      "Examples:\n"
      "  python3 -c 'import json, networkx as nx; print(json.dumps(nx.node_link_data(nx.karate_club_graph())))' > karate.json\n"
      "  kg import karate.json -o graph.json\n"
      "  kg import network.graphml -o graph.json");
  cmd->callback([opt, &exit_status] { exit_status = run_import(*opt); });
}

}  // namespace kg::cli
