#include <iostream>

#include "cli/commands.h"

namespace kg::cli {

void add_extract_command(CLI::App& app, int& exit_status) {
  CLI::App* cmd = app.add_subcommand("extract", "not available yet in this build");
  cmd->allow_extras();
  cmd->callback([&exit_status] {
    std::cerr << "kg extract: not available yet in this build\n";
    exit_status = kExitUsage;
  });
}

}  // namespace kg::cli
