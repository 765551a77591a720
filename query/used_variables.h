// The variables an expression reads, for deciding where in a pipeline it can
// be evaluated (filter placement in the matcher, the input columns a grouping
// keeps).
#pragma once

#include <string>
#include <vector>

#include "query/ast.h"

namespace kg::query {

// Appends the variable names `e` uses (those of its list comprehensions'
// own variables too, which only makes callers more cautious). Returns false
// when `e` holds a pattern or a subquery, whose variables are not listed.
bool used_variables(const Expr& e, std::vector<std::string>& out);

}  // namespace kg::query
