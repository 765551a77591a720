// What TAB offers in the shell: Cypher keywords and functions, the graph's
// labels, relationship types, property keys and node names, parameters,
// meta-commands and their arguments, and file names.
#pragma once

#include <string_view>

#include "cli/shell/graph_catalog.h"
#include "cli/shell/line_editor.h"
#include "query/engine.h"

namespace kg::cli::shell {

// `pending`: the unfinished statement typed on earlier lines ("" if none);
// `before_cursor`: the current line up to the cursor.
Completion complete_input(std::string_view pending, std::string_view before_cursor, const GraphCatalog& catalog,
                          const query::Parameters& parameters);

}  // namespace kg::cli::shell
