#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "cli/commands.h"
#include "cli/result_format.h"
#include "cli/terminal.h"
#include "graph/node_link_json.h"
#include "query/engine.h"

namespace kg::cli {

namespace {

struct QueryOptions {
  std::string graph_path;
  std::string format;
  std::vector<std::string> params;
  bool timing = false;
  bool stats = false;
  std::string save_path;
  std::string script_path;
  std::string query;
  double timeout_seconds = 0;
  std::uint64_t max_rows = 0;
  std::uint64_t max_memory = query::default_memory_budget();  // bytes; 0: no limit
};

std::string stats_line(const query::Stats& s) {
  std::ostringstream out;
  out << "Stats: +nodes=" << s.nodes_created << " -nodes=" << s.nodes_deleted
      << " +relationships=" << s.relationships_created << " -relationships=" << s.relationships_deleted
      << " +labels=" << s.labels_added << " -labels=" << s.labels_removed
      << " +properties=" << s.properties_set << " -properties=" << s.properties_removed;
  return out.str();
}

// Reads NAME=VALUE pairs; VALUE in Cypher literal notation.
bool parse_parameters(const std::vector<std::string>& pairs, query::Parameters& parameters) {
  for (const std::string& pair : pairs) {
    auto eq = pair.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::cerr << "kg query: --param wants NAME=VALUE, got '" << pair << "'\n";
      return false;
    }
    try {
      parameters[pair.substr(0, eq)] = query::parse_value(pair.substr(eq + 1));
    } catch (const query::QueryError& e) {
      std::cerr << "kg query: --param " << pair.substr(0, eq) << ": " << e.what() << "\n";
      return false;
    }
  }
  return true;
}

int run_query(const QueryOptions& options) {
  std::optional<ResultFormat> format =
      options.format.empty() ? (isatty(STDOUT_FILENO) ? ResultFormat::Table : ResultFormat::Tsv)
                             : parse_result_format(options.format);
  if (!format) {
    std::cerr << "kg query: --format must be table, tsv, csv or json, not '" << options.format << "'\n";
    return kExitUsage;
  }
  if (options.script_path.empty() == options.query.empty()) {
    std::cerr << "kg query: give either a QUERY or -f SCRIPT (see kg query --help)\n";
    return kExitUsage;
  }
  query::Parameters parameters;
  if (!parse_parameters(options.params, parameters)) return kExitUsage;

  std::string script = options.query;
  if (!options.script_path.empty()) {
    std::error_code error;
    if (std::filesystem::is_directory(options.script_path, error)) {
      std::cerr << "kg query: " << options.script_path << ": is a directory, not a script\n";
      return kExitFailure;
    }
    std::ifstream in(options.script_path, std::ios::binary);
    if (!in) {
      std::cerr << "kg query: " << options.script_path << ": cannot open\n";
      return kExitFailure;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    script = buffer.str();
  }

  PropertyGraph graph;
  try {
    if (!options.graph_path.empty()) graph = load_node_link(options.graph_path);
  } catch (const std::exception& e) {
    std::cerr << "kg query: " << e.what() << "\n";
    return kExitFailure;
  }

  query::Limits limits;
  limits.max_rows = options.max_rows;
  limits.max_memory = options.max_memory;
  limits.timeout = std::chrono::milliseconds(static_cast<std::int64_t>(options.timeout_seconds * 1000));
  limits.cancel = &interrupt_flag();
  install_interrupt_handler();

  std::size_t max_width = *format == ResultFormat::Table ? terminal_width() : 0;
  bool first_output = true;
  for (const std::string& statement : query::split_statements(script)) {
    query::Result result;
    auto start = std::chrono::steady_clock::now();
    try {
      result = query::run_statement(graph, statement, parameters, limits);
    } catch (const query::QueryError& e) {
      std::cerr << e.caret_message(statement) << "\n";
      return kExitFailure;
    }
    auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (result.returns_rows) {
      if (!first_output) std::cout << "\n";
      first_output = false;
      std::cout << format_result(result, graph, *format, max_width);
      if (*format == ResultFormat::Table) std::cout << summarize(result) << "\n";
      std::cout.flush();
    }
    if (options.timing) {
      char line[64];
      std::snprintf(line, sizeof line, "Time: %.3f ms", elapsed);
      std::cerr << line << "\n";
    }
    if (options.stats) std::cerr << stats_line(result.stats) << "\n";
  }

  if (!options.save_path.empty()) {
    try {
      save_node_link(graph, options.save_path);
    } catch (const std::exception& e) {
      std::cerr << "kg query: " << e.what() << "\n";
      return kExitFailure;
    }
  }
  return kExitOk;
}

}  // namespace

void add_query_command(CLI::App& app, int& exit_status) {
  auto options = std::make_shared<QueryOptions>();
  CLI::App* cmd = app.add_subcommand("query", "Run openCypher statements on a graph");
  cmd->add_option("-g,--graph", options->graph_path, "node-link JSON graph to query (default: an empty graph)");
  cmd->add_option("--format", options->format,
                  "table, tsv, csv or json (default: table on a terminal, tsv otherwise)");
  cmd->add_option("--param", options->params, "bind $NAME to VALUE, in Cypher literal notation (NAME=VALUE)")
      ->allow_extra_args(false);
  cmd->add_flag("--timing", options->timing, "print 'Time: X.XXX ms' on standard error after each statement");
  cmd->add_flag("--stats", options->stats, "print what each statement changed on standard error");
  cmd->add_option("--save", options->save_path, "write the graph here after the last statement succeeds");
  cmd->add_option("-f,--file", options->script_path, "read the statements from SCRIPT");
  cmd->add_option("--timeout", options->timeout_seconds, "stop any statement that runs longer (seconds)");
  cmd->add_option("--max-rows", options->max_rows, "stop any statement that produces more rows");
  cmd->add_option("--max-memory", options->max_memory,
                  "stop any statement whose intermediate results need more memory: bytes, or with a unit "
                  "such as 512M or 4GiB (default: a quarter of physical memory; 0: no limit)")
      ->transform(CLI::AsSizeValue(false));
  cmd->add_option("query", options->query, "statements separated by ';'");
  cmd->footer(
      "Examples:\n"
      "  kg query -g graph.json \"MATCH (i)-[:invests-in]->(o {name: 'OpenAI'}) RETURN i.name\"\n"
      "  kg query -g graph.json --format json --param who=\"'SoftBank'\" \\\n"
      "      \"MATCH (o {name: $who})-[r]->(x) RETURN type(r), x.name\"\n"
      "  kg query -g graph.json -f samples/queries.cypher --timing\n"
      "  kg query -g graph.json --save graph.json \"MATCH (n {name: 'Acme'}) SET n:Customer\"");
  cmd->callback([options, &exit_status] { exit_status = run_query(*options); });
}

}  // namespace kg::cli
