// The expression evaluator: computes the Value of an Expr for one row.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/property_graph.h"
#include "graph/value.h"
#include "query/ast.h"
#include "query/engine.h"

namespace kg::query {

// The variables an expression can see: a frame of names and values, chained to
// the frames around it (list comprehensions add a one-variable frame).
struct Env {
  const std::vector<std::string>* names = nullptr;
  const Value* values = nullptr;
  const Env* parent = nullptr;

  // The variable's value, or nullptr when it is not in scope.
  const Value* find(std::string_view name) const;
  // Every visible name and value, innermost frame first.
  void flatten(std::vector<std::string>& names_out, std::vector<Value>& values_out) const;
};

// What evaluation needs besides the row: the graph and the parameters.
struct EvalContext {
  PropertyGraph& graph;
  const Parameters& parameters;
  // Types of the relationships this statement deleted: type() still answers for them.
  std::map<RelId, std::string> deleted_types = {};
  // Throws when the statement must stop (cancelled, out of time); called
  // now and then by long-running loops. May be empty.
  std::function<void()> check_limits = {};
  // The statement's memory budget, charged by what keeps values (collect(),
  // shortest-path search, range()). May be null: no budget.
  MemoryBudget* memory = nullptr;
  // What date(), datetime(), ... return: the clock read once per statement
  // (nanoseconds since the epoch), so that all calls in a statement agree.
  std::optional<std::int64_t> statement_clock = {};
};

// Evaluates `expr`. Aggregate function calls must have been replaced by
// variables before (see aggregation.h); finding one here is an error.
Value evaluate(const Expr& expr, const Env& env, EvalContext& ctx);

// Cypher's truth value of a predicate result: true, false or null (nullopt).
// Throws TypeError for a value that is neither boolean nor null.
std::optional<bool> truth(const Value& v);

// Cypher's `a op b` for a comparison operator (=, <>, <, <=, >, >=): null
// (nullopt) when either side is null or the two cannot be compared.
std::optional<bool> compare(ExprKind op, const Value& a, const Value& b);

// Throws a runtime QueryError.
[[noreturn]] void runtime_error(const std::string& error_class, const std::string& detail,
                                const std::string& message);

// A property of a node, relationship or map (null when absent).
Value property_of(const Value& container, std::string_view key, EvalContext& ctx);

// property_of() without a copy: a reference to the stored value, or to
// `scratch` holding a computed one (null when absent). Valid until the graph
// or the container changes.
const Value& property_ref(const Value& container, std::string_view key, EvalContext& ctx, Value& scratch);

// evaluate() without a copy when the value already exists (a literal, a
// variable, a stored property); else evaluates into `scratch`. Valid while
// `env`, the graph and `scratch` are unchanged.
const Value& evaluate_ref(const Expr& expr, const Env& env, EvalContext& ctx, Value& scratch);

}  // namespace kg::query
