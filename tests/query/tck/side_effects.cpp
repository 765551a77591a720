#include "side_effects.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>

#include "graph/literal_format.h"

namespace kg::tck {
namespace {

// Each TCK side-effect name and the Stats field it counts.
using Field = std::int64_t query::Stats::*;
constexpr std::array<std::pair<std::string_view, Field>, 8> kFields = {{
    {"+nodes", &query::Stats::nodes_created},
    {"-nodes", &query::Stats::nodes_deleted},
    {"+relationships", &query::Stats::relationships_created},
    {"-relationships", &query::Stats::relationships_deleted},
    {"+labels", &query::Stats::labels_added},
    {"-labels", &query::Stats::labels_removed},
    {"+properties", &query::Stats::properties_set},
    {"-properties", &query::Stats::properties_removed},
}};

// How many elements of `a` are not in `b`.
template <typename Set>
std::int64_t count_missing(const Set& a, const Set& b) {
  std::int64_t missing = 0;
  for (const auto& element : a) missing += b.count(element) == 0 ? 1 : 0;
  return missing;
}

}  // namespace

GraphSnapshot take_snapshot(const PropertyGraph& graph) {
  GraphSnapshot snapshot;
  for (const NodeId id : graph.node_ids()) {
    snapshot.nodes.insert(id);
    for (const auto& label : graph.labels(id)) snapshot.labels.insert(label);
    for (const auto& [key, value] : graph.node_properties(id)) {
      snapshot.properties.emplace(false, id, key, format_literal(value));
    }
  }
  for (const RelId id : graph.relationship_ids()) {
    snapshot.relationships.insert(id);
    for (const auto& [key, value] : graph.relationship_properties(id)) {
      snapshot.properties.emplace(true, id, key, format_literal(value));
    }
  }
  return snapshot;
}

query::Stats observed_changes(const GraphSnapshot& before, const GraphSnapshot& after) {
  query::Stats stats;
  stats.nodes_created = count_missing(after.nodes, before.nodes);
  stats.nodes_deleted = count_missing(before.nodes, after.nodes);
  stats.relationships_created = count_missing(after.relationships, before.relationships);
  stats.relationships_deleted = count_missing(before.relationships, after.relationships);
  stats.labels_added = count_missing(after.labels, before.labels);
  stats.labels_removed = count_missing(before.labels, after.labels);
  stats.properties_set = count_missing(after.properties, before.properties);
  stats.properties_removed = count_missing(before.properties, after.properties);
  return stats;
}

query::Stats expected_changes(const DataTable& table) {
  query::Stats stats;
  for (const auto& row : table) {
    if (row.size() != 2) throw std::invalid_argument("side-effect rows have two cells");
    const auto field = std::find_if(kFields.begin(), kFields.end(),
                                    [&](const auto& f) { return f.first == row[0]; });
    if (field == kFields.end()) throw std::invalid_argument("unknown side effect " + row[0]);
    stats.*(field->second) = std::stoll(row[1]);
  }
  return stats;
}

std::string describe(const query::Stats& stats) {
  std::string out;
  for (const auto& [name, field] : kFields) {
    if (stats.*field == 0) continue;
    if (!out.empty()) out += ", ";
    out += std::string(name) + ": " + std::to_string(stats.*field);
  }
  return out.empty() ? "none" : out;
}

bool same_counts(const query::Stats& a, const query::Stats& b) {
  return std::all_of(kFields.begin(), kFields.end(),
                     [&](const auto& f) { return a.*(f.second) == b.*(f.second); });
}

}  // namespace kg::tck
