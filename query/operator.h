// The executor's building block: a streaming operator that receives rows one
// at a time (push) and passes its own rows on to the next operator.
//
// A pipeline is a chain Source -> clause operators -> Sink. Operators that
// need every row first (ORDER BY, aggregation, updating clauses, which must
// see the graph as the previous clause left it) hold rows until finish().
#pragma once

#include <chrono>
#include <vector>

#include "query/engine.h"
#include "query/evaluator.h"

namespace kg::query {

using Row = std::vector<Value>;

// What every operator of one statement shares.
struct ExecContext {
  EvalContext eval;
  const Limits& limits;
  Stats& stats;
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
  virtual void finish() { if (next_) next_->finish(); }
  void set_next(Operator* next) { next_ = next; }

 protected:
  Operator* next_ = nullptr;
};

}  // namespace kg::query
