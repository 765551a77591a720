// Runs one TCK scenario's steps against kg's engine and judges the result.
//
// Steps understood: "an empty graph", "any graph", "the <name> graph",
// "having executed:", "parameters are:", "executing query:", "executing
// control query:", "the result should be[, in order][, in any order]
// [(ignoring element order for lists)]:", "the result should be empty",
// "a <Class> should be raised at <phase>: <Detail>", "the side effects
// should be:", "no side effects". Anything else (the procedure steps of
// clauses/call) fails the scenario as unsupported.
//
// Expected errors: the class must match and so must the detail code (unless
// the TCK writes `*`). The phase (compile time / runtime) is not checked: kg
// may find at compile time what another engine finds at runtime, and the TCK
// itself allows "any time" in places. A failed statement must leave no
// observable side effects.
//
// Side effects: the counts observed in the graph (see side_effects.h) must
// equal the table, and so must the engine's own Result::stats.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

#include "gherkin_parser.h"

namespace kg::tck {

// The verdict on one scenario.
struct Outcome {
  bool passed = false;
  // One line naming the kind of failure, used to group failures
  // ("unexpected error: SyntaxError: UnexpectedSyntax: ...", "wrong rows", ...).
  std::string reason;
  // Several lines: the failing step, expected and actual values.
  std::string details;
};

// Runs scenarios against fresh graphs.
class ScenarioRunner {
 public:
  // `tck_dir` is the TCK root (holding graphs/); every statement gets `timeout`.
  ScenarioRunner(std::filesystem::path tck_dir, std::chrono::milliseconds timeout);

  // Never throws: any exception becomes a failed Outcome.
  Outcome run(const Scenario& scenario) const;

 private:
  std::filesystem::path tck_dir_;
  std::chrono::milliseconds timeout_;
};

}  // namespace kg::tck
