// Cypher's temporal functions and operators over graph/temporal.h values:
// date(), localtime(), time(), localdatetime(), datetime(), duration() and
// their namespaced forms (duration.between, date.truncate, datetime.fromepoch,
// ...), component access (d.year), and temporal ± duration arithmetic.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "graph/temporal.h"
#include "graph/value.h"
#include "query/ast.h"
#include "query/evaluator.h"

namespace kg::query {

// True when `lower_name` (already lower case) is a temporal function.
bool is_temporal_function(std::string_view lower_name);

// The number of arguments the temporal function accepts: [min, max].
std::pair<std::size_t, std::size_t> temporal_function_arity(std::string_view lower_name);

// Calls the temporal function `lower_name` on evaluated arguments; throws a
// runtime QueryError for bad arguments. The current-time forms read
// ctx.statement_clock (setting it on first use); the .realtime ones the clock.
Value call_temporal_function(std::string_view lower_name, std::vector<Value>& args, EvalContext& ctx);

// A component of a temporal value (`d.year`, `t.timezone`, `dur.minutes`);
// throws for a key the type does not have.
Value temporal_property(const Temporal& t, std::string_view key);

// `a op b` when a temporal is involved (+, -, *, /); nullopt when neither
// operand is temporal. Throws for combinations Cypher does not define.
std::optional<Value> temporal_arithmetic(ExprKind op, const Value& a, const Value& b);

}  // namespace kg::query
