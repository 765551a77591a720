#include "cli/shell/meta_commands.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <map>
#include <set>
#include <thread>

#include "cli/graph_union.h"
#include "cli/shell/help.h"
#include "cli/shell/shortcuts.h"
#include "extract/corpus.h"
#include "extract/rule_file.h"
#include "graph/dot_writer.h"
#include "graph/node_link_json.h"
#include "graph/text_fold.h"

namespace kg::cli::shell {

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

// Splits off the first word: {"FILE", "rest of the line"}.
std::pair<std::string_view, std::string_view> first_word(std::string_view text) {
  text = trim(text);
  std::size_t end = text.find_first_of(" \t");
  if (end == std::string_view::npos) return {text, {}};
  return {text.substr(0, end), trim(text.substr(end))};
}

// A file name argument: quotes removed, a leading ~/ made the home folder.
std::string file_argument(std::string_view text) {
  std::string path = unquote(text);
  const char* home = std::getenv("HOME");
  if (home && path.starts_with("~/")) path = home + path.substr(1);
  return path;
}

Outcome usage(Session& session, std::string_view name) {
  const MetaCommand* c = find_meta_command(name);
  session.fail("usage: " + std::string(c ? c->usage : name));
  return Outcome::Failed;
}

// Builds a result with the given columns, for meta-commands that print tables.
query::Result table(std::vector<std::string> columns) {
  query::Result result;
  result.returns_rows = true;
  result.columns = std::move(columns);
  return result;
}

std::string graph_size(const PropertyGraph& graph) {
  return std::to_string(graph.node_count()) + " nodes, " + std::to_string(graph.relationship_count()) +
         " relationships";
}

// The exact names a typed name stands for, or a message and nothing.
std::optional<std::vector<std::string>> names_for(Session& session, std::string_view typed) {
  NameMatch match = resolve_name(session.graph(), session.catalog(), typed);
  if (!match.names.empty()) return match.names;
  std::string message = "No node is named '" + std::string(typed) + "'.";
  if (!match.suggestions.empty()) {
    message += " Did you mean:";
    for (std::size_t i = 0; i < match.suggestions.size() && i < 8; ++i) message += " '" + match.suggestions[i] + "'";
    if (match.suggestions.size() > 8) message += " ...";
  }
  session.fail(message);
  return std::nullopt;
}

// ---- The commands ---------------------------------------------------------

Outcome help(Session& session, std::string_view arguments) {
  std::string topic = unquote(arguments);
  std::optional<std::string> text = help_text(session, topic);
  if (!text) {
    session.fail("No help on '" + topic + "'. Try :help, :help cypher, :help keys or :help COMMAND.");
    return Outcome::Failed;
  }
  session.say(*text);
  return Outcome::Done;
}

Outcome load(Session& session, std::string_view arguments) {
  if (arguments.empty()) return usage(session, ":load");
  std::string path = file_argument(arguments);
  if (session.unsaved() && !session.confirm("The graph has unsaved changes. Discard them and load " + path + "?")) {
    session.say("Not loaded.");
    return Outcome::Done;
  }
  try {
    session.set_graph(load_node_link(path), path);
  } catch (const std::exception& e) {
    session.fail(e.what());
    return Outcome::Failed;
  }
  session.say("Loaded " + path + ": " + graph_size(session.graph()) + ".");
  return Outcome::Done;
}

Outcome save(Session& session, std::string_view arguments) {
  std::string path = arguments.empty() ? session.graph_path() : file_argument(arguments);
  if (path.empty()) {
    session.fail("This graph has no file yet: :save FILE");
    return Outcome::Failed;
  }
  try {
    save_node_link(session.graph(), path);
  } catch (const std::exception& e) {
    session.fail(e.what());
    return Outcome::Failed;
  }
  session.saved_to(path);
  session.say("Saved " + graph_size(session.graph()) + " to " + path + ".");
  return Outcome::Done;
}

// Extracts the articles, then merges them into the graph as `kg merge` does (cli/graph_union.h).
Outcome extract_articles(Session& session, std::string_view arguments) {
  std::vector<std::string> paths;
  for (std::string_view rest = arguments; !trim(rest).empty();) {
    auto [word, tail] = first_word(rest);
    paths.push_back(file_argument(word));
    rest = tail;
  }
  if (paths.empty()) return usage(session, ":extract");
  std::vector<std::string> errors;
  std::vector<extract::Input> inputs = extract::collect_inputs(paths, errors);
  extract::CorpusResult result;
  extract::RuleBook rules;
  try {
    rules = extract::RuleBook::built_in();
    extract::CorpusOptions options;
    options.threads = std::max(1u, std::thread::hardware_concurrency());
    result = extract::extract_corpus(inputs, rules, options);
  } catch (const std::exception& e) {
    session.fail(e.what());
    return Outcome::Failed;
  }
  errors.insert(errors.end(), result.errors.begin(), result.errors.end());
  for (const std::string& e : errors) session.fail(e);
  if (result.articles == 0) {
    session.fail("No article extracted; the graph is unchanged.");
    return Outcome::Failed;
  }
  std::string before = graph_size(session.graph());
  GraphUnion merged(rules.symmetric_types());
  merged.add(session.graph());
  merged.add(result.merged.take());
  session.graph() = merged.take();
  session.graph_changed();
  session.say("Extracted " + std::to_string(result.articles) + (result.articles == 1 ? " article" : " articles") +
              ": the graph has " + graph_size(session.graph()) + " (it had " + before + ").");
  return errors.empty() ? Outcome::Done : Outcome::Failed;
}

Outcome dot(Session& session, std::string_view arguments) {
  auto [file, query_text] = first_word(arguments);
  if (file.empty()) return usage(session, ":dot");
  std::string path = file_argument(file);
  std::string picture;
  if (query_text.empty()) {
    picture = to_dot(session.graph());
  } else {
    std::string statement(query_text);
    if (statement.ends_with(';')) statement.pop_back();
    DotSelection selection;
    try {
      for (const auto& row : session.query(statement).rows)
        for (const Value& value : row) select_references(value, selection);
    } catch (const query::QueryError& e) {
      session.fail(e.caret_message(statement));
      return Outcome::Failed;
    }
    picture = to_dot(session.graph(), selection);
  }
  try {
    write_file_atomically(path, picture);
  } catch (const std::exception& e) {
    session.fail(e.what());
    return Outcome::Failed;
  }
  session.say("Wrote " + path + " (render it with: dot -Tsvg " + path + " -o graph.svg).");
  return Outcome::Done;
}

Outcome schema(Session& session, std::string_view) {
  const GraphCatalog& catalog = session.catalog();
  query::Result labels = table({"label", "nodes"});
  for (const auto& [name, count] : catalog.labels)
    labels.rows.push_back({Value(name), Value(static_cast<std::int64_t>(count))});
  query::Result types = table({"relationship type", "relationships"});
  for (const auto& [name, count] : catalog.relationship_types)
    types.rows.push_back({Value(name), Value(static_cast<std::int64_t>(count))});
  query::Result keys = table({"property key", "nodes", "relationships"});
  std::map<std::string, std::pair<std::size_t, std::size_t>> all_keys;
  for (const auto& [key, count] : catalog.node_keys) all_keys[key].first = count;
  for (const auto& [key, count] : catalog.relationship_keys) all_keys[key].second = count;
  for (const auto& [key, count] : all_keys)
    keys.rows.push_back(
        {Value(key), Value(static_cast<std::int64_t>(count.first)), Value(static_cast<std::int64_t>(count.second))});
  session.print_rows(labels);
  session.print_rows(types);
  session.print_rows(keys);
  return Outcome::Done;
}

Outcome stats(Session& session, std::string_view) {
  const PropertyGraph& graph = session.graph();
  const GraphCatalog& catalog = session.catalog();
  std::size_t keys = catalog.node_keys.size();
  for (const auto& [key, count] : catalog.relationship_keys) keys += catalog.node_keys.count(key) ? 0 : 1;
  char memory[32], timeout[32];
  std::snprintf(memory, sizeof memory, "%.1f MiB", static_cast<double>(graph.memory_bytes()) / (1024.0 * 1024.0));
  std::snprintf(timeout, sizeof timeout, "%g s", static_cast<double>(session.timeout.count()) / 1000.0);
  auto line = [&](std::string_view name, const std::string& value) {
    session.say(session.out_style().dim(std::string(name) + std::string(20 - name.size(), ' ')) + value);
  };
  line("file", session.graph_path().empty() ? "(none yet: :save FILE)" : session.graph_path());
  line("unsaved changes", session.unsaved() ? "yes" : "no");
  line("nodes", std::to_string(graph.node_count()));
  line("relationships", std::to_string(graph.relationship_count()));
  line("labels", std::to_string(catalog.labels.size()));
  line("relationship types", std::to_string(catalog.relationship_types.size()));
  line("property keys", std::to_string(keys));
  line("memory", memory);
  line("parameters", std::to_string(session.parameters.size()));
  line("timeout", session.timeout.count() ? timeout : "none");
  line("timing", session.timing ? "on" : "off");
  line("history file", session.history && !session.history->path().empty() ? session.history->path() : "none");
  return Outcome::Done;
}

Outcome format(Session& session, std::string_view arguments) {
  std::optional<ResultFormat> chosen = parse_result_format(trim(arguments));
  if (!chosen) return usage(session, ":format");
  session.format = *chosen;
  return Outcome::Done;
}

Outcome timing(Session& session, std::string_view arguments) {
  arguments = trim(arguments);
  if (arguments != "on" && arguments != "off") return usage(session, ":timing");
  session.timing = arguments == "on";
  return Outcome::Done;
}

Outcome param(Session& session, std::string_view arguments) {
  auto [name, value] = first_word(arguments);
  if (name.starts_with('$')) name.remove_prefix(1);
  if (name.ends_with(':')) name.remove_suffix(1);
  if (value.starts_with("=>")) value = trim(value.substr(2));
  if (name.empty()) return usage(session, ":param");
  if (value.empty()) {
    session.parameters.erase(std::string(name));
    session.say("$" + std::string(name) + " is no longer set.");
    return Outcome::Done;
  }
  try {
    session.parameters[std::string(name)] = query::parse_value(value);
  } catch (const query::QueryError& e) {
    session.fail(e.caret_message(value));
    return Outcome::Failed;
  }
  return Outcome::Done;
}

Outcome params(Session& session, std::string_view) {
  if (session.parameters.empty()) {
    session.say("No parameters: :param NAME VALUE sets one.");
    return Outcome::Done;
  }
  query::Result result = table({"name", "value"});
  for (const auto& [name, value] : session.parameters) result.rows.push_back({Value("$" + name), value});
  session.print_rows(result);
  return Outcome::Done;
}

Outcome timeout(Session& session, std::string_view arguments) {
  arguments = trim(arguments);
  if (arguments.empty()) {
    session.say(session.timeout.count() ? "Statements stop after " + std::to_string(session.timeout.count()) + " ms."
                                        : "No timeout: :timeout SECONDS sets one.");
    return Outcome::Done;
  }
  try {
    std::size_t used = 0;
    double seconds = std::stod(std::string(arguments), &used);
    if (used != arguments.size() || seconds < 0) return usage(session, ":timeout");
    session.timeout = std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000));
  } catch (const std::exception&) {
    return usage(session, ":timeout");
  }
  return Outcome::Done;
}

Outcome history(Session& session, std::string_view) {
  if (!session.history) {
    session.say("No history when the input is not a terminal.");
    return Outcome::Done;
  }
  std::vector<std::string> entries = session.history->entries();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    char number[24];
    std::snprintf(number, sizeof number, "%5zu  ", i + 1);
    session.say(session.out_style().dim(number) + entries[i]);
  }
  return Outcome::Done;
}

Outcome quit(Session&, std::string_view) { return Outcome::Quit; }
Outcome quit_without_saving(Session&, std::string_view) { return Outcome::QuitWithoutSaving; }

Outcome neighbors(Session& session, std::string_view arguments) {
  std::string typed = unquote(arguments);
  if (typed.empty()) return usage(session, ":neighbors");
  std::optional<std::vector<std::string>> names = names_for(session, typed);
  if (!names) return Outcome::Failed;
  return session.run_shown_cypher(neighbors_query(*names)) ? Outcome::Done : Outcome::Failed;
}

// :why's rows (from, relationship, to, evidence) as each relationship
// followed by its sentences in full, rather than cut to fit a table.
void print_evidence(Session& session, const query::Result& result) {
  const Style& style = session.out_style();
  auto text = [](const Value& v) { return v.is_string() ? v.as_string() : std::string("?"); };
  for (std::size_t i = 0; i < result.rows.size(); ++i) {
    const auto& row = result.rows[i];
    bool same = i > 0 && identical(result.rows[i - 1][0], row[0]) && identical(result.rows[i - 1][1], row[1]) &&
                identical(result.rows[i - 1][2], row[2]);
    if (!same) session.say(style.bold(text(row[0]) + " -[" + text(row[1]) + "]-> " + text(row[2])));
    session.say(row[3].is_string() ? "  • " + row[3].as_string() : style.dim("  (no evidence recorded)"));
  }
}

// :path's rows (names along the path, types of its relationships) as one
// chain per path: A -[FOUNDED]- B -[INVESTS_IN]- C.
void print_paths(Session& session, const query::Result& result) {
  auto text = [](const Value& v) { return v.is_string() ? v.as_string() : std::string("?"); };
  if (result.rows.empty()) session.say("No path of up to 10 relationships joins them.");
  for (const auto& row : result.rows) {
    if (!row[0].is_list() || !row[1].is_list()) continue;
    const List& names = row[0].as_list();
    const List& types = row[1].as_list();
    std::string chain;
    for (std::size_t i = 0; i < names.size(); ++i) {
      chain += session.out_style().bold(text(names[i]));
      if (i < types.size()) chain += " -[" + text(types[i]) + "]- ";
    }
    session.say(chain);
  }
}

// :path and :why: two names, then the query `build` makes of them.
Outcome between(Session& session, std::string_view arguments, std::string_view command,
                std::string (*build)(const std::vector<std::string>&, const std::vector<std::string>&),
                const Session::RowPrinter& printer = {}) {
  auto pair = split_two_names(session.graph(), session.catalog(), arguments);
  if (!pair) {
    session.fail("usage: " + std::string(command) + " A B (quote names with spaces: 'Mistral AI')");
    return Outcome::Failed;
  }
  std::optional<std::vector<std::string>> a = names_for(session, pair->first);
  if (!a) return Outcome::Failed;
  std::optional<std::vector<std::string>> b = names_for(session, pair->second);
  if (!b) return Outcome::Failed;
  return session.run_shown_cypher(build(*a, *b), printer) ? Outcome::Done : Outcome::Failed;
}

Outcome path(Session& session, std::string_view arguments) {
  return between(session, arguments, ":path", path_query,
                 [&session](const query::Result& result) { print_paths(session, result); });
}
Outcome why(Session& session, std::string_view arguments) {
  return between(session, arguments, ":why", why_query,
                 [&session](const query::Result& result) { print_evidence(session, result); });
}

}  // namespace

const std::vector<MetaCommand>& meta_commands() {
  static const std::vector<MetaCommand> commands = {
      {":help", ":help [TOPIC]", "this help; topics: cypher, keys, or a command", "  :help why",
       ArgumentKind::HelpTopic, help},
      {":load", ":load FILE", "open a node-link JSON graph (asks first if there are unsaved changes)",
       "  :load out/graph.json", ArgumentKind::File, load},
      {":save", ":save [FILE]", "write the graph (to the file it came from when FILE is left out)",
       "  :save\n  :save copy.json", ArgumentKind::File, save},
      {":extract", ":extract FILE|DIR...", "add articles (text files, folders of *.txt) to the graph",
       "  :extract samples/\n  :extract news/today.txt", ArgumentKind::File, extract_articles},
      {":dot", ":dot FILE [QUERY]", "draw the graph, or what QUERY returns, as GraphViz DOT",
       "  :dot graph.dot\n  :dot deals.dot MATCH p = ()-[:INVESTS_IN]->() RETURN p", ArgumentKind::File, dot},
      {":schema", ":schema", "labels, relationship types and property keys, with counts", "", ArgumentKind::None,
       schema},
      {":stats", ":stats", "size of the graph, its file, unsaved changes, settings", "", ArgumentKind::None, stats},
      {":neighbors", ":neighbors NAME", "the relationships of a node, and who is at their other end",
       "  :neighbors OpenAI\n  (case, accents and aliases do not matter; a unique prefix is enough)",
       ArgumentKind::NodeName, neighbors},
      {":path", ":path A B", "the shortest path between two nodes",
       "  :path SoftBank Nvidia\n  :path 'Mistral AI' Nvidia", ArgumentKind::NodeNames, path},
      {":why", ":why A B", "the evidence sentences behind the relationships between two nodes",
       "  :why SoftBank OpenAI", ArgumentKind::NodeNames, why},
      {":format", ":format table|tsv|csv|json", "how results are printed", "", ArgumentKind::Format, format},
      {":timing", ":timing on|off", "show how long each statement took", "", ArgumentKind::OnOff, timing},
      {":param", ":param NAME VALUE", "bind $NAME to VALUE (Cypher literal); without VALUE, unbind it",
       "  :param who 'OpenAI'\n  :param amounts [1e6, 5e6]\n  MATCH (n {name: $who}) RETURN n;",
       ArgumentKind::Parameter, param},
      {":params", ":params", "the parameters bound with :param", "", ArgumentKind::None, params},
      {":timeout", ":timeout SECONDS", "stop statements that run longer (0: never)", "  :timeout 2.5",
       ArgumentKind::None, timeout},
      {":history", ":history", "the statements typed so far, across sessions", "", ArgumentKind::None, history},
      {":quit", ":quit", "leave (asks first if there are unsaved changes; :quit! does not)", "", ArgumentKind::None,
       quit},
      {":quit!", ":quit!", "leave without saving and without asking", "", ArgumentKind::None, quit_without_saving},
  };
  return commands;
}

const MetaCommand* find_meta_command(std::string_view word) {
  std::string name = word.starts_with(':') ? std::string(word) : ":" + std::string(word);
  if (name == ":exit" || name == ":q") name = ":quit";
  if (name == ":?" || name == ":h") name = ":help";
  const MetaCommand* prefix_match = nullptr;
  int prefix_matches = 0;
  for (const MetaCommand& c : meta_commands()) {
    if (c.name == name) return &c;
    if (c.name.starts_with(name)) {
      prefix_match = &c;
      ++prefix_matches;
    }
  }
  return prefix_matches == 1 ? prefix_match : nullptr;
}

Outcome run_meta_command(Session& session, std::string_view line) {
  auto [word, arguments] = first_word(line);
  if (arguments.ends_with(';')) arguments = trim(arguments.substr(0, arguments.size() - 1));
  if (word.ends_with(';')) word.remove_suffix(1);
  const MetaCommand* command = find_meta_command(word);
  if (!command) {
    session.fail("Unknown command " + std::string(word) + ": :help lists them.");
    return Outcome::Failed;
  }
  return command->run(session, arguments);
}

}  // namespace kg::cli::shell
