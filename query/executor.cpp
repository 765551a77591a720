#include "query/executor.h"

#include <algorithm>
#include <memory>
#include <unordered_set>

#include "query/matcher.h"
#include "query/projection.h"
#include "query/updates.h"

namespace kg::query {

void ExecContext::check() const {
  if (limits.cancel && limits.cancel->load(std::memory_order_relaxed))
    throw QueryError("TransientError", "Cancelled", "the statement was cancelled", false);
  if (limits.timeout.count() > 0 && std::chrono::steady_clock::now() - started > limits.timeout)
    throw QueryError("TransientError", "Timeout",
                     "the statement ran longer than " + std::to_string(limits.timeout.count()) + " ms",
                     false);
}

ChangeCounter::ChangeCounter(const PropertyGraph& graph) : labels_before_(graph.all_labels()) {}

void ChangeCounter::touch_property(bool node, std::uint64_t id, const std::string& key,
                                   const PropertyGraph& graph) {
  auto k = std::make_tuple(node, id, key);
  if (touched_.count(k)) return;
  bool created = node ? created_nodes_.count(id) > 0 : created_rels_.count(id) > 0;
  bool existed =
      !created && (node ? graph.node_property(id, key) : graph.relationship_property(id, key)) != nullptr;
  touched_.emplace(k, existed);
}

void ChangeCounter::node_deleted(NodeId id, const PropertyGraph& graph) {
  for (const auto& [k, v] : graph.node_properties(id)) touch_property(true, id, k, graph);
  deleted_nodes_.insert(id);
}

void ChangeCounter::relationship_deleted(RelId id, const PropertyGraph& graph) {
  for (const auto& [k, v] : graph.relationship_properties(id)) touch_property(false, id, k, graph);
  deleted_rels_.insert(id);
}

Stats ChangeCounter::stats(const PropertyGraph& graph) const {
  Stats s;
  for (NodeId n : created_nodes_) s.nodes_created += deleted_nodes_.count(n) ? 0 : 1;
  for (NodeId n : deleted_nodes_) s.nodes_deleted += created_nodes_.count(n) ? 0 : 1;
  for (RelId r : created_rels_) s.relationships_created += deleted_rels_.count(r) ? 0 : 1;
  for (RelId r : deleted_rels_) s.relationships_deleted += created_rels_.count(r) ? 0 : 1;
  for (const auto& [k, existed] : touched_) {
    const auto& [node, id, key] = k;
    bool present = node ? graph.has_node(id) && graph.node_property(id, key)
                        : graph.has_relationship(id) && graph.relationship_property(id, key);
    s.properties_set += present ? 1 : 0;
    s.properties_removed += existed ? 1 : 0;
  }
  std::vector<std::string> after = graph.all_labels();
  for (const auto& l : after)
    s.labels_added += std::binary_search(labels_before_.begin(), labels_before_.end(), l) ? 0 : 1;
  for (const auto& l : labels_before_)
    s.labels_removed += std::binary_search(after.begin(), after.end(), l) ? 0 : 1;
  return s;
}

namespace {

// MATCH and OPTIONAL MATCH.
class MatchOp : public Operator {
 public:
  MatchOp(const MatchClause& clause, std::vector<std::string> input_names, ExecContext& ctx)
      : clause_(clause),
        matcher_(clause.pattern, std::move(input_names), ctx.eval.graph, clause.where.get()),
        ctx_(ctx) {}
  const std::vector<std::string>& output_names() const { return matcher_.output_names(); }

  bool push(Row& row) override {
    bool matched = false, go_on = true;
    matcher_.run(row.data(), ctx_.eval, [&](Row& match) {
      ctx_.check();
      matched = true;
      go_on = next_->push(match);
      return go_on;
    });
    if (!matched && clause_.optional) {
      row.resize(output_names().size());  // the new variables are null
      return next_->push(row);
    }
    return go_on;
  }

 private:
  const MatchClause& clause_;
  PatternMatcher matcher_;
  ExecContext& ctx_;
};

class UnwindOp : public Operator {
 public:
  UnwindOp(const UnwindClause& clause, std::vector<std::string> names, ExecContext& ctx)
      : clause_(clause), names_(std::move(names)), ctx_(ctx) {}

  bool push(Row& row) override {
    Env env{&names_, row.data(), nullptr};
    Value list = evaluate(*clause_.list, env, ctx_.eval);
    if (list.is_null()) return true;
    auto emit = [&](const Value& v) {
      Row out = row;
      out.push_back(v);
      return next_->push(out);
    };
    if (!list.is_list()) return emit(list);
    for (const Value& v : list.as_list()) {
      ctx_.check();
      if (!emit(v)) return false;
    }
    return true;
  }

 private:
  const UnwindClause& clause_;
  std::vector<std::string> names_;
  ExecContext& ctx_;
};

// WITH ... WHERE.
class FilterOp : public Operator {
 public:
  FilterOp(const Expr& where, std::vector<std::string> names, ExecContext& ctx)
      : where_(where), names_(std::move(names)), ctx_(ctx) {}

  bool push(Row& row) override {
    Env env{&names_, row.data(), nullptr};
    if (!truth(evaluate(where_, env, ctx_.eval)).value_or(false)) return true;
    return next_->push(row);
  }

 private:
  const Expr& where_;
  std::vector<std::string> names_;
  ExecContext& ctx_;
};

// Drops the first columns of each row.
class DropColumnsOp : public Operator {
 public:
  explicit DropColumnsOp(std::size_t count) : count_(count) {}
  bool push(Row& row) override {
    row.erase(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(count_));
    return next_->push(row);
  }

 private:
  std::size_t count_;
};

// The end of a query part: keeps RETURN's rows (de-duplicated for UNION).
class ResultSink : public Operator {
 public:
  // `seen`, when not null, de-duplicates rows across all parts of a UNION.
  ResultSink(Result& result, std::unordered_set<Row, RowHash, RowEquivalent>* seen, ExecContext& ctx)
      : result_(result), seen_(seen), ctx_(ctx) {}

  bool push(Row& row) override {
    std::size_t bytes = approximate_bytes(row);
    if (seen_) {
      if (!seen_->insert(row).second) return true;
      ctx_.memory.charge(bytes);
    }
    ctx_.memory.charge(bytes);
    if (ctx_.limits.max_rows > 0 && result_.rows.size() >= ctx_.limits.max_rows)
      throw QueryError("TransientError", "RowLimit",
                       "the result has more than " + std::to_string(ctx_.limits.max_rows) + " rows", false);
    result_.rows.push_back(std::move(row));
    return true;
  }
  void finish() override {}

 private:
  Result& result_;
  std::unordered_set<Row, RowHash, RowEquivalent>* seen_;
  ExecContext& ctx_;
};

// The end of a query part without RETURN.
class DiscardSink : public Operator {
 public:
  bool push(Row&) override { return true; }
  void finish() override {}
};

// Builds and runs the pipeline of one query part.
// Stops at the first row (EXISTS subqueries).
class FirstRowSink : public Operator {
 public:
  bool push(Row&) override {
    found = true;
    return false;
  }
  void finish() override {}
  bool found = false;
};

// Builds the pipeline of one query part, starting from one row (`names`,
// `start`), ending in `sink` (a ResultSink when null and the part returns rows).
void run_single(const SingleQuery& q, ExecContext& ctx, Result& result,
                std::unordered_set<Row, RowHash, RowEquivalent>* union_seen,
                std::vector<std::string> names = {}, Row start = {}, Operator* sink = nullptr) {
  std::vector<std::unique_ptr<Operator>> ops;
  auto add = [&](std::unique_ptr<Operator> op) {
    if (!ops.empty()) ops.back()->set_next(op.get());
    ops.push_back(std::move(op));
  };
  // The head of the pipeline passes rows on unchanged.
  class Pass : public Operator {
   public:
    bool push(Row& row) override { return next_->push(row); }
  };
  add(std::make_unique<Pass>());
  bool returns = false;
  for (const Clause& clause : q.clauses) {
    if (auto* m = std::get_if<MatchClause>(&clause)) {
      auto op = std::make_unique<MatchOp>(*m, names, ctx);
      names = op->output_names();
      add(std::move(op));
    } else if (auto* u = std::get_if<UnwindClause>(&clause)) {
      add(std::make_unique<UnwindOp>(*u, names, ctx));
      names.push_back(u->variable);
    } else if (auto* w = std::get_if<WithClause>(&clause)) {
      // WITH ... WHERE also sees the variables before WITH: they are carried
      // through the filter, then dropped.
      std::size_t carried = w->where ? names.size() : 0;
      auto op = std::make_unique<ProjectionOp>(w->projection, names, ctx, w->where != nullptr);
      names = op->output_names();
      add(std::move(op));
      if (w->where) {
        add(std::make_unique<FilterOp>(*w->where, names, ctx));
        add(std::make_unique<DropColumnsOp>(carried));
        names.erase(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(carried));
      }
    } else if (auto* r = std::get_if<ReturnClause>(&clause)) {
      auto op = std::make_unique<ProjectionOp>(r->projection, names, ctx);
      names = op->output_names();
      add(std::move(op));
      returns = true;
    } else if (auto* c = std::get_if<CreateClause>(&clause)) {
      auto op = std::make_unique<CreateOp>(c->pattern, names, ctx);
      names = op->output_names();
      add(std::move(op));
    } else if (auto* mg = std::get_if<MergeClause>(&clause)) {
      auto op = std::make_unique<MergeOp>(*mg, names, ctx);
      names = op->output_names();
      add(std::move(op));
    } else if (auto* s = std::get_if<SetClause>(&clause)) {
      add(std::make_unique<SetOp>(s->items, false, names, ctx));
    } else if (auto* rm = std::get_if<RemoveClause>(&clause)) {
      add(std::make_unique<SetOp>(rm->items, true, names, ctx));
    } else if (auto* d = std::get_if<DeleteClause>(&clause)) {
      add(std::make_unique<DeleteOp>(*d, names, ctx));
    } else if (auto* call = std::get_if<CallClause>(&clause)) {
      throw QueryError("ProcedureError", "ProcedureNotFound", "there is no procedure " + call->procedure,
                       true);
    }
  }
  if (sink) {
    ops.back()->set_next(sink);
  } else if (returns) {
    if (result.columns.empty()) result.columns = names;
    result.returns_rows = true;
    add(std::make_unique<ResultSink>(result, union_seen, ctx));
  } else {
    add(std::make_unique<DiscardSink>());
  }
  ops.front()->push(start);
  ops.front()->finish();
}

}  // namespace

void execute(const Query& query, ExecContext& ctx, Result& result) {
  bool distinct = std::find(query.union_all.begin(), query.union_all.end(), false) != query.union_all.end();
  std::unordered_set<Row, RowHash, RowEquivalent> seen;
  for (const SingleQuery& part : query.parts) run_single(part, ctx, result, distinct ? &seen : nullptr);
  result.stats = ctx.changes.stats(ctx.eval.graph);
}

bool subquery_has_rows(const SingleQuery& query, const std::vector<std::string>& names,
                       const std::vector<Value>& values, EvalContext& eval) {
  Limits no_limits;
  ExecContext ctx{EvalContext{eval.graph, eval.parameters}, no_limits, ChangeCounter(eval.graph)};
  Result ignored;
  FirstRowSink sink;
  run_single(query, ctx, ignored, nullptr, names, values, &sink);
  return sink.found;
}

}  // namespace kg::query
