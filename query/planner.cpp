#include "query/planner.h"

#include <algorithm>
#include <limits>

namespace kg::query {
namespace {

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// An expression whose value does not depend on the row: a literal or a parameter.
bool is_constant(const ExprPtr& e) {
  return e && (e->kind == ExprKind::Literal || e->kind == ExprKind::Parameter);
}

// The expression X of a conjunct `variable.name = X` (or `X = variable.name`) of WHERE.
ExprPtr name_from_where(const Expr* where, const std::string& variable) {
  if (!where || variable.empty()) return nullptr;
  if (where->kind == ExprKind::And) {
    if (auto e = name_from_where(where->args[0].get(), variable)) return e;
    return name_from_where(where->args[1].get(), variable);
  }
  if (where->kind != ExprKind::Equal) return nullptr;
  for (int side = 0; side < 2; ++side) {
    const ExprPtr& prop = where->args[side];
    const ExprPtr& other = where->args[1 - side];
    if (prop->kind == ExprKind::Property && prop->name == "name" &&
        prop->args[0]->kind == ExprKind::Variable && prop->args[0]->name == variable && is_constant(other))
      return other;
  }
  return nullptr;
}

ExprPtr name_from_properties(const NodePattern& node) {
  if (!node.properties || node.properties->kind != ExprKind::MapLiteral) return nullptr;
  for (std::size_t i = 0; i < node.properties->keys.size(); ++i)
    if (node.properties->keys[i] == "name" && is_constant(node.properties->args[i]))
      return node.properties->args[i];
  return nullptr;
}

// The cheapest way to start `part`, with its estimated number of start nodes.
std::pair<StartPlan, double> best_start(const PatternPart& part, const std::vector<std::string>& bound_vars,
                                        const PropertyGraph& graph, const Expr* where) {
  StartPlan best;
  double best_cost = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < part.nodes.size(); ++i) {
    const NodePattern& node = part.nodes[i];
    StartPlan plan;
    plan.node = i;
    double cost = 0;
    if (!node.variable.empty() && contains(bound_vars, node.variable)) {
      plan.source = StartPlan::Source::Bound;
      cost = 0;
    } else {
      for (const auto& label : node.labels) {
        double n = static_cast<double>(graph.nodes_with_label(label).size());
        if (plan.label.empty() || n < cost) {
          plan.label = label;
          cost = n;
        }
      }
      if (plan.label.empty()) cost = static_cast<double>(graph.node_count());
      plan.source = plan.label.empty() ? StartPlan::Source::Scan : StartPlan::Source::Label;
      if (ExprPtr name = name_from_properties(node) ? name_from_properties(node)
                                                    : name_from_where(where, node.variable)) {
        plan.source = StartPlan::Source::Name;
        plan.name = name;
        cost = 1;
      }
    }
    if (cost < best_cost) {
      best_cost = cost;
      best = plan;
    }
  }
  // Starting from a node visits about its degree in relationships; starting
  // from the relationships of one type visits each once.
  if (best.source == StartPlan::Source::Label || best.source == StartPlan::Source::Scan) {
    double degree = graph.node_count() ? static_cast<double>(graph.relationship_count()) /
                                             static_cast<double>(graph.node_count())
                                       : 0;
    for (std::size_t r = 0; r < part.rels.size(); ++r) {
      const RelPattern& rel = part.rels[r];
      bool bound = !rel.variable.empty() && contains(bound_vars, rel.variable);
      if (rel.variable_length || rel.types.size() != 1 || bound) continue;
      double n = static_cast<double>(graph.relationships_of_type(rel.types[0]).size());
      if (n < best_cost * std::max(1.0, degree)) {
        best_cost = n;
        best = StartPlan{StartPlan::Source::RelationshipType, r, "", nullptr};
      }
    }
  }
  return {best, best_cost};
}

}  // namespace

std::vector<PartPlan> plan_pattern(const Pattern& pattern, const std::vector<std::string>& bound_before,
                                   const PropertyGraph& graph, const Expr* where) {
  std::vector<std::string> bound = bound_before;
  std::vector<bool> done(pattern.size(), false);
  std::vector<PartPlan> plans;
  for (std::size_t round = 0; round < pattern.size(); ++round) {
    std::size_t pick = pattern.size();
    std::pair<StartPlan, double> pick_start;
    for (std::size_t p = 0; p < pattern.size(); ++p) {
      if (done[p]) continue;
      bool shortest = pattern[p].kind != PatternPart::Kind::Normal;
      auto start = best_start(pattern[p], bound, graph, where);
      if (shortest) start.second += 1e18;  // shortest paths last: their ends should be bound
      if (pick == pattern.size() || start.second < pick_start.second) {
        pick = p;
        pick_start = start;
      }
    }
    done[pick] = true;
    plans.push_back({pick, pick_start.first});
    for (const auto& n : pattern[pick].nodes)
      if (!n.variable.empty()) bound.push_back(n.variable);
    for (const auto& r : pattern[pick].rels)
      if (!r.variable.empty()) bound.push_back(r.variable);
  }
  return plans;
}

}  // namespace kg::query
