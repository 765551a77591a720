// Aggregation: count, sum, avg, min, max, collect, stDev, stDevP,
// percentileCont, percentileDisc, each with an optional DISTINCT.
//
// A projection with aggregates (RETURN k, count(*) + 1) is run by replacing
// each aggregate call with a hidden variable (extract_aggregates), feeding one
// Aggregator per call and group, and evaluating the rewritten item last.
#pragma once

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

// The running state of one aggregate call over one group.
class Aggregator {
 public:
  virtual ~Aggregator() = default;
  // Adds one row: `args` are the call's evaluated arguments (none for count(*)).
  // Returns the estimated bytes the aggregator keeps more (memory_budget.h).
  std::size_t add(const std::vector<Value>& args);
  virtual Value result() const = 0;

 protected:
  // Returns the estimated bytes it keeps more.
  virtual std::size_t accumulate(const std::vector<Value>& args) = 0;

 private:
  friend std::unique_ptr<Aggregator> make_aggregator(const Expr& call);
  bool distinct_ = false;
  bool count_nulls_ = false;                                    // count(*)
  std::unordered_set<Value, ValueHash, ValueEquivalent> seen_;  // DISTINCT: values already added
};

// A fresh aggregator for an aggregate call (FunctionCall or CountStar).
std::unique_ptr<Aggregator> make_aggregator(const Expr& call);

}  // namespace kg::query
