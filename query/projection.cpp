#include "query/projection.h"

#include <algorithm>

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

bool ProjectionOp::push(Row& row) {
  Env env{&input_names_, row.data(), nullptr};
  if (aggregating_) {
    keys_.clear();
    for (std::size_t i : key_items_) keys_.push_back(evaluate(*items_[i], env, ctx_.eval));
    AggregateState* states = group_states(row);
    for (std::size_t a = 0; a < aggregates_.size(); ++a) {
      args_.clear();
      for (const auto& arg : aggregates_[a]->args) args_.push_back(evaluate(*arg, env, ctx_.eval));
      if (std::size_t kept = aggregate_functions_[a].add(states[a], args_)) ctx_.memory.charge(kept);
    }
    return true;
  }
  Row out;
  out.reserve(items_.size());
  for (const auto& item : items_) out.push_back(evaluate(*item, env, ctx_.eval));
  return emit(std::move(out), env, row);
}

void ProjectionOp::emit_groups() {
  // Aggregating no rows without grouping keys still gives one row (count(*) = 0).
  if (groups_.size() == 0 && key_items_.empty()) group_states(Row(input_names_.size()));
  Row input(input_names_.size()), results(aggregates_.size());
  Env input_env{&input_names_, input.data(), nullptr};
  Env env{&aggregate_names_, results.data(), &input_env};
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    const AggregateState* states = states_.data() + g * aggregates_.size();
    for (std::size_t a = 0; a < aggregates_.size(); ++a) results[a] = aggregate_functions_[a].result(states[a]);
    for (std::size_t k = 0; k < kept_columns_.size(); ++k)
      input[kept_columns_[k]] = std::move(kept_values_[g * kept_columns_.size() + k]);
    Value* keys = groups_.keys(g);
    Row out;
    out.reserve(items_.size());
    for (std::size_t i = 0, key = 0; i < items_.size(); ++i) {
      if (key < key_items_.size() && key_items_[key] == i)
        out.push_back(std::move(keys[key++]));
      else
        out.push_back(evaluate(*items_[i], env, ctx_.eval));
    }
    if (!emit(std::move(out), env, input)) break;
  }
}

bool ProjectionOp::emit(Row out, const Env& sort_env, const Row& input) {
  if (distinct_) {
    if (!seen_.insert(out).second) return true;
    ctx_.memory.charge(approximate_bytes(out) + 32);  // a hash node
  }
  if (carry_input_) out.insert(out.begin(), input.begin(), input.end());
  if (order_by_.empty()) return forward(out);
  Env env{&output_names_, out.data(), &sort_env};
  Row keys;
  for (const auto& s : order_by_) keys.push_back(evaluate(*s.expr, env, ctx_.eval));
  std::size_t bytes = approximate_bytes(keys) + approximate_bytes(out) + sizeof(Sorted);
  ctx_.memory.charge(bytes);
  sorted_.push_back({std::move(keys), std::move(out), arrivals_++, bytes});
  if (limit_ >= 0) {
    // Top-k: keep only the best SKIP + LIMIT rows, dropping the worst.
    auto before = [this](const Sorted& a, const Sorted& b) { return sorts_before(a, b); };
    std::push_heap(sorted_.begin(), sorted_.end(), before);
    if (sorted_.size() > static_cast<std::size_t>(skip_) + static_cast<std::size_t>(limit_)) {
      std::pop_heap(sorted_.begin(), sorted_.end(), before);
      ctx_.memory.release(sorted_.back().bytes);
      sorted_.pop_back();
    }
  }
  return true;
}

bool ProjectionOp::sorts_before(const Sorted& a, const Sorted& b) const {
  for (std::size_t i = 0; i < order_by_.size(); ++i) {
    int c = order_compare(a.keys[i], b.keys[i]);
    if (c != 0) return order_by_[i].ascending ? c < 0 : c > 0;
  }
  return a.arrival < b.arrival;
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
  if (aggregating_) emit_groups();
  if (!order_by_.empty()) {
    // With a LIMIT, sorted_ holds only the rows wanted (see emit()).
    std::sort(sorted_.begin(), sorted_.end(),
              [this](const Sorted& a, const Sorted& b) { return sorts_before(a, b); });
    for (auto& s : sorted_)
      if (!forward(s.row)) break;
  }
  next_->finish();
}

}  // namespace kg::query
