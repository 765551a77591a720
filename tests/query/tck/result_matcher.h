// Compares what the engine returned with what a TCK table expects.
//
// Values are compared structurally: integers and floats are different types
// (1 is not 1.0), floats are equal when identical or within a relative 1e-12
// (avg and stDev may sum in another order), NaN equals NaN, maps ignore key
// order, nodes are compared by their label set and properties, relationships
// by type and properties, paths element by element including each
// relationship's direction. Graph elements are looked up in the graph.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "expected_value.h"
#include "gherkin_parser.h"
#include "graph/property_graph.h"
#include "query/engine.h"

namespace kg::tck {

// How rows and lists are compared.
struct MatchMode {
  bool in_order = false;           // rows must come in the table's order
  bool ignore_list_order = false;  // lists compare as multisets
};

// True when the actual value is what `expected` describes.
bool value_matches(const Expected& expected, const Value& actual, const PropertyGraph& graph,
                   bool ignore_list_order);

// Compares a result with an expected table (header row of column names, then
// rows of literal cells). Columns are matched by name. Returns nullopt on a
// match, else a human-readable explanation: a one-line summary, then both
// tables on the following lines.
std::optional<std::string> compare_result(const DataTable& expected, const query::Result& actual,
                                          const PropertyGraph& graph, MatchMode mode);

}  // namespace kg::tck
