#include "query/projection.h"

#include <algorithm>
#include <stdexcept>

#include "query/used_variables.h"

namespace kg::query {
ProjectionOp::ProjectionOp(const Projection& p, std::vector<std::string> input_names, ExecContext& ctx,
                           bool carry_input)
    : ctx_(ctx), input_names_(std::move(input_names)), distinct_(p.distinct), carry_input_(carry_input) {
  if (carry_input_) output_names_ = input_names_;
  for (const auto& item : p.items) {
    output_names_.push_back(item.alias);
    items_.push_back(extract_aggregates(item.expr, aggregates_));
  }
  for (std::size_t i = 0; i < p.items.size(); ++i)
    if (!contains_aggregate(*p.items[i].expr)) key_items_.push_back(i);
  for (const auto& s : p.order_by) {
    SortItem sorted = s;
    sorted.expr = extract_aggregates(s.expr, aggregates_);
    order_by_.push_back(sorted);
  }
  aggregating_ = !aggregates_.empty();
  for (std::size_t i = 0; i < aggregates_.size(); ++i) {
    aggregate_names_.push_back(aggregate_variable(i));
    aggregate_functions_.emplace_back(*aggregates_[i]);
  }
  if (aggregating_) {
    groups_ = GroupTable(key_items_.size());
    keep_input_columns();
    by_entity_ = keys_read_one_entity();
  }
  skip_ = p.skip ? count_argument(p.skip, "SKIP") : 0;
  limit_ = p.limit ? count_argument(p.limit, "LIMIT") : -1;
}

std::int64_t ProjectionOp::count_argument(const ExprPtr& e, const char* clause) {
  Env empty;
  Value v = evaluate(*e, empty, ctx_.eval);
  if (!v.is_int())
    throw QueryError(
        "SyntaxError", "InvalidArgumentType",
        std::string(clause) + " expects a non-negative integer, got " + std::string(v.type_name()),
        e->kind == ExprKind::Literal);
  if (v.as_int() < 0)
    throw QueryError("SyntaxError", "NegativeIntegerArgument",
                     std::string(clause) + " expects a non-negative integer", e->kind == ExprKind::Literal);
  return v.as_int();
}

void ProjectionOp::keep_input_columns() {
  // Key items are answered from the group's keys; the other items (around
  // their aggregates) and ORDER BY may read input variables, and WITH ... WHERE
  // carries the whole input row.
  std::vector<std::string> used;
  bool all = carry_input_;
  for (std::size_t i = 0; i < items_.size() && !all; ++i)
    if (std::find(key_items_.begin(), key_items_.end(), i) == key_items_.end())
      all = !used_variables(*items_[i], used);
  for (const auto& s : order_by_)
    if (!all) all = !used_variables(*s.expr, used);
  for (std::size_t c = 0; c < input_names_.size(); ++c)
    if (all || std::find(used.begin(), used.end(), input_names_[c]) != used.end()) kept_columns_.push_back(c);
}

AggregateState* ProjectionOp::group_states(const Row& input) {
  std::size_t key_bytes = approximate_bytes(keys_);
  bool added = false;
  std::size_t group = groups_.find_or_add(keys_, added);
  if (added) {
    std::size_t bytes = key_bytes + sizeof(std::uint32_t) + sizeof(std::size_t) +
                        aggregates_.size() * sizeof(AggregateState);
    for (std::size_t c : kept_columns_) {
      bytes += approximate_bytes(input[c]);
      kept_values_.push_back(input[c]);
    }
    ctx_.memory.charge(bytes);
    states_.resize(states_.size() + aggregates_.size());
  }
  return states_.data() + group * aggregates_.size();
}

bool ProjectionOp::keys_read_one_entity() {
  if (key_items_.empty()) return false;
  for (const Aggregate& a : aggregate_functions_)
    if (!a.plain_count()) return false;
  std::string variable;
  bool reads_property = false;
  for (std::size_t i : key_items_) {
    const Expr* e = items_[i].get();
    for (; e->kind == ExprKind::Property; e = e->args[0].get()) reads_property = true;
    if (e->kind != ExprKind::Variable || (!variable.empty() && e->name != variable)) return false;
    variable = e->name;
  }
  auto it = std::find(input_names_.begin(), input_names_.end(), variable);
  if (!reads_property || it == input_names_.end()) return false;
  entity_column_ = static_cast<std::size_t>(it - input_names_.begin());
  return true;
}

void ProjectionOp::add_to(AggregateState* states, const Env& env) {
  for (std::size_t a = 0; a < aggregates_.size(); ++a) {
    args_.clear();
    for (const auto& arg : aggregates_[a]->args) args_.push_back(evaluate(*arg, env, ctx_.eval));
    if (std::size_t kept = aggregate_functions_[a].add(states[a], args_)) ctx_.memory.charge(kept);
  }
}

void ProjectionOp::flush_entity_groups() {
  by_entity_ = false;
  Row input(input_names_.size());
  Env env{&input_names_, input.data(), nullptr};
  std::size_t kept = kept_columns_.size(), count = aggregates_.size();
  for (std::size_t e = 0; e < entities_.size(); ++e) {
    input[entity_column_] = entities_[e];
    for (std::size_t k = 0; k < kept; ++k) input[kept_columns_[k]] = entity_kept_values_[e * kept + k];
    keys_.clear();
    for (std::size_t i : key_items_) keys_.push_back(evaluate(*items_[i], env, ctx_.eval));
    AggregateState* states = group_states(input);
    for (std::size_t a = 0; a < count; ++a)
      aggregate_functions_[a].add_count(states[a], entity_counts_[e * count + a]);
  }
  node_entity_group_ = {};
  rel_entity_group_ = {};
  entities_ = {};
  entity_counts_ = {};
  entity_kept_values_.clear();
}

std::size_t ProjectionOp::entity_group(const Row& row) {
  const Value& entity = row[entity_column_];
  bool node = entity.is_node();
  std::uint64_t id = node ? entity.as_node().id : entity.as_relationship().id;
  std::vector<std::uint32_t>& index = node ? node_entity_group_ : rel_entity_group_;
  if (id >= index.size()) {
    std::size_t size = std::max<std::size_t>(id + 1, 2 * index.size());
    ctx_.memory.charge((size - index.size()) * sizeof(std::uint32_t));
    index.resize(size, 0);
  }
  if (index[id] != 0) return index[id] - 1;
  if (entities_.size() >= UINT32_MAX) throw std::length_error("too many groups");
  index[id] = static_cast<std::uint32_t>(entities_.size() + 1);
  entities_.push_back(entity);
  std::size_t bytes = sizeof(Value) + aggregates_.size() * sizeof(std::int64_t);
  for (std::size_t c : kept_columns_) {
    bytes += approximate_bytes(row[c]);
    entity_kept_values_.push_back(row[c]);
  }
  ctx_.memory.charge(bytes);
  entity_counts_.resize(entity_counts_.size() + aggregates_.size());
  return entities_.size() - 1;
}

bool ProjectionOp::push(Row& row) {
  Env env{&input_names_, row.data(), nullptr};
  if (by_entity_) {
    const Value& entity = row[entity_column_];
    // Only nodes and relationships: equivalent values of other kinds (two
    // datetimes at the same instant) may differ in their properties.
    if (entity.is_node() || entity.is_relationship()) {
      std::int64_t* counts = &entity_counts_[entity_group(row) * aggregates_.size()];
      for (std::size_t a = 0; a < aggregates_.size(); ++a) {
        args_.clear();
        for (const auto& arg : aggregates_[a]->args) args_.push_back(evaluate(*arg, env, ctx_.eval));
        counts[a] += aggregate_functions_[a].counts(args_) ? 1 : 0;
      }
      return true;
    }
    flush_entity_groups();
  }
  if (aggregating_) {
    keys_.clear();
    for (std::size_t i : key_items_) keys_.push_back(evaluate(*items_[i], env, ctx_.eval));
    add_to(group_states(row), env);
    return true;
  }
  Row out;
  out.reserve(items_.size());
  for (const auto& item : items_) out.push_back(evaluate(*item, env, ctx_.eval));
  return emit(out, env, row);
}

void ProjectionOp::emit_groups() {
  // Aggregating no rows without grouping keys still gives one row (count(*) = 0).
  if (groups_.size() == 0 && key_items_.empty()) group_states(Row(input_names_.size()));
  Row input(input_names_.size()), results(aggregates_.size()), out;
  Env input_env{&input_names_, input.data(), nullptr};
  Env env{&aggregate_names_, results.data(), &input_env};
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    const AggregateState* states = states_.data() + g * aggregates_.size();
    for (std::size_t a = 0; a < aggregates_.size(); ++a)
      results[a] = aggregate_functions_[a].result(states[a]);
    for (std::size_t k = 0; k < kept_columns_.size(); ++k)
      input[kept_columns_[k]] = std::move(kept_values_[g * kept_columns_.size() + k]);
    Value* keys = groups_.keys(g);
    out.clear();  // emit() moved it away, or left it for reuse
    out.reserve(items_.size());
    for (std::size_t i = 0, key = 0; i < items_.size(); ++i) {
      if (key < key_items_.size() && key_items_[key] == i)
        out.push_back(std::move(keys[key++]));
      else
        out.push_back(evaluate(*items_[i], env, ctx_.eval));
    }
    if (!emit(out, env, input)) break;
  }
}

bool ProjectionOp::emit(Row& out, const Env& sort_env, const Row& input) {
  if (distinct_) {
    if (!seen_.insert(out).second) return true;
    ctx_.memory.charge(approximate_bytes(out) + 32);  // a hash node
  }
  if (carry_input_) out.insert(out.begin(), input.begin(), input.end());
  if (order_by_.empty()) return forward(out);
  Env env{&output_names_, out.data(), &sort_env};
  sort_keys_.clear();
  for (const auto& s : order_by_) sort_keys_.push_back(evaluate(*s.expr, env, ctx_.eval));
  std::size_t arrival = arrivals_++;
  auto before = [this](const Sorted& a, const Sorted& b) {
    return sorts_before(a.keys, a.arrival, b.keys, b.arrival);
  };
  if (limit_ >= 0) {
    // Top-k: keep only the best SKIP + LIMIT rows. When that many are kept
    // already, a row that does not beat the worst of them (on top of the
    // heap) is dropped before it is copied anywhere.
    std::size_t wanted = static_cast<std::size_t>(skip_) + static_cast<std::size_t>(limit_);
    if (sorted_.size() >= wanted) {
      if (wanted == 0 || !sorts_before(sort_keys_, arrival, sorted_.front().keys, sorted_.front().arrival))
        return true;
      std::pop_heap(sorted_.begin(), sorted_.end(), before);
      ctx_.memory.release(sorted_.back().bytes);
      sorted_.pop_back();
    }
  }
  std::size_t bytes = approximate_bytes(sort_keys_) + approximate_bytes(out) + sizeof(Sorted);
  ctx_.memory.charge(bytes);
  sorted_.push_back({std::move(sort_keys_), std::move(out), arrival, bytes});
  if (limit_ >= 0) std::push_heap(sorted_.begin(), sorted_.end(), before);
  return true;
}

bool ProjectionOp::sorts_before(const Row& a_keys, std::size_t a_arrival, const Row& b_keys,
                                std::size_t b_arrival) const {
  for (std::size_t i = 0; i < order_by_.size(); ++i) {
    int c = order_compare(a_keys[i], b_keys[i]);
    if (c != 0) return order_by_[i].ascending ? c < 0 : c > 0;
  }
  return a_arrival < b_arrival;
}

bool ProjectionOp::forward(Row& out) {
  if (limit_ >= 0 && passed_ >= limit_) return false;
  if (skipped_ < skip_) {
    ++skipped_;
    return true;
  }
  ++passed_;
  if (!next_->push(out)) return false;
  return limit_ < 0 || passed_ < limit_;
}

void ProjectionOp::finish() {
  if (by_entity_) flush_entity_groups();
  if (aggregating_) emit_groups();
  if (!order_by_.empty()) {
    // With a LIMIT, sorted_ holds only the rows wanted (see emit()).
    std::sort(sorted_.begin(), sorted_.end(),
              [this](const Sorted& a, const Sorted& b) {
                return sorts_before(a.keys, a.arrival, b.keys, b.arrival);
              });
    for (auto& s : sorted_)
      if (!forward(s.row)) break;
  }
  next_->finish();
}

}  // namespace kg::query
