#include "query/property_comparison.h"

namespace kg::query {

namespace {

bool is_comparison(ExprKind kind) {
  switch (kind) {
    case ExprKind::Equal:
    case ExprKind::NotEqual:
    case ExprKind::Less:
    case ExprKind::LessEqual:
    case ExprKind::Greater:
    case ExprKind::GreaterEqual:
      return true;
    default:
      return false;
  }
}

bool is_constant(const Expr& e) { return e.kind == ExprKind::Literal || e.kind == ExprKind::Parameter; }

// The slot of `v` in `v.key` when v is one of `slot_names`.
std::optional<std::size_t> property_slot(const Expr& e, const std::vector<std::string>& slot_names) {
  if (e.kind != ExprKind::Property || e.args[0]->kind != ExprKind::Variable) return std::nullopt;
  for (std::size_t slot = 0; slot < slot_names.size(); ++slot)
    if (slot_names[slot] == e.args[0]->name) return slot;
  return std::nullopt;
}

// The entity's property `key`, null (in `scratch`) when absent. With
// `number_wanted`, an integer or float comes from the store's number mirror and
// is rebuilt in `scratch`, which spares loading the 40-byte Value.
const Value& read_property(const PropertyGraph& graph, bool is_relationship, std::uint64_t id,
                           PropertyKey key, bool number_wanted, Value& scratch) {
  if (number_wanted) {
    StoredNumber number = is_relationship ? graph.relationship_number(id, key) : graph.node_number(id, key);
    switch (number.kind) {
      case SlotKind::Absent:
        return scratch;
      case SlotKind::Int:
        return scratch = Value(number.as_int());
      case SlotKind::Float:
        return scratch = Value(number.as_float());
      case SlotKind::Other:
        break;
    }
  }
  const Value* stored = is_relationship ? graph.relationship_property(id, key) : graph.node_property(id, key);
  return stored ? *stored : scratch;
}

}  // namespace

PropertyComparison::PropertyComparison(const Expr& conjunct, std::size_t slot, bool property_left)
    : conjunct_(&conjunct), slot_(slot), property_left_(property_left) {}

std::optional<PropertyComparison> PropertyComparison::recognise(const Expr& conjunct,
                                                                const std::vector<std::string>& slot_names) {
  if (!is_comparison(conjunct.kind)) return std::nullopt;
  const Expr& left = *conjunct.args[0];
  const Expr& right = *conjunct.args[1];
  if (is_constant(right))
    if (auto slot = property_slot(left, slot_names)) return PropertyComparison(conjunct, *slot, true);
  if (is_constant(left))
    if (auto slot = property_slot(right, slot_names)) return PropertyComparison(conjunct, *slot, false);
  return std::nullopt;
}

PropertyComparison::Prepared PropertyComparison::prepare(const EvalContext& ctx) const {
  const Expr& property = *conjunct_->args[property_left_ ? 0 : 1];
  const Expr& constant = *conjunct_->args[property_left_ ? 1 : 0];
  Prepared prepared;
  prepared.key = ctx.graph.find_property_key(property.name);
  if (constant.kind == ExprKind::Literal) {
    prepared.constant = &constant.value;
  } else if (auto it = ctx.parameters.find(constant.name); it != ctx.parameters.end()) {
    prepared.constant = &it->second;
  }
  return prepared;
}

std::optional<bool> PropertyComparison::holds(const Value& entity, const Prepared& prepared,
                                              const PropertyGraph& graph) const {
  if (!prepared.constant) return std::nullopt;
  bool is_relationship = entity.is_relationship();
  if (!is_relationship && !entity.is_node()) return std::nullopt;
  std::uint64_t id = is_relationship ? entity.as_relationship().id : entity.as_node().id;
  if (!(is_relationship ? graph.has_relationship(id) : graph.has_node(id))) return std::nullopt;
  Value scratch;
  bool number_wanted = prepared.constant->is_number();
  const Value& property = prepared.key
                              ? read_property(graph, is_relationship, id, *prepared.key, number_wanted, scratch)
                              : scratch;
  const Value& constant = *prepared.constant;
  auto result = property_left_ ? compare(conjunct_->kind, property, constant)
                               : compare(conjunct_->kind, constant, property);
  return result.value_or(false);
}

}  // namespace kg::query
