// The executor's building block: a streaming operator that receives rows one
// at a time (push) and passes its own rows on to the next operator.
//
// A pipeline is a chain Source -> clause operators -> Sink. Operators that
// need every row first (ORDER BY, aggregation, updating clauses, which must
// see the graph as the previous clause left it) hold rows until finish().
#pragma once

#include <chrono>
#include <map>
#include <set>
#include <tuple>
#include <vector>

#include "query/engine.h"
#include "query/evaluator.h"

namespace kg::query {

using Row = std::vector<Value>;

// Hashing and equivalence of whole rows, for DISTINCT, grouping and UNION.
struct RowHash {
  std::size_t operator()(const Row& r) const {
    std::size_t h = r.size();
    for (const auto& v : r) h = h * 31 + hash_value(v);
    return h;
  }
};
struct RowEquivalent {
  bool operator()(const Row& a, const Row& b) const {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!equivalent(a[i], b[i])) return false;
    return true;
  }
};

// Counts what a statement changes, as the TCK's side-effects tables count it:
// the net difference between the graph before and after the statement.
class ChangeCounter {
 public:
  explicit ChangeCounter(const PropertyGraph& graph);
  // Call before a property of a node (or relationship) is set, removed or deleted.
  void touch_property(bool node, std::uint64_t id, const std::string& key, const PropertyGraph& graph);
  void node_created(NodeId id) { created_nodes_.insert(id); }
  void relationship_created(RelId id) { created_rels_.insert(id); }
  // Call before deleting.
  void node_deleted(NodeId id, const PropertyGraph& graph);
  void relationship_deleted(RelId id, const PropertyGraph& graph);
  // The statistics of the statement so far.
  Stats stats(const PropertyGraph& graph) const;

 private:
  std::vector<std::string> labels_before_;
  std::map<std::tuple<bool, std::uint64_t, std::string>, bool> touched_;  // -> existed before
  std::set<NodeId> created_nodes_, deleted_nodes_;
  std::set<RelId> created_rels_, deleted_rels_;
};

// What every operator of one statement shares.
struct ExecContext {
  EvalContext eval;
  const Limits& limits;
  ChangeCounter changes;
  MemoryBudget memory{limits.max_memory};
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();

  // Throws when the statement was cancelled or ran past its time limit.
  void check() const;
};

class Operator {
 public:
  virtual ~Operator() = default;
  // Receives one row (which it may move from); returns false when no more rows are wanted.
  virtual bool push(Row& row) = 0;
  // No more rows will come.
  virtual void finish() {
    if (next_) next_->finish();
  }
  void set_next(Operator* next) { next_ = next; }

 protected:
  Operator* next_ = nullptr;
};

}  // namespace kg::query
