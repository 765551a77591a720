#include "scenario_runner.h"

#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <utility>

#include "expected_value.h"
#include "graph/property_graph.h"
#include "query/engine.h"
#include "result_matcher.h"
#include "side_effects.h"

namespace kg::tck {
namespace {

// A failed step: thrown inside an Execution, turned into an Outcome by run().
struct StepFailure {
  std::string reason;
  std::string details;
};

// An error raised by the engine, as the scenario's steps see it.
struct RaisedError {
  std::string error_class;  // "InternalError" for anything but a QueryError
  std::string detail;
  std::string message;
};

// The state of one scenario while its steps run.
class Execution {
 public:
  Execution(const std::filesystem::path& tck_dir, std::chrono::milliseconds timeout)
      : tck_dir_(tck_dir) {
    limits_.timeout = timeout;
  }

  void step(const Step& step) {
    const std::string& text = step.text;
    std::smatch match;
    if (text == "an empty graph" || text == "any graph") {
      graph_ = PropertyGraph();
    } else if (std::regex_match(text, match, kNamedGraph)) {
      load_named_graph(match[1]);
    } else if (text == "having executed:" || text == "after having executed:") {
      setup(doc_string(step));
    } else if (text == "parameters are:" || text == "parameter values are:") {
      set_parameters(table(step));
    } else if (text == "executing query:") {
      execute(doc_string(step), true);
    } else if (text == "executing control query:") {
      execute(doc_string(step), false);
    } else if (text == "the result should be empty") {
      check_empty();
      outcome_checked_ = true;
    } else if (text.starts_with("the result should be")) {
      check_rows(text, table(step));
      outcome_checked_ = true;
    } else if (std::regex_match(text, match, kError)) {
      check_error(match[1], match[3]);
      outcome_checked_ = true;
    } else if (text == "the side effects should be:") {
      check_side_effects(expected_changes(table(step)));
    } else if (text == "no side effects") {
      check_side_effects({});
    } else if (text.starts_with("there exists a procedure")) {
      throw StepFailure{"unsupported step: procedure definitions", ""};
    } else {
      throw StepFailure{"unsupported step: " + text, ""};
    }
  }

  // After the last step: a scenario that never checked a result or an error
  // would pass without testing anything, which only a runner bug can cause.
  void finish() const {
    if (!outcome_checked_) throw StepFailure{"runner: no step checked a query's outcome", ""};
  }

 private:
  static inline const std::regex kNamedGraph{R"(the (\S+) graph)"};
  static inline const std::regex kError{
      R"(an? (\w+) should be raised at (compile time|runtime|any time): (\S+))"};

  static const std::string& doc_string(const Step& step) {
    if (!step.doc_string) throw StepFailure{"runner: step without a doc string", step.text};
    return *step.doc_string;
  }

  static const DataTable& table(const Step& step) {
    if (!step.table) throw StepFailure{"runner: step without a table", step.text};
    return *step.table;
  }

  // A statement for failure details: "    query: ..." with its lines aligned.
  static std::string shown(const std::string& statement) {
    std::string out = "    query: ";
    for (const char c : statement) {
      if (c == '\n') {
        out += "\n           ";
      } else {
        out += c;
      }
    }
    return out + '\n';
  }

  static std::string describe_error(const RaisedError& error) {
    std::string out = error.error_class;
    if (!error.detail.empty()) out += ": " + error.detail;
    return out;
  }

  // Runs a statement, remembering its result or its error.
  void run(const std::string& statement) {
    result_.reset();
    error_.reset();
    try {
      result_ = query::run_statement(graph_, statement, parameters_, limits_);
    } catch (const query::QueryError& e) {
      error_ = RaisedError{e.error_class(), e.detail(), e.message()};
    } catch (const std::exception& e) {
      error_ = RaisedError{"InternalError", "", e.what()};
    }
  }

  void load_named_graph(const std::string& name) {
    const auto file = tck_dir_ / "graphs" / name / (name + ".cypher");
    std::ifstream in(file);
    if (!in) throw StepFailure{"runner: named graph not found", file.string()};
    std::stringstream script;
    script << in.rdbuf();
    graph_ = PropertyGraph();
    for (const std::string& statement : query::split_statements(script.str())) setup(statement);
  }

  void setup(const std::string& statement) {
    run(statement);
    if (error_) {
      throw StepFailure{"setup failed: " + describe_error(*error_) + ": " + error_->message,
                        shown(statement)};
    }
  }

  void set_parameters(const DataTable& rows) {
    for (const auto& row : rows) {
      if (row.size() != 2) throw StepFailure{"runner: parameter rows have two cells", ""};
      parameters_.insert_or_assign(row[0], to_value(parse_expected(row[1])));
    }
  }

  // The main query (`measured`) is the one whose side effects are checked.
  void execute(const std::string& statement, bool measured) {
    if (measured) {
      const GraphSnapshot before = take_snapshot(graph_);
      run(statement);
      observed_ = observed_changes(before, take_snapshot(graph_));
    } else {
      run(statement);
    }
    statement_ = statement;
  }

  void require_result() const {
    if (!error_) return;
    throw StepFailure{"unexpected error: " + describe_error(*error_) + ": " + error_->message,
                      shown(statement_)};
  }

  void check_empty() const {
    require_result();
    if (!result_->rows.empty()) {
      fail_result(*compare_result(DataTable{result_->columns}, *result_, graph_, {}));
    }
  }

  void check_rows(const std::string& text, const DataTable& expected) const {
    require_result();
    MatchMode mode;
    mode.in_order = text.find("in order") != std::string::npos;
    mode.ignore_list_order = text.find("ignoring element order for lists") != std::string::npos;
    if (auto problem = compare_result(expected, *result_, graph_, mode)) fail_result(*problem);
  }

  // Fails with compare_result()'s explanation: its summary line is the reason.
  [[noreturn]] void fail_result(const std::string& problem) const {
    const auto end_of_summary = problem.find('\n');
    throw StepFailure{
        "wrong result: " + problem.substr(0, end_of_summary),
        shown(statement_) +
            (end_of_summary == std::string::npos ? "" : problem.substr(end_of_summary + 1))};
  }

  void check_error(const std::string& error_class, const std::string& detail) const {
    const std::string wanted = error_class + ": " + detail;
    if (!error_) {
      throw StepFailure{"no error raised, expected " + wanted, shown(statement_)};
    }
    if (error_->error_class != error_class || (detail != "*" && error_->detail != detail)) {
      throw StepFailure{"wrong error: expected " + wanted + ", got " + describe_error(*error_),
                        shown(statement_) + "    message: " + error_->message};
    }
    if (!same_counts(observed_, {})) {
      throw StepFailure{"failed statement changed the graph",
                        shown(statement_) + "    observed: " + describe(observed_)};
    }
  }

  void check_side_effects(const query::Stats& expected) const {
    require_result();
    if (!same_counts(observed_, expected)) {
      throw StepFailure{"wrong side effects in the graph",
                        shown(statement_) + "    expected: " + describe(expected) +
                            "\n    observed: " + describe(observed_) +
                            "\n    engine stats: " + describe(result_->stats)};
    }
    if (!same_counts(result_->stats, expected)) {
      throw StepFailure{"wrong Result::stats (the graph is right)",
                        shown(statement_) + "    expected: " + describe(expected) +
                            "\n    engine stats: " + describe(result_->stats)};
    }
  }

  const std::filesystem::path& tck_dir_;
  query::Limits limits_;
  PropertyGraph graph_;
  query::Parameters parameters_;
  // The last statement run and its outcome: a result or an error.
  std::string statement_;
  std::optional<query::Result> result_;
  std::optional<RaisedError> error_;
  // The side effects of the last main query, as observed in the graph.
  query::Stats observed_;
  bool outcome_checked_ = false;
};

}  // namespace

ScenarioRunner::ScenarioRunner(std::filesystem::path tck_dir, std::chrono::milliseconds timeout)
    : tck_dir_(std::move(tck_dir)), timeout_(timeout) {}

Outcome ScenarioRunner::run(const Scenario& scenario) const {
  const Step* current = nullptr;
  try {
    Execution execution(tck_dir_, timeout_);
    for (const Step& step : scenario.steps) {
      current = &step;
      execution.step(step);
    }
    execution.finish();
    return {true, "", ""};
  } catch (const StepFailure& failure) {
    const std::string where = current == nullptr
                                  ? ""
                                  : "  line " + std::to_string(current->line) + ": " +
                                        current->keyword + " " + current->text + "\n";
    return {false, failure.reason, where + failure.details};
  } catch (const std::exception& e) {
    const std::string where = current ? "line " + std::to_string(current->line) : "start";
    return {false, std::string("runner: exception: ") + e.what(), "  at " + where};
  } catch (...) {
    return {false, "runner: unknown exception", ""};
  }
}

}  // namespace kg::tck
