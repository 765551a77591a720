#include "cli/shell/shortcuts.h"

#include <algorithm>

#include "graph/text_fold.h"
#include "graph/value.h"

namespace kg::cli::shell {

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The words of `text`; a quoted run ('...' or "...") is one word.
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\t') {
      ++i;
      continue;
    }
    std::size_t end;
    if (text[i] == '\'' || text[i] == '"') {
      end = text.find(text[i], i + 1);
      end = end == std::string_view::npos ? text.size() : end + 1;
    } else {
      end = text.find_first_of(" \t", i);
      if (end == std::string_view::npos) end = text.size();
    }
    out.emplace_back(text.substr(i, end - i));
    i = end;
  }
  return out;
}

// `(var {name: 'X'})` for one name, `(var)` plus a WHERE condition for several.
std::string node_pattern(const std::string& var, const std::vector<std::string>& names, std::string& where) {
  if (names.size() == 1) return "(" + var + " {name: " + quote_string(names.front()) + "})";
  std::string list;
  for (const std::string& n : names) list += (list.empty() ? "" : ", ") + quote_string(n);
  where += (where.empty() ? " WHERE " : " AND ") + var + ".name IN [" + list + "]";
  return "(" + var + ")";
}

}  // namespace

std::string unquote(std::string_view text) {
  text = trim(text);
  if (text.size() >= 2 && (text.front() == '\'' || text.front() == '"') && text.back() == text.front())
    text = text.substr(1, text.size() - 2);
  return std::string(text);
}

NameMatch resolve_name(const PropertyGraph& graph, const GraphCatalog& catalog, std::string_view typed) {
  NameMatch match;
  for (NodeId id : graph.nodes_named(typed)) {
    const Value* name = graph.node_property(id, "name");
    if (name && name->is_string()) match.names.push_back(name->as_string());
  }
  if (match.names.empty()) {
    std::string key = fold_key(typed);
    if (key.empty()) return match;
    for (const std::string& name : catalog.node_names)
      if (fold_key(name).starts_with(key)) match.suggestions.push_back(name);
    if (match.suggestions.size() == 1) match.names.swap(match.suggestions);
  }
  std::sort(match.names.begin(), match.names.end());
  match.names.erase(std::unique(match.names.begin(), match.names.end()), match.names.end());
  return match;
}

std::optional<std::pair<std::string, std::string>> split_two_names(const PropertyGraph& graph,
                                                                   const GraphCatalog& catalog,
                                                                   std::string_view arguments) {
  std::vector<std::string> parts = words(arguments);
  if (parts.size() < 2) return std::nullopt;
  for (std::size_t split = 1; split < parts.size(); ++split) {
    std::string a, b;
    for (std::size_t i = 0; i < parts.size(); ++i) (i < split ? a : b) += (i == 0 || i == split ? "" : " ") + parts[i];
    if (parts.size() == 2) return std::pair{unquote(a), unquote(b)};
    if (!resolve_name(graph, catalog, unquote(a)).names.empty() &&
        !resolve_name(graph, catalog, unquote(b)).names.empty())
      return std::pair{unquote(a), unquote(b)};
  }
  return std::nullopt;
}

std::string neighbors_query(const std::vector<std::string>& names) {
  std::string where;
  std::string n = node_pattern("n", names, where);
  return "MATCH " + n + "-[r]-(m)" + where +
         " RETURN startNode(r).name AS from, type(r) AS relationship, endNode(r).name AS to"
         " ORDER BY relationship, from, to";
}

std::string path_query(const std::vector<std::string>& from, const std::vector<std::string>& to) {
  std::string where;
  std::string a = node_pattern("a", from, where);
  std::string b = node_pattern("b", to, where);
  return "MATCH p = shortestPath(" + a + "-[*..10]-" + b + ")" + where +
         " RETURN [x IN nodes(p) | x.name] AS path, [r IN relationships(p) | type(r)] AS relationships";
}

std::string why_query(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::string where;
  std::string pa = node_pattern("a", a, where);
  std::string pb = node_pattern("b", b, where);
  return "MATCH " + pa + "-[r]-" + pb + where +
         " UNWIND coalesce(r.all_evidence, [] + r.evidence, [null]) AS evidence"
         " RETURN startNode(r).name AS from, type(r) AS relationship, endNode(r).name AS to, evidence";
}

}  // namespace kg::cli::shell
