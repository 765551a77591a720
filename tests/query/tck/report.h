// Collects scenario outcomes and prints the pass table per feature folder,
// the totals, and (on request) the failures grouped by reason.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "scenario_runner.h"

namespace kg::tck {

// One scenario that ran.
struct ScenarioRecord {
  // "<path under features/>:<scenario name>", plus " #<n>" for an outline's n-th example.
  std::string id;
  std::string folder;  // the feature file's folder under features/, e.g. "clauses/match"
  Outcome outcome;
};

class Report {
 public:
  void add(ScenarioRecord record);
  const std::vector<ScenarioRecord>& records() const { return records_; }

  // "clauses/match   123 / 130   94.6%" per folder, the total, and the total
  // outside expressions/temporal and clauses/call.
  void print_table(std::ostream& out) const;

  // Every failing id with its reason, then the most frequent reasons (with
  // quoted names and numbers blurred so that similar failures group).
  void print_failures(std::ostream& out) const;

 private:
  std::vector<ScenarioRecord> records_;
};

}  // namespace kg::tck
