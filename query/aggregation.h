// Aggregation: count, sum, avg, min, max, collect, stDev, stDevP,
// percentileCont, percentileDisc, each with an optional DISTINCT.
//
// A projection with aggregates (RETURN k, count(*) + 1) is run by replacing
// each aggregate call with a hidden variable (extract_aggregates), feeding one
// AggregateState per call and group, and evaluating the rewritten item last.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "query/ast.h"
#include "query/evaluator.h"

namespace kg::query {

// True when `name` (any case) is an aggregate function.
bool is_aggregate_function(std::string_view name);

// True when `e` is an aggregate call or contains one (not looking into nested
// list comprehensions' own scopes is unnecessary: aggregates are never allowed there).
bool contains_aggregate(const Expr& e);

// A copy of `expr` where each aggregate call is replaced by a variable named
// aggregate_variable(i); the calls are appended to `aggregates`.
ExprPtr extract_aggregates(const ExprPtr& expr, std::vector<ExprPtr>& aggregates);

// The hidden variable name of the i-th aggregate.
std::string aggregate_variable(std::size_t i);

// The running state of one aggregate call over one group. Plain fields, so
// that a grouping table keeps each group's states inline; only the states that
// grow (collect, the percentiles and standard deviations, DISTINCT) allocate.
struct AggregateState {
  std::int64_t count = 0;  // count(); sum()'s integer part; avg()'s number of values
  double total = 0;        // sum()'s float part; avg()'s sum
  bool any_float = false;  // sum(): a float was added
  double percentile = 0;   // percentileCont(), percentileDisc(): the last percentile given
  Value best;              // min(), max()
  List values;             // collect(), stDev(), stDevP(), the percentiles
  // DISTINCT: the values already added; created by the first one.
  std::unique_ptr<std::unordered_set<Value, ValueHash, ValueEquivalent>> seen;
};

// One aggregate call (FunctionCall or CountStar): what it computes from a
// group's rows, the same for every group.
class Aggregate {
 public:
  explicit Aggregate(const Expr& call);
  // Adds one row to a group's state: `args` are the call's evaluated
  // arguments (none for count(*)). Returns the estimated bytes the state keeps
  // more (memory_budget.h).
  std::size_t add(AggregateState& state, const std::vector<Value>& args) const;
  // The value of the call over the rows added to `state`.
  Value result(const AggregateState& state) const;
  // True for count() without DISTINCT: its state is a number of rows that
  // partial counts add up to, whatever the order of the rows.
  bool plain_count() const { return kind_ == Kind::Count && !distinct_; }
  // For plain_count() calls: whether a row with these arguments is counted.
  bool counts(const std::vector<Value>& args) const {
    return count_nulls_ || (!args.empty() && !args[0].is_null());
  }
  // For plain_count() calls: adds `rows` counted elsewhere to `state`.
  void add_count(AggregateState& state, std::int64_t rows) const { state.count += rows; }

 private:
  enum class Kind { Count, Sum, Avg, Min, Max, Collect, StDev, StDevP, PercentileCont, PercentileDisc };
  Kind kind_ = Kind::Count;
  bool distinct_ = false;
  bool count_nulls_ = false;  // count(*)
};

}  // namespace kg::query
