// The shell's meta-commands: lines starting with ':' (":load FILE",
// ":schema", ":why A B", ...). Each is one entry of a table that also drives
// :help and tab completion.
#pragma once

#include <string_view>
#include <vector>

#include "cli/shell/session.h"

namespace kg::cli::shell {

// What TAB offers for a meta-command's arguments.
enum class ArgumentKind { None, File, NodeName, NodeNames, HelpTopic, Format, OnOff, Parameter };

// What the shell does after a meta-command.
enum class Outcome { Done, Failed, Quit, QuitWithoutSaving };

struct MetaCommand {
  std::string_view name;     // ":load"
  std::string_view usage;    // ":load FILE"
  std::string_view summary;  // one line for :help
  std::string_view example;  // a longer explanation with examples, for ":help load"
  ArgumentKind argument;
  Outcome (*run)(Session& session, std::string_view arguments);
};

// Every meta-command, in the order :help lists them.
const std::vector<MetaCommand>& meta_commands();

// The command `word` names (":load", "load", or a unique prefix like ":neigh");
// nullptr when none or ambiguous.
const MetaCommand* find_meta_command(std::string_view word);

// Runs a line that starts with ':'; reports unknown commands.
Outcome run_meta_command(Session& session, std::string_view line);

}  // namespace kg::cli::shell
