// The openCypher engine's entry point: run one statement on a graph.
//
// A statement that fails leaves the graph exactly as it was (the graph's
// journal is rolled back). The pipeline behind run_statement() is
// lexer -> parser -> AST -> semantic analysis -> planner -> executor, one
// folder-level file each.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "graph/property_graph.h"
#include "graph/value.h"
#include "query/memory_budget.h"

namespace kg::query {

using Parameters = std::map<std::string, Value, std::less<>>;

// What a statement changed, counted as the openCypher TCK's side-effects tables count it.
struct Stats {
  std::int64_t nodes_created = 0, nodes_deleted = 0;
  std::int64_t relationships_created = 0, relationships_deleted = 0;
  std::int64_t labels_added = 0, labels_removed = 0;
  std::int64_t properties_set = 0, properties_removed = 0;
};

struct Result {
  // True when the statement ends in RETURN (or a UNION of them), even with no rows.
  bool returns_rows = false;
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
  Stats stats;
};

struct Limits {
  // Cancels the statement when set to true by another thread (Ctrl-C).
  const std::atomic<bool>* cancel = nullptr;
  // Fails with a clear error past this many result rows (0: no limit).
  std::uint64_t max_rows = 0;
  // Fails with a clear error past this duration (zero: no limit).
  std::chrono::milliseconds timeout{0};
  // Fails with a clear error when the intermediate results (sorting, grouping,
  // DISTINCT, collect(), result rows, ...) would take more bytes (0: no
  // limit); see memory_budget.h.
  std::uint64_t max_memory = default_memory_budget();
};

// A failed statement. `what()` is the one-line message the CLI prints:
// "<error_class>: <detail>: <message>", and for a syntax error the position
// and a caret line follow on extra lines (see caret_message()).
class QueryError : public std::runtime_error {
 public:
  QueryError(std::string error_class, std::string detail, std::string message,
             bool at_compile_time, int line = 0, int column = 0);
  const std::string& error_class() const { return error_class_; }  // "SyntaxError", "TypeError", ...
  const std::string& detail() const { return detail_; }            // "UndefinedVariable", or ""
  const std::string& message() const { return message_; }
  bool at_compile_time() const { return at_compile_time_; }
  int line() const { return line_; }      // 1-based; 0 when unknown
  int column() const { return column_; }  // 1-based; 0 when unknown
  // The message plus, when the position is known, the source line and a caret.
  std::string caret_message(std::string_view statement) const;

 private:
  std::string error_class_, detail_, message_;
  bool at_compile_time_;
  int line_, column_;
};

// Runs one statement. Throws QueryError; the graph is then unchanged.
Result run_statement(PropertyGraph& graph, std::string_view statement,
                     const Parameters& parameters = {}, const Limits& limits = {});

// Splits a script on `;` outside strings and comments; empty statements are dropped.
std::vector<std::string> split_statements(std::string_view script);

// Evaluates a constant expression in Cypher literal notation (for --param);
// throws QueryError.
Value parse_value(std::string_view literal);

}  // namespace kg::query
