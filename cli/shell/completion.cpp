#include "cli/shell/completion.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

#include "cli/shell/cypher_scan.h"
#include "cli/shell/help.h"
#include "cli/shell/meta_commands.h"
#include "graph/text_fold.h"

namespace kg::cli::shell {

namespace {

// Cypher's keywords and the engine's functions (query/functions.cpp, query/aggregation.cpp).
constexpr std::string_view kKeywords[] = {
    "ALL",    "AND",      "AS",    "ASC",        "ASCENDING", "BY",       "CALL",  "CASE", "CONTAINS",
    "CREATE", "DELETE",   "DESC",  "DESCENDING", "DETACH",    "DISTINCT", "ELSE",  "END",  "ENDS",
    "EXISTS", "FALSE",    "IN",    "IS",         "LIMIT",     "MATCH",    "MERGE", "NOT",  "NULL",
    "ON",     "OPTIONAL", "OR",    "ORDER",      "REMOVE",    "RETURN",   "SET",   "SKIP", "STARTS",
    "THEN",   "TRUE",     "UNION", "UNWIND",     "WHEN",      "WHERE",    "WITH",  "XOR",  "YIELD"};

// clang-format off
constexpr std::string_view kFunctions[] = {
    "abs", "acos", "allShortestPaths", "asin", "atan", "atan2", "avg", "ceil", "coalesce", "collect", "cos",
    "cot", "count", "date", "datetime", "degrees", "e", "endNode", "exists", "exp", "floor", "haversin",
    "head", "id", "isEmpty", "keys", "labels", "last", "left", "length", "localdatetime", "localtime", "log",
    "log10", "ltrim", "max", "min", "nodes", "percentileCont", "percentileDisc", "pi", "properties",
    "radians", "rand", "range", "relationships", "replace", "reverse", "right", "round", "rtrim",
    "shortestPath", "sign", "sin", "size", "split", "sqrt", "startNode", "stDev", "stDevP", "substring",
    "sum", "tail", "tan", "time", "toBoolean", "toFloat", "toInteger", "toLower", "toString", "toUpper",
    "trim", "type"};
// clang-format on

bool identifier_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || u >= 0x80;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (prefix.size() > text.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

// Sorts and de-duplicates; a single candidate gets its suffix.
Completion finish(Completion completion, const std::string& suffix) {
  auto& c = completion.candidates;
  std::sort(c.begin(), c.end());
  c.erase(std::unique(c.begin(), c.end()), c.end());
  if (c.size() == 1) c.front() += suffix;
  return completion;
}

// The names in `names` that start like `word`.
template <typename Names>
Completion words_like(std::string_view word, const Names& names, const std::string& suffix) {
  Completion completion;
  completion.word_length = word.size();
  for (const auto& name : names)
    if (starts_with_ignoring_case(name, word)) completion.candidates.emplace_back(name);
  return finish(std::move(completion), suffix);
}

template <typename Counts>
std::vector<std::string> keys_of(const Counts& counts) {
  std::vector<std::string> keys;
  for (const auto& entry : counts) keys.push_back(entry.first);
  return keys;
}

// Cypher keywords in the case the user types them in, and functions.
Completion keywords(std::string_view word) {
  bool lower =
      std::none_of(word.begin(), word.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
  Completion completion;
  completion.word_length = word.size();
  for (std::string_view k : kKeywords) {
    if (!starts_with_ignoring_case(k, word)) continue;
    std::string keyword(k);
    if (lower)
      std::transform(keyword.begin(), keyword.end(), keyword.begin(), [](unsigned char c) { return std::tolower(c); });
    completion.candidates.push_back(keyword);
  }
  for (std::string_view f : kFunctions)
    if (starts_with_ignoring_case(f, word)) completion.candidates.push_back(std::string(f) + "(");
  completion = finish(std::move(completion), "");
  if (completion.candidates.size() == 1 && !completion.candidates.front().ends_with('('))
    completion.candidates.front() += ' ';
  return completion;
}

// Node names that start like `typed` (case and accents ignored), written
// after an opening `quote` (escaped, and closed when one is left) or bare when `quote` is 0.
Completion node_names(std::string_view typed, const GraphCatalog& catalog, char quote) {
  Completion completion;
  completion.word_length = typed.size() + (quote ? 1 : 0);
  if (quote) completion.prefix = std::string(1, quote);
  std::string key = fold_key(typed);
  for (const std::string& name : catalog.node_names) {
    if (!starts_with_ignoring_case(name, typed) && !(key.empty() ? typed.empty() : fold_key(name).starts_with(key)))
      continue;
    if (!quote) {
      completion.candidates.push_back(name);
      continue;
    }
    std::string escaped;
    for (char c : name) {
      if (c == quote || c == '\\') escaped += '\\';
      escaped += c;
    }
    completion.candidates.push_back(escaped);
  }
  return finish(std::move(completion), quote ? std::string(1, quote) : std::string());
}

// Files and folders whose path starts with `word`; folders end with '/'.
Completion file_names(std::string_view word) {
  Completion completion;
  completion.word_length = word.size();
  std::string typed(word);
  std::size_t slash = typed.rfind('/');
  std::string folder = slash == std::string::npos ? "" : typed.substr(0, slash + 1);
  std::string base = slash == std::string::npos ? typed : typed.substr(slash + 1);
  std::string where = folder.empty() ? "." : folder;
  const char* home = std::getenv("HOME");
  if (home && where.starts_with("~/")) where = home + where.substr(1);
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(where, error)) {
    std::string name = entry.path().filename().string();
    if (!name.starts_with(base) || (name.starts_with('.') && !base.starts_with('.'))) continue;
    std::error_code ignored;
    completion.candidates.push_back(folder + name + (entry.is_directory(ignored) ? "/" : ""));
  }
  completion = finish(std::move(completion), "");
  if (completion.candidates.size() == 1 && !completion.candidates.front().ends_with('/'))
    completion.candidates.front() += ' ';
  return completion;
}

// The word being typed in a meta-command's arguments.
Completion meta_command(std::string_view line, const GraphCatalog& catalog, const query::Parameters& parameters) {
  std::size_t space = line.find_first_of(" \t");
  if (space == std::string_view::npos) {
    std::vector<std::string> names;
    for (const MetaCommand& c : meta_commands()) names.emplace_back(c.name);
    return words_like(line, names, " ");
  }
  const MetaCommand* command = find_meta_command(line.substr(0, space));
  if (!command) return {};
  std::string_view arguments = line.substr(space);
  while (!arguments.empty() && (arguments.front() == ' ' || arguments.front() == '\t')) arguments.remove_prefix(1);
  std::size_t last_space = arguments.find_last_of(" \t");
  std::string_view last_word = last_space == std::string_view::npos ? arguments : arguments.substr(last_space + 1);
  bool first_argument = last_space == std::string_view::npos;

  switch (command->argument) {
    case ArgumentKind::File:
      if (command->name == ":dot" && !first_argument) return {};
      return file_names(last_word);
    case ArgumentKind::NodeName: {  // the whole rest of the line is one name
      bool quoted = arguments.starts_with('\'') || arguments.starts_with('"');
      return node_names(quoted ? arguments.substr(1) : arguments, catalog, quoted ? arguments.front() : 0);
    }
    case ArgumentKind::NodeNames: {  // two names; those with spaces quoted
      std::size_t quote = arguments.find_last_of("'\"");
      bool open =
          quote != std::string_view::npos && std::count(arguments.begin(), arguments.end(), arguments[quote]) % 2 == 1;
      if (open) return node_names(arguments.substr(quote + 1), catalog, arguments[quote]);
      Completion completion = node_names(last_word, catalog, 0);
      for (std::string& c : completion.candidates)
        if (c.find(' ') != std::string::npos) c = "'" + c + "'";
      if (completion.candidates.size() == 1) completion.candidates.front() += ' ';
      return completion;
    }
    case ArgumentKind::HelpTopic: {
      std::vector<std::string> topics(std::begin(kHelpTopics), std::end(kHelpTopics));
      for (const MetaCommand& c : meta_commands()) topics.emplace_back(c.name.substr(1));
      return first_argument ? words_like(last_word, topics, "") : Completion{};
    }
    case ArgumentKind::Format:
      return first_argument ? words_like(last_word, std::vector<std::string>{"table", "tsv", "csv", "json"}, "")
                            : Completion{};
    case ArgumentKind::OnOff:
      return first_argument ? words_like(last_word, std::vector<std::string>{"on", "off"}, "") : Completion{};
    case ArgumentKind::Parameter:
      return first_argument ? words_like(last_word, keys_of(parameters), " ") : Completion{};
    case ArgumentKind::None:
      return {};
  }
  return {};
}

}  // namespace

Completion complete_input(std::string_view pending, std::string_view before_cursor, const GraphCatalog& catalog,
                          const query::Parameters& parameters) {
  std::string_view line = before_cursor;
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  if (pending.empty() && line.starts_with(':')) return meta_command(line, catalog, parameters);

  std::string text =
      pending.empty() ? std::string(before_cursor) : std::string(pending) + "\n" + std::string(before_cursor);
  std::size_t line_start = text.size() - before_cursor.size();
  CypherScan scan = scan_cypher(text);
  switch (scan.inside) {
    case Inside::SingleQuoted:
    case Inside::DoubleQuoted:
      if (scan.quote_start < line_start) return {};
      return node_names(std::string_view(text).substr(scan.quote_start + 1), catalog, text[scan.quote_start]);
    case Inside::Backticked: {
      if (scan.quote_start < line_start) return {};
      std::vector<std::string> names = keys_of(catalog.labels);
      for (const auto& k :
           {keys_of(catalog.relationship_types), keys_of(catalog.node_keys), keys_of(catalog.relationship_keys)})
        names.insert(names.end(), k.begin(), k.end());
      return words_like(std::string_view(text).substr(scan.quote_start + 1), names, "`");
    }
    case Inside::LineComment:
    case Inside::BlockComment:
      return {};
    case Inside::Code:
      break;
  }

  std::size_t start = before_cursor.size();
  while (start > 0 && identifier_char(before_cursor[start - 1])) --start;
  std::string_view word = before_cursor.substr(start);
  char before_word = start > 0 ? before_cursor[start - 1] : '\0';
  if (before_word == ':') {
    if (scan.open_bracket == '[') return words_like(word, keys_of(catalog.relationship_types), "");
    if (scan.open_bracket == '(') return words_like(word, keys_of(catalog.labels), "");
    return {};
  }
  if (before_word == '.') {
    std::vector<std::string> keys = keys_of(catalog.node_keys);
    for (const std::string& k : keys_of(catalog.relationship_keys)) keys.push_back(k);
    return words_like(word, keys, "");
  }
  if (before_word == '$') return words_like(word, keys_of(parameters), "");
  if (word.empty() || std::isdigit(static_cast<unsigned char>(word.front()))) return {};
  return keywords(word);
}

}  // namespace kg::cli::shell
