// `kg merge`: graphs extracted separately (one per article, per batch, per
// machine) to one graph, with the extraction's entity resolution (graph_union.h).
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/graph_union.h"
#include "extract/rule_file.h"
#include "graph/node_link_json.h"

namespace kg::cli {

namespace {

struct MergeOptions {
  std::vector<std::string> inputs;
  std::vector<std::string> rule_files;
  std::string output;
};

// Adds every graph of a JSON Lines file (one node-link graph per line, as
// `kg extract --jsonl` writes), one at a time; "-" is standard input.
std::size_t add_json_lines(GraphUnion& merged, const std::string& path) {
  std::ifstream file;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) throw LoadError(path + ": cannot open");
  }
  std::istream& in = path == "-" ? std::cin : file;
  std::string name = path == "-" ? "<stdin>" : path;
  std::size_t graphs = 0, line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    merged.add(parse_node_link(line, name + " line " + std::to_string(line_number)));
    ++graphs;
  }
  if (in.bad()) throw LoadError(name + ": cannot read");
  return graphs;
}

bool is_json_lines(const std::string& path) { return path == "-" || path.ends_with(".jsonl"); }

int run_merge(const MergeOptions& opt) {
  extract::RuleBook rules;
  try {
    rules = extract::RuleBook::built_in();
    for (const std::string& file : opt.rule_files) rules.load_file(file);
  } catch (const extract::RuleError& e) {
    std::cerr << "kg merge: " << e.what() << '\n';
    return kExitUsage;
  }
  GraphUnion merged(rules.symmetric_types());
  try {
    std::size_t graphs = 0;
    for (const std::string& path : opt.inputs) {
      if (is_json_lines(path)) {
        graphs += add_json_lines(merged, path);
      } else {
        merged.add(load_node_link(path));
        ++graphs;
      }
    }
    PropertyGraph graph = merged.take();
    if (opt.output.empty() || opt.output == "-")
      std::cout << to_node_link(graph);
    else
      save_node_link(graph, opt.output);
    std::cerr << "kg merge: " << graphs << " graphs, " << graph.node_count() << " nodes, "
              << graph.relationship_count() << " relationships\n";
  } catch (const std::exception& e) {
    std::cerr << "kg merge: " << e.what() << '\n';
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

void add_merge_command(CLI::App& app, int& exit_status) {
  auto opt = std::make_shared<MergeOptions>();
  CLI::App* cmd = app.add_subcommand("merge", "Merge graphs extracted separately, resolving entities as kg extract does");
  cmd->add_option("inputs", opt->inputs,
                  "node-link JSON graphs, merged in this order; *.jsonl files and - hold one graph per line")
      ->required();
  cmd->add_option("--rules", opt->rule_files, "Extra rule file used at extraction (for its symmetric relations)")
      ->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", opt->output, "write the merged graph here (default: standard output)");
  cmd->footer(
      "Examples:\n"
      "  kg merge day1.json day2.json -o all.json\n"
      "  ls articles/*.txt | parallel kg extract {} -o {.}.json && kg merge articles/*.json -o all.json\n"
      "  kg extract --jsonl < articles.jsonl | kg merge - -o all.json");
  cmd->callback([opt, &exit_status] { exit_status = run_merge(*opt); });
}

}  // namespace kg::cli
