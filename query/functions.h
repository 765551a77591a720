// Cypher's scalar functions: size(), labels(), toInteger(), substring(), ...
#pragma once

#include <string_view>
#include <vector>

#include "query/evaluator.h"

namespace kg::query {

// True when `name` (any case) is a scalar function kg knows.
bool is_scalar_function(std::string_view name);

// The number of arguments the function accepts: [min, max].
std::pair<std::size_t, std::size_t> function_arity(std::string_view name);

// Calls the scalar function `call.name` on evaluated arguments.
Value call_function(const Expr& call, std::vector<Value>& args, EvalContext& ctx);

}  // namespace kg::query
