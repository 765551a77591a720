#include "query/used_variables.h"

namespace kg::query {

bool used_variables(const Expr& e, std::vector<std::string>& out) {
  if (e.pattern || e.subquery) return false;
  if (e.kind == ExprKind::Variable) out.push_back(e.name);
  for (const auto& item : e.projection) {
    if (item.kind == MapProjectionItem::Kind::Variable) out.push_back(item.key);
    if (item.value && !used_variables(*item.value, out)) return false;
  }
  for (const auto& a : e.args)
    if (a && !used_variables(*a, out)) return false;
  return true;
}

}  // namespace kg::query
