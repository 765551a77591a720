// The graph user's shortcuts — :neighbors NAME, :path A B, :why A B — as
// sugar over Cypher. Names are looked up as the graph's name index does
// (case, accents and aliases ignored); the Cypher then uses the exact names,
// so the query the shell prints can be copied and run as it is.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/shell/graph_catalog.h"
#include "graph/property_graph.h"

namespace kg::cli::shell {

// The nodes a typed name stands for.
struct NameMatch {
  std::vector<std::string> names;        // their exact `name` values; empty when none
  std::vector<std::string> suggestions;  // when none: the names that start like it
};

// The nodes named so (or with it as an alias), else the one name that starts
// like it; case and accents do not matter.
NameMatch resolve_name(const PropertyGraph& graph, const GraphCatalog& catalog, std::string_view typed);

// Splits the arguments of :path and :why into two names: quoted ('A B' or
// "A B") or, unquoted, at the first split where both halves name nodes.
// nullopt when no such split exists.
std::optional<std::pair<std::string, std::string>> split_two_names(const PropertyGraph& graph,
                                                                   const GraphCatalog& catalog,
                                                                   std::string_view arguments);

// Cypher for each shortcut, given the exact names.
std::string neighbors_query(const std::vector<std::string>& names);
std::string path_query(const std::vector<std::string>& from, const std::vector<std::string>& to);
std::string why_query(const std::vector<std::string>& a, const std::vector<std::string>& b);

// Removes one pair of surrounding quotes and the spaces around the text.
std::string unquote(std::string_view text);

}  // namespace kg::cli::shell
