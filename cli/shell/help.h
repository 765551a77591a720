// The text of :help, with examples drawn from the loaded graph.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cli/shell/session.h"

namespace kg::cli::shell {

// Help on `topic`: "" (the overview), "cypher", "keys", or a meta-command
// (":why" or "why"). nullopt for an unknown topic.
std::optional<std::string> help_text(Session& session, std::string_view topic);

// The topics :help knows besides the meta-commands, for completion.
inline constexpr std::string_view kHelpTopics[] = {"cypher", "keys"};

}  // namespace kg::cli::shell
