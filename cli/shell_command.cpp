// `kg shell [GRAPH.json]`: the interactive query shell (cli/shell/, docs/shell.md).
#include "cli/commands.h"
#include "cli/shell/shell.h"

namespace kg::cli {

void add_shell_command(CLI::App& app, int& exit_status) {
  auto graph_path = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("shell", "Explore a graph interactively with openCypher");
  cmd->add_option("graph", *graph_path,
                  "node-link JSON graph (default: out/graph.json if present, else an empty graph)");
  cmd->footer(
      "Examples:\n"
      "  kg shell out/graph.json\n"
      "  kg shell graph.json < script.cypher     (no prompts; exit status 1 if anything failed)\n"
      "Inside: statements end with ';'; :help lists the meta-commands (:schema, :why A B, ...).");
  cmd->callback([graph_path, &exit_status] { exit_status = run_shell(*graph_path); });
}

}  // namespace kg::cli
