#include "cli/shell/help.h"

#include <algorithm>

#include "cli/shell/meta_commands.h"
#include "graph/value.h"

namespace kg::cli::shell {

namespace {

// The key of the largest count in `counts`; empty when there is none.
std::string most_common(const std::map<std::string, std::size_t>& counts) {
  auto best =
      std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  return best == counts.end() ? "" : best->first;
}

// A name as a meta-command argument: quoted when it holds a space.
std::string argument(const std::string& name) { return name.find(' ') == std::string::npos ? name : "'" + name + "'"; }

// Example lines that work on the loaded graph.
std::string examples(Session& session) {
  const GraphCatalog& catalog = session.catalog();
  PropertyGraph& graph = session.graph();
  std::string label = most_common(catalog.labels);
  std::string type = most_common(catalog.relationship_types);
  if (label.empty() || type.empty()) {
    return "  CREATE (:Organization {name: 'Acme'})-[:INVESTS_IN {amount_max: 5e6}]->(:Organization {name: 'Beta'});\n"
           "  MATCH (a)-[r:INVESTS_IN]->(b) RETURN a.name, r.amount_max, b.name;\n"
           "  :extract samples/          (or :load out/graph.json after bash samples/run.sh)\n";
  }
  std::string text = "  MATCH (n:" + label + ") RETURN n.name LIMIT 5;\n" + "  MATCH (a)-[r:" + type +
                     "]->(b) RETURN a.name, b.name LIMIT 5;\n";
  RelId first = *graph.relationships_of_type(type).begin();
  const Value* from = graph.node_property(graph.source(first), "name");
  const Value* to = graph.node_property(graph.target(first), "name");
  if (from && to && from->is_string() && to->is_string()) {
    text += "  MATCH (a {name: " + quote_string(from->as_string()) + "})-[r]->(b) RETURN type(r), b.name;\n";
    text += "  :neighbors " + argument(from->as_string()) + "\n";
    text += "  :path " + argument(from->as_string()) + " " + argument(to->as_string()) + "\n";
    text += "  :why " + argument(from->as_string()) + " " + argument(to->as_string()) + "\n";
  }
  return text;
}

std::string overview(Session& session) {
  std::string text = "Type Cypher statements ending with ';' (they may span several lines), or meta-commands:\n";
  std::size_t width = 0;
  for (const MetaCommand& c : meta_commands()) width = std::max(width, c.usage.size());
  for (const MetaCommand& c : meta_commands()) {
    text += "  " + std::string(c.usage) + std::string(width + 2 - c.usage.size(), ' ') + std::string(c.summary) + "\n";
  }
  text += "\nExamples on this graph:\n" + examples(session);
  text += "\nMore: :help cypher, :help keys, :help COMMAND (as in :help why).";
  return text;
}

std::string cypher_help(Session& session) {
  const GraphCatalog& catalog = session.catalog();
  std::string text =
      "kg speaks openCypher. A statement ends at ';' and may span lines; // and /* */ are comments.\n"
      "  MATCH (n:Label {name: 'X'})-[r:TYPE]->(m) WHERE m.name STARTS WITH 'A' RETURN n, r, m;\n"
      "  MATCH p = shortestPath((a {name: 'A'})-[*..6]-(b {name: 'B'})) RETURN p;\n"
      "  MATCH (n) RETURN labels(n) AS labels, count(*) AS nodes ORDER BY nodes DESC;\n"
      "  CREATE / MERGE / SET / REMOVE / DELETE change the graph; :save writes it.\n"
      "Parameters: ':param who 'OpenAI'' then MATCH (n {name: $who}) RETURN n;\n"
      "Relationship types may be written hyphenated: -[:invests-in]-> is -[:INVESTS_IN]->.\n";
  auto list = [](const std::map<std::string, std::size_t>& counts) {
    std::string out;
    for (const auto& [name, count] : counts) out += (out.empty() ? "" : ", ") + name;
    return out.empty() ? std::string("(none)") : out;
  };
  text += "\nThis graph's labels: " + list(catalog.labels) + "\n";
  text += "Relationship types: " + list(catalog.relationship_types) + "\n";
  text += "Examples:\n" + examples(session);
  text += "See also :schema.";
  return text;
}

const char* const kKeysHelp =
    "Tab            completes keywords, labels (after ':'), property keys (after '.'), node names\n"
    "               (inside quotes), parameters (after '$'), meta-commands and file names\n"
    "Up, Down       walk the history (kept in $XDG_STATE_HOME/kg/history); Ctrl-R searches it\n"
    "Ctrl-A, Ctrl-E start, end of line; Ctrl-W deletes a word; Ctrl-U the line before the cursor\n"
    "Ctrl-C         cancels the running statement (the graph stays as it was), or drops the line\n"
    "Ctrl-D         on an empty line: quits (asking first when there are unsaved changes)\n"
    "~/.editrc      libedit settings (e.g. 'bind -v' for vi keys)";

}  // namespace

std::optional<std::string> help_text(Session& session, std::string_view topic) {
  if (topic.empty()) return overview(session);
  if (topic == "cypher") return cypher_help(session);
  if (topic == "keys") return std::string(kKeysHelp);
  if (const MetaCommand* c = find_meta_command(topic)) {
    std::string text = std::string(c->usage) + "\n  " + std::string(c->summary);
    if (!c->example.empty()) text += "\n" + std::string(c->example);
    return text;
  }
  return std::nullopt;
}

}  // namespace kg::cli::shell
