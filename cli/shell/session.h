// The state of one shell session — the graph, where it came from, whether it
// has unsaved changes, the parameters and settings — and running a statement
// with its result printed the way the user asked.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "cli/result_format.h"
#include "cli/shell/graph_catalog.h"
#include "cli/shell/history.h"
#include "cli/shell/style.h"
#include "graph/property_graph.h"
#include "query/engine.h"

namespace kg::cli::shell {

class Session {
 public:
  // `interactive`: a person at a terminal (summaries, timing, questions).
  explicit Session(bool interactive);

  // ---- The graph ---------------------------------------------------------
  PropertyGraph& graph() { return graph_; }
  const std::string& graph_path() const { return graph_path_; }
  bool unsaved() const { return unsaved_; }
  // Replaces the graph (after :load): no unsaved changes.
  void set_graph(PropertyGraph graph, std::string path);
  // Records that the graph changed and must be saved.
  void graph_changed();
  // Records a save to `path`.
  void saved_to(std::string path);
  // Labels, types, keys and names of the graph as it stands (computed once per change).
  const GraphCatalog& catalog();

  // ---- Running Cypher ----------------------------------------------------
  // Prints rows in a shortcut's own layout, in place of a table.
  using RowPrinter = std::function<void(const query::Result&)>;

  // Runs one statement and prints its result (with `printer` when given and
  // the format is table), or its error with the caret. Ctrl-C cancels it (the
  // graph is then unchanged). Returns false on failure.
  bool run_cypher(std::string_view statement, const RowPrinter& printer = {});
  // Like run_cypher(), but prints the statement first (on standard error in
  // the machine formats tsv, csv and json): for the shortcuts.
  bool run_shown_cypher(const std::string& statement, const RowPrinter& printer = {});
  // True when the last statement run_cypher() ran was cancelled by Ctrl-C.
  bool cancelled() const { return cancelled_; }
  // Runs a statement without printing anything; throws query::QueryError.
  query::Result query(std::string_view statement);

  // ---- Settings ----------------------------------------------------------
  ResultFormat format = ResultFormat::Table;
  bool timing = true;                    // "3 rows, 1.2 ms" rather than "3 rows"
  std::chrono::milliseconds timeout{0};  // 0: none
  query::Parameters parameters;

  bool interactive() const { return interactive_; }
  History* history = nullptr;  // null when not interactive
  // Asks a yes/no question; answers yes when nobody can be asked.
  std::function<bool(const std::string& question)> confirm = [](const std::string&) { return true; };

  // ---- Output ------------------------------------------------------------
  const Style& out_style() const { return out_style_; }
  const Style& err_style() const { return err_style_; }
  // A line on standard output.
  void say(std::string_view text) const;
  // A failure on standard error, in red on a terminal.
  void fail(std::string_view text) const;
  // Rows as a table (or the chosen format) fitted to the terminal, without a summary.
  void print_rows(const query::Result& result);

 private:
  query::Limits limits() const;

  bool interactive_;
  Style out_style_, err_style_;
  PropertyGraph graph_;
  std::string graph_path_;
  bool unsaved_ = false;
  bool cancelled_ = false;
  bool printed_rows_ = false;  // print_rows() has printed a result
  std::optional<GraphCatalog> catalog_;
};

}  // namespace kg::cli::shell
