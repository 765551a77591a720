// The semantic pass: the checks that can be made before running a statement.
//
// It follows variables through the clauses (WITH ends a scope), and reports,
// with the TCK's detail codes: UndefinedVariable, VariableAlreadyBound,
// VariableTypeConflict, NoExpressionAlias, ColumnNameConflict,
// InvalidAggregation, NestedAggregation, AmbiguousAggregationExpression,
// DifferentColumnsInUnion, InvalidClauseComposition, UnknownFunction, ...
// It also rewrites `RETURN *` / `WITH *` into explicit items.
#pragma once

#include "query/ast.h"

namespace kg::query {

// Checks `query` and completes it in place; throws QueryError (compile time).
void analyse(Query& query);

}  // namespace kg::query
