#include "query/matcher.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include "query/used_variables.h"

namespace kg::query {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

struct PatternMatcher::State {
  EvalContext& ctx;
  const Emit& emit;
  std::vector<Value> values;  // one per slot
  std::vector<char> bound;    // one per slot
  std::vector<RelId> used;    // relationships matched so far
  std::size_t steps_taken = 0;
  std::vector<Value> row;     // the output row, its buffer reused from match to match
  // types[part][relationship]: the type codes the relationship accepts.
  std::vector<std::vector<TypeCodes>> types;
  // prepared[i]: the key and constant of the i-th filter with a PropertyComparison.
  std::vector<PropertyComparison::Prepared> prepared;

  Env env(const std::vector<std::string>& names) const { return Env{&names, values.data(), nullptr}; }
};

PatternMatcher::PatternMatcher(const Pattern& pattern, std::vector<std::string> input_names,
                               const PropertyGraph& graph, const Expr* where)
    : pattern_(pattern), output_names_(std::move(input_names)) {
  input_size_ = output_names_.size();
  std::vector<std::string> bound = output_names_;
  auto slot_of = [&](const std::string& name) {
    for (std::size_t i = 0; i < output_names_.size(); ++i)
      if (output_names_[i] == name) return i;
    output_names_.push_back(name);
    return output_names_.size() - 1;
  };
  for (const auto& part : pattern) {
    std::vector<std::size_t> nodes, rels;
    for (const auto& n : part.nodes) nodes.push_back(n.variable.empty() ? kNone : slot_of(n.variable));
    for (const auto& r : part.rels) rels.push_back(r.variable.empty() ? kNone : slot_of(r.variable));
    node_slots_.push_back(nodes);
    rel_slots_.push_back(rels);
    path_slots_.push_back(part.path_variable.empty() ? kNone : slot_of(part.path_variable));
  }
  // Anonymous elements get slots past the named ones.
  slot_count_ = output_names_.size();
  for (auto* slots : {&node_slots_, &rel_slots_})
    for (auto& part : *slots)
      for (auto& s : part)
        if (s == kNone) s = slot_count_++;

  std::vector<PartPlan> plans = plan_pattern(pattern, bound, graph, where);
  for (std::size_t k = 0; k < plans.size(); ++k) {
    bool pair = k + 1 < plans.size() && add_either_order(plans[k], plans[k + 1], bound);
    for (std::size_t p = k; p <= k + (pair ? 1 : 0); ++p) {
      if (!pair) add_part_steps(plans[p]);
      for (const auto& n : pattern[plans[p].part].nodes) bound.push_back(n.variable);
      for (const auto& r : pattern[plans[p].part].rels) bound.push_back(r.variable);
    }
    if (pair) ++k;
  }
  place_filters(where);
}

void PatternMatcher::add_part_steps(const PartPlan& plan) {
  const PatternPart& part = pattern_[plan.part];
  if (part.kind != PatternPart::Kind::Normal) {
    Step a{Step::Kind::Start, plan.part, 0, true, {}};
    Step b{Step::Kind::Start, plan.part, part.nodes.size() - 1, true, {}};
    steps_.push_back(a);
    steps_.push_back(b);
    steps_.push_back({Step::Kind::Shortest, plan.part, 0, true, {}});
  } else if (plan.start.source == StartPlan::Source::RelationshipType) {
    std::size_t first = plan.start.node;
    steps_.push_back({Step::Kind::StartRelationship, plan.part, first, true, plan.start});
    for (std::size_t r = first + 1; r < part.rels.size(); ++r)
      steps_.push_back({Step::Kind::Expand, plan.part, r, true, {}});
    for (std::size_t r = first; r-- > 0;) steps_.push_back({Step::Kind::Expand, plan.part, r, false, {}});
  } else {
    steps_.push_back({Step::Kind::Start, plan.part, plan.start.node, true, plan.start});
    for (std::size_t r = plan.start.node; r < part.rels.size(); ++r)
      steps_.push_back({Step::Kind::Expand, plan.part, r, true, {}});
    for (std::size_t r = plan.start.node; r-- > 0;)
      steps_.push_back({Step::Kind::Expand, plan.part, r, false, {}});
  }
  if (path_slots_[plan.part] != kNone) steps_.push_back({Step::Kind::BindPath, plan.part, 0, true, {}});
}

bool PatternMatcher::add_either_order(const PartPlan& first, const PartPlan& second,
                                      const std::vector<std::string>& bound) {
  auto one_hop = [&](const PartPlan& plan) {
    const PatternPart& part = pattern_[plan.part];
    return part.kind == PatternPart::Kind::Normal && part.rels.size() == 1 && !part.rels[0].variable_length &&
           path_slots_[plan.part] == kNone;
  };
  auto bound_before = [&](const NodePattern& node) {
    return !node.variable.empty() && std::find(bound.begin(), bound.end(), node.variable) != bound.end();
  };
  if (!one_hop(first) || !one_hop(second) || first.start.source != StartPlan::Source::Bound) return false;
  const PatternPart& part = pattern_[second.part];
  std::size_t second_start = bound_before(part.nodes[0]) ? 0 : bound_before(part.nodes[1]) ? 1 : kNone;
  if (second_start == kNone) return false;
  // Choose, first then second, Jump, second then first: both orders end where
  // the steps after the pair begin.
  std::size_t choose = steps_.size();
  steps_.push_back({Step::Kind::Choose, first.part, 0, true, {}});
  add_part_steps(first);
  add_part_steps(second);
  std::size_t jump = steps_.size();
  steps_.push_back({Step::Kind::Jump, second.part, 0, true, {}});
  steps_[choose].index = steps_.size();
  StartPlan from_bound;
  from_bound.source = StartPlan::Source::Bound;
  from_bound.node = second_start;
  add_part_steps({second.part, from_bound});
  add_part_steps(first);
  steps_[jump].index = steps_.size();
  return true;
}

std::size_t PatternMatcher::start_candidates(const Step& start, State& s) const {
  std::size_t slot = node_slots_[start.part][start.index];
  const Value& v = s.values[slot];
  if (!s.bound[slot] || !v.is_node() || !s.ctx.graph.has_node(v.as_node().id)) return 0;
  return candidate_count(pattern_[start.part].rels[0], v.as_node().id, start.index == 0, s);
}

namespace {

// The conjuncts of a WHERE: a AND b AND c gives a, b, c.
void split_conjuncts(const Expr* e, std::vector<const Expr*>& out) {
  if (e->kind == ExprKind::And) {
    split_conjuncts(e->args[0].get(), out);
    split_conjuncts(e->args[1].get(), out);
  } else {
    out.push_back(e);
  }
}

}  // namespace

void PatternMatcher::place_filters(const Expr* where) {
  filters_.assign(steps_.size() + 1, {});
  rel_filters_.assign(steps_.size(), {});
  if (!where) return;
  // bound_at[slot]: where the slot is first bound, counted in half steps:
  // 2i + 1 inside step i once its relationship is bound (before its other
  // node), 2i before step i.
  std::vector<std::size_t> bound_at(slot_count_, 2 * steps_.size());
  for (std::size_t i = 0; i < input_size_; ++i) bound_at[i] = 0;
  auto binds = [&](std::size_t slot, std::size_t half_step) {
    bound_at[slot] = std::min(bound_at[slot], half_step);
  };
  // Between a Choose and where its two orders meet, the order of bindings
  // depends on the row: what they bind counts as bound where they meet.
  std::size_t meet = 0;
  for (std::size_t i = 0; i < steps_.size(); ++i) {
    const Step& st = steps_[i];
    const auto& nodes = node_slots_[st.part];
    const auto& rels = rel_slots_[st.part];
    if (st.kind == Step::Kind::Choose) meet = steps_[st.index - 1].index;
    bool in_choice = i < meet;
    std::size_t after = in_choice ? 2 * meet : 2 * (i + 1);
    std::size_t with_rel = in_choice ? 2 * meet : 2 * i + 1;
    switch (st.kind) {
      case Step::Kind::Start:
        binds(nodes[st.index], after);
        break;
      case Step::Kind::StartRelationship:
        binds(rels[st.index], with_rel);
        binds(nodes[st.index], after);
        binds(nodes[st.index + 1], after);
        break;
      case Step::Kind::Expand: {
        // A variable-length relationship's list is bound with the node it reaches.
        bool variable_length = pattern_[st.part].rels[st.index].variable_length;
        binds(rels[st.index], variable_length ? after : with_rel);
        binds(nodes[st.forward ? st.index + 1 : st.index], after);
        break;
      }
      case Step::Kind::Shortest:
        binds(rels[0], after);
        break;
      case Step::Kind::BindPath:
        binds(path_slots_[st.part], after);
        break;
      case Step::Kind::Choose:
      case Step::Kind::Jump:
        break;
    }
  }
  std::vector<const Expr*> conjuncts;
  split_conjuncts(where, conjuncts);
  for (const Expr* c : conjuncts) {
    std::vector<std::string> names;
    std::size_t at = 0;
    if (!used_variables(*c, names)) at = 2 * steps_.size();
    for (const auto& name : names)
      for (std::size_t slot = 0; slot < output_names_.size(); ++slot)
        if (output_names_[slot] == name) at = std::max(at, bound_at[slot]);
    Filter filter{c, PropertyComparison::recognise(*c, output_names_), 0};
    if (filter.comparison) filter.prepared = comparison_count_++;
    (at % 2 == 1 ? rel_filters_ : filters_)[at / 2].push_back(std::move(filter));
  }
}

bool PatternMatcher::passes(const std::vector<Filter>& filters, State& s) const {
  for (const Filter& filter : filters) {
    if (filter.comparison) {
      const PropertyComparison& c = *filter.comparison;
      if (auto holds = c.holds(s.values[c.slot()], s.prepared[filter.prepared], s.ctx.graph)) {
        if (!*holds) return false;
        continue;
      }
    }
    if (!truth(evaluate(*filter.expr, s.env(output_names_), s.ctx)).value_or(false)) return false;
  }
  return true;
}

bool PatternMatcher::run(const Value* input, EvalContext& ctx, const Emit& emit) const {
  State s{ctx, emit, std::vector<Value>(slot_count_), std::vector<char>(slot_count_, 0), {}, 0, {}, {}, {}};
  // Resolved per run: earlier clauses of the statement may have added types.
  for (const PatternPart& part : pattern_) {
    auto& codes = s.types.emplace_back();
    for (const RelPattern& rel : part.rels) {
      TypeCodes& c = codes.emplace_back();
      c.any = rel.types.empty();
      for (const std::string& type : rel.types)
        if (auto code = ctx.graph.find_type_code(type)) c.codes.push_back(*code);
    }
  }
  s.prepared.resize(comparison_count_);
  for (const auto* filters : {&filters_, &rel_filters_})
    for (const auto& at_step : *filters)
      for (const Filter& filter : at_step)
        if (filter.comparison) s.prepared[filter.prepared] = filter.comparison->prepare(ctx);
  for (std::size_t i = 0; i < input_size_; ++i) {
    s.values[i] = input[i];
    s.bound[i] = 1;
  }
  return run_step(0, s);
}

bool PatternMatcher::run_step(std::size_t i, State& s) const {
  if ((++s.steps_taken & 0xFFF) == 0 && s.ctx.check_limits) s.ctx.check_limits();
  if (!filters_[i].empty() && !passes(filters_[i], s)) return true;
  if (i == steps_.size()) {
    s.row.assign(s.values.begin(), s.values.begin() + static_cast<std::ptrdiff_t>(output_names_.size()));
    return s.emit(s.row);
  }
  const Step& step = steps_[i];
  switch (step.kind) {
    case Step::Kind::Start:
      return start(step, s);
    case Step::Kind::StartRelationship:
      return start_relationship(step, s);
    case Step::Kind::Expand: {
      const RelPattern& r = pattern_[step.part].rels[step.index];
      return r.variable_length ? expand_variable(step, s) : expand(step, s);
    }
    case Step::Kind::Shortest:
      return shortest(step, s);
    case Step::Kind::BindPath:
      return bind_path(step, s);
    case Step::Kind::Choose:
      // Start with the part whose bound node has fewer relationships to walk.
    {
      bool swap = start_candidates(steps_[step.index], s) < start_candidates(steps_[i + 1], s);
      return run_step(swap ? step.index : i + 1, s);
    }
    case Step::Kind::Jump:
      return run_step(step.index, s);
  }
  return true;
}

// Evaluates a pattern element's property map (nullptr when it has none).
static std::optional<Map> pattern_properties(const ExprPtr& props, const Env& env, EvalContext& ctx) {
  if (!props) return std::nullopt;
  Value v = evaluate(*props, env, ctx);
  if (v.is_null()) return Map{};
  if (!v.is_map()) runtime_error("TypeError", "InvalidArgumentType", "pattern properties must be a map");
  return v.as_map();
}

// `lookup(key)` gives the entity's value for a key, nullptr when absent.
template <typename Lookup>
static bool properties_match(Lookup lookup, const Map* wanted) {
  if (!wanted) return true;
  for (const auto& [k, v] : *wanted) {
    const Value* actual = lookup(k);
    if (!actual || !cypher_equals(*actual, v).value_or(false)) return false;
  }
  return true;
}

bool PatternMatcher::node_fits(const NodePattern& pattern, NodeId node, const Map* properties,
                               State& s) const {
  for (const auto& label : pattern.labels)
    if (!s.ctx.graph.has_label(node, label)) return false;
  return !properties ||
         properties_match([&](const std::string& k) { return s.ctx.graph.node_property(node, k); }, properties);
}

bool PatternMatcher::rel_properties_fit(RelId rel, const Map* properties, State& s) const {
  return !properties ||
         properties_match([&](const std::string& k) { return s.ctx.graph.relationship_property(rel, k); }, properties);
}

template <typename Then>
bool PatternMatcher::bind_node(std::size_t slot, const NodePattern& pattern, NodeId node,
                               const Map* properties, State& s, Then then) const {
  if (s.bound[slot]) {
    const Value& v = s.values[slot];
    if (!v.is_node() || v.as_node().id != node || !node_fits(pattern, node, properties, s)) return true;
    return then();
  }
  if (!node_fits(pattern, node, properties, s)) return true;
  s.values[slot] = Value(NodeRef{node});
  s.bound[slot] = 1;
  bool go_on = then();
  s.bound[slot] = 0;
  s.values[slot] = Value();
  return go_on;
}

bool PatternMatcher::bind_node_then(std::size_t slot, const NodePattern& pattern, NodeId node,
                                    const Map* properties, std::size_t next, State& s) const {
  return bind_node(slot, pattern, node, properties, s, [&] { return run_step(next, s); });
}

bool PatternMatcher::start_relationship(const Step& step, State& s) const {
  std::size_t next = static_cast<std::size_t>(&step - steps_.data()) + 1;
  const PatternPart& part = pattern_[step.part];
  const RelPattern& rel = part.rels[step.index];
  const NodePattern& left = part.nodes[step.index];
  const NodePattern& right = part.nodes[step.index + 1];
  std::size_t left_slot = node_slots_[step.part][step.index];
  std::size_t right_slot = node_slots_[step.part][step.index + 1];
  std::size_t rel_slot = rel_slots_[step.part][step.index];
  Env env = s.env(output_names_);
  auto rel_props = pattern_properties(rel.properties, env, s.ctx);
  auto left_props = pattern_properties(left.properties, env, s.ctx);
  auto right_props = pattern_properties(right.properties, env, s.ctx);
  const Map* rel_wanted = rel_props ? &*rel_props : nullptr;
  const Map* left_wanted = left_props ? &*left_props : nullptr;
  const Map* right_wanted = right_props ? &*right_props : nullptr;
  const PropertyGraph& g = s.ctx.graph;
  // Reading only: no clause writes while a pattern is matched.
  for (RelId r : g.relationships_of_type(rel.types[0])) {
    if (std::find(s.used.begin(), s.used.end(), r) != s.used.end()) continue;
    if (!rel_properties_fit(r, rel_wanted, s)) continue;
    s.values[rel_slot] = Value(RelRef{r});
    s.bound[rel_slot] = 1;
    bool go_on = true;
    if (rel_filters_[next - 1].empty() || passes(rel_filters_[next - 1], s)) {
      NodeId from = g.source(r), to = g.target(r);
      s.used.push_back(r);
      auto bind_ends = [&](NodeId a, NodeId b) {
        return bind_node(left_slot, left, a, left_wanted, s, [&] {
          return bind_node(right_slot, right, b, right_wanted, s, [&] { return run_step(next, s); });
        });
      };
      if (rel.direction == Direction::Outgoing)
        go_on = bind_ends(from, to);
      else if (rel.direction == Direction::Incoming)
        go_on = bind_ends(to, from);
      else
        go_on = bind_ends(from, to) && (from == to || bind_ends(to, from));
      s.used.pop_back();
    }
    s.bound[rel_slot] = 0;
    s.values[rel_slot] = Value();
    if (!go_on) return false;
  }
  return true;
}

bool PatternMatcher::start(const Step& step, State& s) const {
  std::size_t next = static_cast<std::size_t>(&step - steps_.data()) + 1;
  const NodePattern& node = pattern_[step.part].nodes[step.index];
  std::size_t slot = node_slots_[step.part][step.index];
  Env env = s.env(output_names_);
  auto props = pattern_properties(node.properties, env, s.ctx);
  const Map* wanted = props ? &*props : nullptr;
  if (s.bound[slot]) {
    const Value& v = s.values[slot];
    // null from OPTIONAL MATCH, not a node, or a node deleted by an earlier clause: no match
    if (!v.is_node() || !s.ctx.graph.has_node(v.as_node().id)) return true;
    return bind_node_then(slot, node, v.as_node().id, wanted, next, s);
  }
  const PropertyGraph& g = s.ctx.graph;
  auto try_all = [&](const auto& ids) {
    for (NodeId id : ids)
      if (!bind_node_then(slot, node, id, wanted, next, s)) return false;
    return true;
  };
  // Reading only: no clause writes while a pattern is matched, so the index
  // sets can be walked in place.
  if (step.start.source == StartPlan::Source::Name) {
    Value name = evaluate(*step.start.name, env, s.ctx);
    if (name.is_string()) return try_all(g.nodes_named(name.as_string()));
  }
  if (!step.start.label.empty()) return try_all(g.nodes_with_label(step.start.label));
  return try_all(g.node_ids());
}

NodeId PatternMatcher::other_end(RelId rel, NodeId from, State& s) const {
  NodeId src = s.ctx.graph.source(rel);
  return src == from ? s.ctx.graph.target(rel) : src;
}

namespace {

// The direction in which `from`'s relationships are read.
Direction walked_direction(const RelPattern& pattern, bool forward) {
  Direction d = pattern.direction;
  if (!forward && d != Direction::Both)
    d = d == Direction::Outgoing ? Direction::Incoming : Direction::Outgoing;
  return d;
}

}  // namespace

template <typename Visit>
bool PatternMatcher::for_each_candidate(const Step& step, NodeId from, bool forward, State& s,
                                        Visit visit) const {
  const PropertyGraph& g = s.ctx.graph;
  const TypeCodes& types = s.types[step.part][step.index];
  Direction d = walked_direction(pattern_[step.part].rels[step.index], forward);
  // Reading only: no clause writes while a pattern is matched, so the
  // adjacency lists are walked in place.
  if (d != Direction::Incoming)
    for (const Adjacent& a : g.outgoing_adjacent(from))
      if (types.accepts(a.type) && !visit(a)) return false;
  if (d != Direction::Outgoing)
    for (const Adjacent& a : g.incoming_adjacent(from)) {
      bool counted = d == Direction::Both && a.other == from;  // a self-loop, already seen outgoing
      if (!counted && types.accepts(a.type) && !visit(a)) return false;
    }
  return true;
}

std::size_t PatternMatcher::candidate_count(const RelPattern& pattern, NodeId from, bool forward,
                                            State& s) const {
  const PropertyGraph& g = s.ctx.graph;
  Direction d = walked_direction(pattern, forward);
  // The flat adjacency's sizes: out_degree() and in_degree() read Boost's vertex record.
  return (d != Direction::Incoming ? g.outgoing_adjacent(from).size() : 0) +
         (d != Direction::Outgoing ? g.incoming_adjacent(from).size() : 0);
}

bool PatternMatcher::expand(const Step& step, State& s) const {
  std::size_t next = static_cast<std::size_t>(&step - steps_.data()) + 1;
  const PatternPart& part = pattern_[step.part];
  const RelPattern& rel = part.rels[step.index];
  std::size_t from_index = step.forward ? step.index : step.index + 1;
  std::size_t to_index = step.forward ? step.index + 1 : step.index;
  std::size_t from_slot = node_slots_[step.part][from_index];
  std::size_t to_slot = node_slots_[step.part][to_index];
  std::size_t rel_slot = rel_slots_[step.part][step.index];
  NodeId from = s.values[from_slot].as_node().id;
  Env env = s.env(output_names_);
  auto rel_props = pattern_properties(rel.properties, env, s.ctx);
  auto node_props = pattern_properties(part.nodes[to_index].properties, env, s.ctx);
  const Map* rel_wanted = rel_props ? &*rel_props : nullptr;
  const Map* node_wanted = node_props ? &*node_props : nullptr;

  // Follows `a`, a relationship of `from`, to its other end.
  auto follow = [&](const Adjacent& a) {
    RelId r = a.rel;
    if (std::find(s.used.begin(), s.used.end(), r) != s.used.end()) return true;
    if (!rel_properties_fit(r, rel_wanted, s)) return true;
    bool was_bound = s.bound[rel_slot];
    s.used.push_back(r);
    if (!was_bound) {
      s.values[rel_slot] = Value(RelRef{r});
      s.bound[rel_slot] = 1;
    }
    bool go_on = (!rel_filters_[next - 1].empty() && !passes(rel_filters_[next - 1], s)) ||
                 bind_node_then(to_slot, part.nodes[to_index], a.other, node_wanted, next, s);
    if (!was_bound) {
      s.bound[rel_slot] = 0;
      s.values[rel_slot] = Value();
    }
    s.used.pop_back();
    return go_on;
  };
  if (s.bound[rel_slot]) {
    const Value& v = s.values[rel_slot];
    if (!v.is_relationship()) return true;
    RelId bound_rel = v.as_relationship().id;
    if (!s.ctx.graph.has_relationship(bound_rel)) return true;
    return for_each_candidate(step, from, step.forward, s,
                              [&](const Adjacent& a) { return a.rel != bound_rel || follow(a); });
  }
  // With both ends bound, walk the relationships of the end that has fewer.
  if (s.bound[to_slot] && s.values[to_slot].is_node()) {
    NodeId to = s.values[to_slot].as_node().id;
    if (to != from && s.ctx.graph.has_node(to) &&
        candidate_count(rel, to, !step.forward, s) < candidate_count(rel, from, step.forward, s))
      return for_each_candidate(step, to, !step.forward, s, [&](const Adjacent& a) {
        return a.other != from || follow(Adjacent{a.rel, to, a.type});  // seen from `from`
      });
  }
  return for_each_candidate(step, from, step.forward, s, follow);
}

bool PatternMatcher::expand_variable(const Step& step, State& s) const {
  std::size_t next = static_cast<std::size_t>(&step - steps_.data()) + 1;
  const PatternPart& part = pattern_[step.part];
  const RelPattern& rel = part.rels[step.index];
  std::size_t from_index = step.forward ? step.index : step.index + 1;
  std::size_t to_index = step.forward ? step.index + 1 : step.index;
  std::size_t to_slot = node_slots_[step.part][to_index];
  std::size_t rel_slot = rel_slots_[step.part][step.index];
  NodeId from = s.values[node_slots_[step.part][from_index]].as_node().id;
  Env env = s.env(output_names_);
  auto rel_props = pattern_properties(rel.properties, env, s.ctx);
  auto node_props = pattern_properties(part.nodes[to_index].properties, env, s.ctx);
  const Map* rel_wanted = rel_props ? &*rel_props : nullptr;
  const Map* node_wanted = node_props ? &*node_props : nullptr;
  std::int64_t min_hops = rel.min_hops.value_or(1);
  std::int64_t max_hops = rel.max_hops.value_or(std::numeric_limits<std::int64_t>::max());

  // A relationship list bound earlier must be followed exactly.
  const List* fixed = nullptr;
  if (s.bound[rel_slot]) {
    if (!s.values[rel_slot].is_list()) return true;
    fixed = &s.values[rel_slot].as_list();
  }

  std::vector<RelId> trail;
  std::size_t base_used = s.used.size();
  std::function<bool(NodeId, std::int64_t)> walk = [&](NodeId at, std::int64_t depth) -> bool {
    if ((++s.steps_taken & 0xFFF) == 0 && s.ctx.check_limits) s.ctx.check_limits();
    if (depth >= min_hops && (!fixed || trail.size() == fixed->size())) {
      bool was_bound = s.bound[rel_slot];
      if (!was_bound) {
        List rels;
        if (step.forward) {
          for (RelId r : trail) rels.push_back(Value(RelRef{r}));
        } else {
          for (auto it = trail.rbegin(); it != trail.rend(); ++it) rels.push_back(Value(RelRef{*it}));
        }
        s.values[rel_slot] = Value(std::move(rels));
        s.bound[rel_slot] = 1;
      }
      bool go_on = bind_node_then(to_slot, part.nodes[to_index], at, node_wanted, next, s);
      if (!was_bound) {
        s.bound[rel_slot] = 0;
        s.values[rel_slot] = Value();
      }
      if (!go_on) return false;
    }
    if (depth >= max_hops) return true;
    if (fixed && trail.size() >= fixed->size()) return true;
    return for_each_candidate(step, at, step.forward, s, [&](const Adjacent& a) {
      RelId r = a.rel;
      if (fixed) {
        // Followed backwards, the bound list is read from its end.
        std::size_t k = step.forward ? trail.size() : fixed->size() - 1 - trail.size();
        const Value& want = (*fixed)[k];
        if (!want.is_relationship() || want.as_relationship().id != r) return true;
      }
      if (std::find(s.used.begin(), s.used.end(), r) != s.used.end()) return true;
      if (!rel_properties_fit(r, rel_wanted, s)) return true;
      s.used.push_back(r);
      trail.push_back(r);
      bool go_on = walk(a.other, depth + 1);
      trail.pop_back();
      s.used.pop_back();
      return go_on;
    });
  };
  bool result = walk(from, 0);
  s.used.resize(base_used);
  return result;
}

bool PatternMatcher::shortest(const Step& step, State& s) const {
  std::size_t next = static_cast<std::size_t>(&step - steps_.data()) + 1;
  const PatternPart& part = pattern_[step.part];
  const RelPattern& rel = part.rels[0];
  std::size_t rel_slot = rel_slots_[step.part][0];
  NodeId from = s.values[node_slots_[step.part][0]].as_node().id;
  NodeId to = s.values[node_slots_[step.part][1]].as_node().id;
  Env env = s.env(output_names_);
  auto rel_props = pattern_properties(rel.properties, env, s.ctx);
  const Map* rel_wanted = rel_props ? &*rel_props : nullptr;
  std::int64_t min_hops = rel.variable_length ? rel.min_hops.value_or(1) : 1;
  std::int64_t max_hops =
      rel.variable_length ? rel.max_hops.value_or(std::numeric_limits<std::int64_t>::max()) : 1;
  bool all = part.kind == PatternPart::Kind::AllShortestPaths;

  auto emit_path = [&](const std::vector<RelId>& rels) {
    bool was_bound = s.bound[rel_slot];
    if (!was_bound) {
      if (rel.variable_length) {
        List l;
        for (RelId r : rels) l.push_back(Value(RelRef{r}));
        s.values[rel_slot] = Value(std::move(l));
      } else {
        s.values[rel_slot] = Value(RelRef{rels[0]});
      }
      s.bound[rel_slot] = 1;
    }
    bool go_on = run_step(next, s);
    if (!was_bound) {
      s.bound[rel_slot] = 0;
      s.values[rel_slot] = Value();
    }
    return go_on;
  };
  if (from == to) {
    if (min_hops == 0) return emit_path({});
    return true;
  }
  // Breadth-first search, remembering every predecessor at the previous level.
  std::map<NodeId, std::int64_t> level{{from, 0}};
  std::map<NodeId, std::vector<std::pair<RelId, NodeId>>> preds;
  std::vector<NodeId> frontier{from};
  std::int64_t depth = 0;
  bool found = false;
  // The search state is charged to the memory budget while it lives.
  struct Charged {
    MemoryBudget* budget;
    std::size_t bytes = 0;
    void add(std::size_t more) {
      if (!budget) return;
      budget->charge(more);
      bytes += more;
    }
    ~Charged() {
      if (budget) budget->release(bytes);
    }
  } charged{s.ctx.memory};
  while (!frontier.empty() && !found && depth < max_hops) {
    ++depth;
    std::vector<NodeId> next_frontier;
    for (NodeId n : frontier) {
      for_each_candidate(step, n, true, s, [&](const Adjacent& a) {
        RelId r = a.rel;
        if (!rel_properties_fit(r, rel_wanted, s)) return true;
        NodeId m = a.other;
        auto it = level.find(m);
        if (it == level.end()) {
          level[m] = depth;
          next_frontier.push_back(m);
          charged.add(96);  // a node of `level` and of `preds`, a frontier entry
        } else if (it->second != depth) {
          return true;
        }
        preds[m].push_back({r, n});
        charged.add(sizeof(std::pair<RelId, NodeId>));
        if (m == to) found = true;
        return true;
      });
    }
    frontier = std::move(next_frontier);
  }
  if (!found || depth < min_hops) return true;
  std::vector<RelId> rels;
  std::function<bool(NodeId)> unwind = [&](NodeId at) -> bool {
    if (at == from) {
      std::vector<RelId> forward(rels.rbegin(), rels.rend());
      return emit_path(forward);
    }
    for (const auto& [r, prev] : preds[at]) {
      rels.push_back(r);
      bool go_on = unwind(prev);
      rels.pop_back();
      if (!go_on) return false;
      if (!all) break;  // shortestPath: one path is enough
    }
    return true;
  };
  return unwind(to);
}

bool PatternMatcher::bind_path(const Step& step, State& s) const {
  std::size_t next = static_cast<std::size_t>(&step - steps_.data()) + 1;
  const PatternPart& part = pattern_[step.part];
  Path path;
  NodeId at = s.values[node_slots_[step.part][0]].as_node().id;
  path.nodes.push_back(at);
  for (std::size_t r = 0; r < part.rels.size(); ++r) {
    const Value& v = s.values[rel_slots_[step.part][r]];
    auto add = [&](RelId id) {
      path.rels.push_back(id);
      at = other_end(id, at, s);
      path.nodes.push_back(at);
    };
    if (v.is_list()) {
      for (const Value& e : v.as_list()) add(e.as_relationship().id);
    } else {
      add(v.as_relationship().id);
    }
  }
  std::size_t slot = path_slots_[step.part];
  s.values[slot] = Value(std::move(path));
  s.bound[slot] = 1;
  bool go_on = run_step(next, s);
  s.bound[slot] = 0;
  s.values[slot] = Value();
  return go_on;
}

}  // namespace kg::query
