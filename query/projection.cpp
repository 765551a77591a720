#include "query/projection.h"

#include <algorithm>

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
  for (std::size_t i = 0; i < aggregates_.size(); ++i) aggregate_names_.push_back(aggregate_variable(i));
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

ProjectionOp::Group& ProjectionOp::group_for(const Row& keys, const Row& input) {
  auto [it, inserted] = group_index_.try_emplace(keys, groups_.size());
  if (inserted) {
    // The key in the index, the group's first row and its aggregators.
    ctx_.memory.charge(approximate_bytes(keys) + approximate_bytes(input) + sizeof(Group) + 32 +
                       aggregates_.size() * 96);
    Group g;
    g.first_row = input;
    for (const auto& call : aggregates_) g.aggregators.push_back(make_aggregator(*call));
    groups_.push_back(std::move(g));
  }
  return groups_[it->second];
}

bool ProjectionOp::push(Row& row) {
  Env env{&input_names_, row.data(), nullptr};
  if (aggregating_) {
    keys_.clear();
    for (std::size_t i : key_items_) keys_.push_back(evaluate(*items_[i], env, ctx_.eval));
    Group& g = group_for(keys_, row);
    for (std::size_t a = 0; a < aggregates_.size(); ++a) {
      args_.clear();
      for (const auto& arg : aggregates_[a]->args) args_.push_back(evaluate(*arg, env, ctx_.eval));
      if (std::size_t kept = g.aggregators[a]->add(args_)) ctx_.memory.charge(kept);
    }
    return true;
  }
  Row out;
  out.reserve(items_.size());
  for (const auto& item : items_) out.push_back(evaluate(*item, env, ctx_.eval));
  return emit(std::move(out), env, row);
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
  if (aggregating_) {
    // Aggregating no rows without grouping keys still gives one row (count(*) = 0).
    if (groups_.empty() && key_items_.empty()) group_for({}, Row(input_names_.size()));
    for (auto& g : groups_) {
      Row results;
      for (const auto& a : g.aggregators) results.push_back(a->result());
      Env input_env{&input_names_, g.first_row.data(), nullptr};
      Env env{&aggregate_names_, results.data(), &input_env};
      Row out;
      for (const auto& item : items_) out.push_back(evaluate(*item, env, ctx_.eval));
      if (!emit(std::move(out), env, g.first_row)) break;
    }
  }
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
