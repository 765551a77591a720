// `kg export`: the graph in the formats other graph tools load (graph/export/).
#include <iostream>

#include "cli/commands.h"
#include "graph/export/cypher_script.h"
#include "graph/export/cytoscape.h"
#include "graph/export/graphml_writer.h"
#include "graph/export/kuzu.h"
#include "graph/export/neo4j_csv.h"
#include "graph/node_link_json.h"

namespace kg::cli {

namespace {

struct ExportOptions {
  std::string format;
  std::string graph_path;
  std::string output;
};

// Formats written as a folder of files rather than one file.
bool is_folder_format(const std::string& format) { return format == "neo4j-csv" || format == "kuzu"; }

int run_export(const ExportOptions& opt) {
  if (is_folder_format(opt.format) && (opt.output.empty() || opt.output == "-")) {
    std::cerr << "kg export: --format " << opt.format << " writes a folder of files: give it with -o FOLDER\n";
    return kExitUsage;
  }
  PropertyGraph graph;
  try {
    if (!opt.graph_path.empty()) graph = load_node_link(opt.graph_path);
  } catch (const std::exception& e) {
    std::cerr << "kg export: " << e.what() << '\n';
    return kExitFailure;
  }
  try {
    if (opt.format == "neo4j-csv") {
      std::vector<ExportFile> files = to_neo4j_csv(graph);
      write_export_files(opt.output, files);
      std::cerr << "kg export: " << files.size() << " files in " << opt.output
                << "; stop the database, then import them with:\n";
      std::cout << neo4j_import_command(files, opt.output) << '\n';
      return kExitOk;
    }
    if (opt.format == "kuzu") {
      write_export_files(opt.output, to_kuzu(graph, opt.output));
      std::cerr << "kg export: load it into a new Kùzu database by running " << opt.output << "/schema.cypher, then "
                << opt.output << "/copy.cypher, e.g.\n";
      std::cout << "kuzu DATABASE < " << opt.output << "/schema.cypher && kuzu DATABASE < " << opt.output
                << "/copy.cypher\n";
      return kExitOk;
    }
    std::string text = opt.format == "cypher"    ? to_cypher_script(graph)
                       : opt.format == "graphml" ? to_graphml(graph)
                                                 : to_cytoscape(graph);
    if (opt.output.empty() || opt.output == "-")
      std::cout << text;
    else
      write_file_atomically(opt.output, text);
  } catch (const std::exception& e) {
    std::cerr << "kg export: " << e.what() << '\n';
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

void add_export_command(CLI::App& app, int& exit_status) {
  auto opt = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand("export", "Write the graph for Neo4j, Memgraph, Kùzu, GraphML tools or Cytoscape.js");
  cmd->add_option("--format", opt->format,
                  "neo4j-csv (neo4j-admin import files), cypher (a script for cypher-shell, Memgraph or kg), "
                  "kuzu (CSV, DDL and COPY), graphml, cytoscape (Cytoscape.js elements JSON)")
      ->required()
      ->check(CLI::IsMember({"neo4j-csv", "cypher", "kuzu", "graphml", "cytoscape"}));
  cmd->add_option("-g,--graph", opt->graph_path, "node-link JSON graph to export (default: an empty graph)");
  cmd->add_option("-o,--output", opt->output,
                  "the folder (neo4j-csv, kuzu) or file to write; standard output for a file format when absent");
  cmd->footer(
      "Examples:\n"
      "  kg export --format neo4j-csv -g graph.json -o neo4j-import/   # prints the neo4j-admin command\n"
      "  kg export --format cypher -g graph.json -o graph.cypher && cypher-shell -f graph.cypher\n"
      "  kg export --format kuzu -g graph.json -o kuzu-import/\n"
      "  kg export --format graphml -g graph.json -o graph.graphml\n"
      "  kg export --format cytoscape -g graph.json -o elements.json\n"
      "See docs/scale-out.md.");
  cmd->callback([opt, &exit_status] { exit_status = run_export(*opt); });
}

}  // namespace kg::cli
