#include "cli/shell/session.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "cli/terminal.h"

namespace kg::cli::shell {

namespace {

bool changed(const query::Stats& s) {
  return s.nodes_created || s.nodes_deleted || s.relationships_created || s.relationships_deleted || s.labels_added ||
         s.labels_removed || s.properties_set || s.properties_removed;
}

// The header row of a box-drawn table is its second line: make it bold.
std::string bold_header(const std::string& table, const Style& style) {
  std::size_t first = table.find('\n');
  if (!style.enabled() || first == std::string::npos) return table;
  std::size_t second = table.find('\n', first + 1);
  if (second == std::string::npos) return table;
  return table.substr(0, first + 1) + style.bold(table.substr(first + 1, second - first - 1)) + table.substr(second);
}

}  // namespace

Session::Session(bool interactive)
    : interactive_(interactive),
      out_style_(Style::for_stream(STDOUT_FILENO)),
      err_style_(Style::for_stream(STDERR_FILENO)) {
  timing = interactive;
  format = isatty(STDOUT_FILENO) ? ResultFormat::Table : ResultFormat::Tsv;
}

void Session::set_graph(PropertyGraph graph, std::string path) {
  graph_ = std::move(graph);
  graph_path_ = std::move(path);
  unsaved_ = false;
  catalog_.reset();
}

void Session::graph_changed() {
  unsaved_ = true;
  catalog_.reset();
}

void Session::saved_to(std::string path) {
  graph_path_ = std::move(path);
  unsaved_ = false;
}

const GraphCatalog& Session::catalog() {
  if (!catalog_) catalog_ = catalog_graph(graph_);
  return *catalog_;
}

query::Limits Session::limits() const {
  query::Limits limits;
  limits.cancel = &interrupt_flag();
  limits.timeout = timeout;
  return limits;
}

query::Result Session::query(std::string_view statement) {
  query::Result result = query::run_statement(graph_, statement, parameters, limits());
  if (changed(result.stats)) graph_changed();
  return result;
}

bool Session::run_cypher(std::string_view statement, const RowPrinter& printer) {
  query::Result result;
  cancelled_ = false;
  auto start = std::chrono::steady_clock::now();
  try {
    result = query(statement);
  } catch (const query::QueryError& e) {
    interrupt_flag().store(false);
    cancelled_ = e.detail() == "Cancelled";
    if (cancelled_)
      fail(std::string(interactive_ ? "\n" : "") + "Cancelled: the graph is as it was before the statement.");
    else
      fail(e.caret_message(statement));
    return false;
  }
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

  if (result.returns_rows) {
    if (printer && format == ResultFormat::Table)
      printer(result);
    else
      print_rows(result);
  }
  if (format == ResultFormat::Table || interactive_) {
    std::string summary = summarize(result);
    if (summary.empty()) summary = "no changes";
    if (timing) {
      char elapsed[32];
      std::snprintf(elapsed, sizeof elapsed, ", %.1f ms", ms);
      summary += elapsed;
    }
    say(out_style_.dim(summary));
  }
  return true;
}

bool Session::run_shown_cypher(const std::string& statement, const RowPrinter& printer) {
  // Machine formats keep standard output for the rows alone.
  if (format == ResultFormat::Table)
    say(out_style_.cyan(statement + ";"));
  else
    std::cerr << err_style_.cyan(statement + ";") << '\n' << std::flush;
  return run_cypher(statement, printer);
}

void Session::print_rows(const query::Result& result) {
  std::size_t width = format == ResultFormat::Table ? terminal_width() : 0;
  std::string text = format_result(result, graph_, format, width);
  if (format == ResultFormat::Table) text = bold_header(text, out_style_);
  // Tables end with a summary line; tsv and csv results are separated by an empty line.
  bool separate = format == ResultFormat::Tsv || format == ResultFormat::Csv;
  if (separate && printed_rows_) std::cout << '\n';
  printed_rows_ = true;
  std::cout << text << std::flush;
}

void Session::say(std::string_view text) const { std::cout << text << '\n' << std::flush; }

void Session::fail(std::string_view text) const {
  std::cout << std::flush;
  std::cerr << err_style_.red(text) << '\n' << std::flush;
}

}  // namespace kg::cli::shell
