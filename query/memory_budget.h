// The memory budget of one statement's intermediate results (issue #7).
//
// Whatever the executor keeps while a statement runs (result rows, ORDER BY
// buffers, aggregation groups, DISTINCT and UNION sets, collect() lists,
// shortest-path search state, rows held by updating clauses, lists built by
// range()) is charged here by its estimated size; past the limit the
// statement stops with a one-line TransientError instead of exhausting memory.
// Estimates count each value's own size and what it points to; a list shared
// by many rows is counted once per row, so the estimate errs on the high side.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "graph/value.h"

namespace kg::query {

class MemoryBudget {
 public:
  // `limit` in bytes; 0: no limit.
  explicit MemoryBudget(std::uint64_t limit) : limit_(limit) {}
  // Counts `bytes` more; throws QueryError (TransientError, MemoryLimit) past the limit.
  void charge(std::size_t bytes);
  // Gives back bytes charged earlier (a sort buffer dropped a row).
  void release(std::size_t bytes) { used_ -= bytes < used_ ? bytes : used_; }
  // Throws as charge() would, without counting: for a value about to be built
  // and soon dropped (range()).
  void require(std::size_t bytes) const;
  std::uint64_t used() const { return used_; }

 private:
  std::uint64_t limit_;
  std::uint64_t used_ = 0;
};

// The estimated bytes a value takes in a row: itself and what it points to.
std::size_t approximate_bytes(const Value& v);
// The estimated bytes of a row: its buffer and its values.
std::size_t approximate_bytes(const std::vector<Value>& row);

// The budget when none is given: a quarter of physical memory (4 GiB when
// that is unknown).
std::uint64_t default_memory_budget();

}  // namespace kg::query
