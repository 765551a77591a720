#include "result_matcher.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <set>

#include "graph/literal_format.h"

namespace kg::tck {
namespace {

bool floats_match(double expected, double actual) {
  if (std::isnan(expected) || std::isnan(actual)) return std::isnan(expected) && std::isnan(actual);
  if (expected == actual) return true;
  if (std::isinf(expected) || std::isinf(actual)) return false;
  return std::fabs(expected - actual) <= 1e-12 * std::max(std::fabs(expected), std::fabs(actual));
}

// Elements in the same order, or (ignore_list_order) as multisets.
bool lists_match(const std::vector<Expected>& expected, const List& actual,
                 const PropertyGraph& graph, bool ignore_list_order) {
  if (expected.size() != actual.size()) return false;
  if (!ignore_list_order) {
    for (std::size_t i = 0; i < expected.size(); ++i) {
      if (!value_matches(expected[i], actual[i], graph, false)) return false;
    }
    return true;
  }
  std::vector<bool> used(actual.size(), false);
  for (const Expected& item : expected) {
    bool found = false;
    for (std::size_t i = 0; i < actual.size() && !found; ++i) {
      if (!used[i] && value_matches(item, actual[i], graph, true)) used[i] = found = true;
    }
    if (!found) return false;
  }
  return true;
}

// Map entries or element properties: the same keys, matching values.
bool entries_match(const Expected& expected, const Map& actual, const PropertyGraph& graph,
                   bool ignore_list_order) {
  if (expected.keys.size() != actual.size()) return false;
  for (std::size_t i = 0; i < expected.keys.size(); ++i) {
    const auto found = actual.find(expected.keys[i]);
    if (found == actual.end() ||
        !value_matches(expected.items[i], found->second, graph, ignore_list_order)) {
      return false;
    }
  }
  return true;
}

bool node_matches(const Expected& expected, NodeId id, const PropertyGraph& graph,
                  bool ignore_list_order) {
  if (!graph.has_node(id)) return false;
  const std::set<std::string> wanted(expected.labels.begin(), expected.labels.end());
  const auto& labels = graph.labels(id);
  const std::set<std::string> have(labels.begin(), labels.end());
  return wanted == have &&
         entries_match(expected, graph.node_properties(id), graph, ignore_list_order);
}

bool relationship_matches(const Expected& expected, RelId id, const PropertyGraph& graph,
                          bool ignore_list_order) {
  return graph.has_relationship(id) && graph.type(id) == expected.text &&
         entries_match(expected, graph.relationship_properties(id), graph, ignore_list_order);
}

bool path_matches(const Expected& expected, const Path& actual, const PropertyGraph& graph,
                  bool ignore_list_order) {
  if (expected.items.size() != 2 * actual.nodes.size() - 1 ||
      actual.rels.size() + 1 != actual.nodes.size()) {
    return false;
  }
  for (std::size_t i = 0; i < actual.nodes.size(); ++i) {
    if (!node_matches(expected.items[2 * i], actual.nodes[i], graph, ignore_list_order)) {
      return false;
    }
  }
  for (std::size_t i = 0; i < actual.rels.size(); ++i) {
    const Expected& rel = expected.items[2 * i + 1];
    const RelId id = actual.rels[i];
    if (!relationship_matches(rel, id, graph, ignore_list_order)) return false;
    const NodeId from = rel.forward ? actual.nodes[i] : actual.nodes[i + 1];
    const NodeId to = rel.forward ? actual.nodes[i + 1] : actual.nodes[i];
    if (graph.source(id) != from || graph.target(id) != to) return false;
  }
  return true;
}

// Renders a table as aligned `| a | b |` lines, for failure messages.
std::string render_rows(const std::vector<std::vector<std::string>>& rows) {
  constexpr std::size_t max_rows = 30;
  const std::size_t shown = std::min(rows.size(), max_rows);
  std::vector<std::size_t> widths;
  for (std::size_t r = 0; r < shown; ++r) {
    widths.resize(std::max(widths.size(), rows[r].size()), 0);
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      widths[c] = std::max(widths[c], rows[r][c].size());
    }
  }
  std::string out;
  for (std::size_t r = 0; r < shown; ++r) {
    out += "      |";
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      out += " " + rows[r][c] + std::string(widths[c] - rows[r][c].size(), ' ') + " |";
    }
    out += '\n';
  }
  if (rows.size() > shown) {
    out += "      ... " + std::to_string(rows.size() - shown) + " more rows\n";
  }
  return out;
}

std::string explain(const std::string& problem, const DataTable& expected,
                    const query::Result& actual, const PropertyGraph& graph) {
  std::vector<std::vector<std::string>> actual_rows{actual.columns};
  for (const auto& row : actual.rows) {
    std::vector<std::string> cells;
    for (const Value& value : row) cells.push_back(format_literal(value, graph));
    actual_rows.push_back(std::move(cells));
  }
  return problem + "\n    expected:\n" + render_rows(expected) + "    actual:\n" +
         render_rows(actual_rows);
}

}  // namespace

bool value_matches(const Expected& expected, const Value& actual, const PropertyGraph& graph,
                   bool ignore_list_order) {
  using Kind = Expected::Kind;
  switch (expected.kind) {
    case Kind::Null:
      return actual.is_null();
    case Kind::Bool:
      return actual.is_bool() && actual.as_bool() == expected.boolean;
    case Kind::Int:
      return actual.is_int() && actual.as_int() == expected.integer;
    case Kind::Float:
      return actual.is_float() && floats_match(expected.real, actual.as_float());
    case Kind::String:
      // The TCK writes temporal results as their string form ('2015-07-21').
      if (actual.is_temporal()) return to_string(actual.as_temporal()) == expected.text;
      return actual.is_string() && actual.as_string() == expected.text;
    case Kind::List:
      return actual.is_list() &&
             lists_match(expected.items, actual.as_list(), graph, ignore_list_order);
    case Kind::Map:
      return actual.is_map() && entries_match(expected, actual.as_map(), graph, ignore_list_order);
    case Kind::Node:
      return actual.is_node() &&
             node_matches(expected, actual.as_node().id, graph, ignore_list_order);
    case Kind::Relationship:
      return actual.is_relationship() &&
             relationship_matches(expected, actual.as_relationship().id, graph, ignore_list_order);
    case Kind::Path:
      return actual.is_path() && path_matches(expected, actual.as_path(), graph, ignore_list_order);
  }
  return false;
}

std::optional<std::string> compare_result(const DataTable& expected, const query::Result& actual,
                                          const PropertyGraph& graph, MatchMode mode) {
  if (expected.empty()) return "the expected table has no header row";
  const auto& header = expected.front();

  // Column j of the table is column columns[j] of the result.
  std::vector<std::size_t> columns;
  bool same_columns = header.size() == actual.columns.size();
  for (const auto& name : header) {
    const auto found = std::find(actual.columns.begin(), actual.columns.end(), name);
    if (found == actual.columns.end()) {
      same_columns = false;
      break;
    }
    columns.push_back(static_cast<std::size_t>(found - actual.columns.begin()));
  }
  if (!same_columns) return explain("different columns", expected, actual, graph);

  std::vector<std::vector<Expected>> rows;
  for (std::size_t r = 1; r < expected.size(); ++r) {
    if (expected[r].size() != header.size())
      return "expected row " + std::to_string(r) + " has the wrong width";
    std::vector<Expected> row;
    for (const auto& cell : expected[r]) row.push_back(parse_expected(cell));
    rows.push_back(std::move(row));
  }
  if (rows.size() != actual.rows.size()) {
    return explain("expected " + std::to_string(rows.size()) + " rows, got " +
                       std::to_string(actual.rows.size()),
                   expected, actual, graph);
  }

  const auto row_matches = [&](const std::vector<Expected>& want, const std::vector<Value>& have) {
    for (std::size_t j = 0; j < want.size(); ++j) {
      if (columns[j] >= have.size() ||
          !value_matches(want[j], have[columns[j]], graph, mode.ignore_list_order)) {
        return false;
      }
    }
    return true;
  };

  std::vector<bool> used(actual.rows.size(), false);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    bool found = false;
    if (mode.in_order) {
      found = row_matches(rows[r], actual.rows[r]);
    } else {
      for (std::size_t a = 0; a < actual.rows.size() && !found; ++a) {
        if (!used[a] && row_matches(rows[r], actual.rows[a])) used[a] = found = true;
      }
    }
    if (!found) {
      return explain("expected row " + std::to_string(r + 1) + " not found" +
                         (mode.in_order ? " at its position" : ""),
                     expected, actual, graph);
    }
  }
  return std::nullopt;
}

}  // namespace kg::tck
