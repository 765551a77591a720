// The executor: builds the operator pipeline of a query and runs it.
#pragma once

#include "query/ast.h"
#include "query/engine.h"
#include "query/operator.h"

namespace kg::query {

// Runs an analysed query on the graph, filling `result` (columns, rows, stats).
void execute(const Query& query, ExecContext& ctx, Result& result);

// True when the subquery of EXISTS { ... } gives at least one row for the
// outer row (`names`, `values`).
bool subquery_has_rows(const SingleQuery& query, const std::vector<std::string>& names,
                       const std::vector<Value>& values, EvalContext& ctx);

}  // namespace kg::query
