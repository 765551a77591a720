// The TCK's side effects (+nodes, -properties, ...), measured by comparing
// what is observable in the graph before and after a query, as the TCK's
// README defines them: nodes and relationships by identity, properties as
// (entity, key, value) triples, labels as the set of distinct labels in use.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <tuple>

#include "gherkin_parser.h"
#include "graph/property_graph.h"
#include "query/engine.h"

namespace kg::tck {

// What a graph looks like, reduced to what the side-effect counts observe.
struct GraphSnapshot {
  std::set<NodeId> nodes;
  std::set<RelId> relationships;
  std::set<std::string> labels;
  // (is_relationship, id, key, value in literal notation)
  std::set<std::tuple<bool, std::uint64_t, std::string, std::string>> properties;
};

GraphSnapshot take_snapshot(const PropertyGraph& graph);

// The changes from `before` to `after`, in the engine's Stats shape.
query::Stats observed_changes(const GraphSnapshot& before, const GraphSnapshot& after);

// The counts of a "the side effects should be:" table (| +nodes | 1 |);
// a missing row means 0. An empty table means "no side effects".
// Throws std::invalid_argument on an unknown row name or a bad count.
query::Stats expected_changes(const DataTable& table);

// "+nodes: 1, -properties: 2" listing the non-zero counts, or "none".
std::string describe(const query::Stats& stats);

// True when every count is equal.
bool same_counts(const query::Stats& a, const query::Stats& b);

}  // namespace kg::tck
