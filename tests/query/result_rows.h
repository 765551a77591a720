// Query results as text, for assertions that read like the rows a user sees:
// each row in Cypher literal notation, its columns joined by " | ".
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "graph/literal_format.h"
#include "query/engine.h"

namespace kg::query::testing {

// The rows of a result, in result order.
inline std::vector<std::string> rows(const Result& result, const PropertyGraph& g) {
  std::vector<std::string> out;
  for (const auto& row : result.rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) line += (i ? " | " : "") + format_literal(row[i], g);
    out.push_back(line);
  }
  return out;
}

// Runs the statement and returns its rows, in result order.
inline std::vector<std::string> rows_of(PropertyGraph& g, const std::string& statement) {
  Result result = run_statement(g, statement);
  return rows(result, g);
}

// Runs the statement and returns its rows sorted, for results without ORDER BY.
inline std::vector<std::string> sorted_rows(PropertyGraph& g, const std::string& statement) {
  std::vector<std::string> out = rows_of(g, statement);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace kg::query::testing
