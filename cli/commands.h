// The subcommands of the kg executable. Each add_*_command registers its
// options on `app` and, when chosen, runs and stores its exit status in
// `exit_status`: 0 success, 1 a failed input or statement, 2 a usage error.
#pragma once

#include <CLI/CLI.hpp>

namespace kg::cli {

void add_extract_command(CLI::App& app, int& exit_status);
void add_query_command(CLI::App& app, int& exit_status);
void add_dot_command(CLI::App& app, int& exit_status);
void add_shell_command(CLI::App& app, int& exit_status);
void add_export_command(CLI::App& app, int& exit_status);
void add_import_command(CLI::App& app, int& exit_status);
void add_merge_command(CLI::App& app, int& exit_status);

// Exit statuses shared by every subcommand.
constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

}  // namespace kg::cli
