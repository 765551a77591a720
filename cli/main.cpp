// kg: turn news articles into a knowledge graph and question it in openCypher.
#include <unistd.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/shell/shell.h"

int main(int argc, char** argv) {
  CLI::App app{"kg: build a knowledge graph from news articles and query it with openCypher"};
  app.set_version_flag("--version", std::string("kg ") + KG_VERSION);
  app.require_subcommand(0, 1);
  app.footer(
      "Examples:\n"
      "  kg extract samples/ -o graph.json\n"
      "  kg query -g graph.json \"MATCH (a)-[:invests-in]->(b) RETURN a.name, b.name\"\n"
      "  kg dot -g graph.json -o graph.dot && dot -Tsvg graph.dot -o graph.svg\n"
      "  kg shell graph.json\n"
      "  kg export --format neo4j-csv -g graph.json -o neo4j/\n"
      "Plain `kg` on a terminal opens the shell on out/graph.json, the samples' graph.");

  int exit_status = kg::cli::kExitOk;
  kg::cli::add_extract_command(app, exit_status);
  kg::cli::add_query_command(app, exit_status);
  kg::cli::add_dot_command(app, exit_status);
  kg::cli::add_shell_command(app, exit_status);
  kg::cli::add_export_command(app, exit_status);
  kg::cli::add_import_command(app, exit_status);
  kg::cli::add_merge_command(app, exit_status);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kg::cli::kExitOk : kg::cli::kExitUsage;
  }
  if (app.get_subcommands().empty()) {
    // A person at a terminal gets the shell; a script gets the help.
    if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) return kg::cli::run_shell("");
    std::cout << app.help();
    return kg::cli::kExitOk;
  }
  return exit_status;
}
