// Printing query results in the formats of `kg query --format` and the shell.
#pragma once

#include <string>
#include <string_view>

#include "graph/property_graph.h"
#include "query/engine.h"

namespace kg::cli {

enum class ResultFormat { Table, Tsv, Csv, Json };

// Parses "table", "tsv", "csv" or "json"; nullopt for anything else.
std::optional<ResultFormat> parse_result_format(std::string_view name);

// The rows of `result` in `format`, ending with a newline. Values are written
// in Cypher literal notation (tsv, table), as RFC 4180 fields holding that
// notation (csv), or as JSON Lines (json: nodes become {"labels", "properties"},
// relationships {"type", "properties"}, paths lists of both).
// `max_width` > 0 fits table cells to that many terminal columns in all.
std::string format_result(const query::Result& result, const PropertyGraph& graph, ResultFormat format,
                          std::size_t max_width = 0);

// The one-line summary people read under a table: "3 rows" or
// "2 nodes created, 1 property set" (empty when nothing to say).
std::string summarize(const query::Result& result);

}  // namespace kg::cli
