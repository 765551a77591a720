#include "query/memory_budget.h"

#include <unistd.h>

#include <string>

#include "query/engine.h"

namespace kg::query {

namespace {

std::string mebibytes(std::uint64_t bytes) {
  return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MiB";
}

// A heap block's bookkeeping besides its payload, as glibc's malloc keeps it.
constexpr std::size_t kBlockOverhead = 16;

}  // namespace

void MemoryBudget::charge(std::size_t bytes) {
  require(bytes);
  used_ += bytes;
}

void MemoryBudget::require(std::size_t bytes) const {
  if (limit_ > 0 && used_ + bytes > limit_)
    throw QueryError("TransientError", "MemoryLimit",
                     "the statement's intermediate results need more than " + mebibytes(limit_) +
                         " of memory (raise it with --max-memory)",
                     false);
}

std::size_t approximate_bytes(const Value& v) {
  std::size_t bytes = sizeof(Value);
  if (v.is_string()) {
    // Short strings live inside the Value (the small-string buffer).
    if (v.as_string().size() > 15) bytes += v.as_string().capacity() + 1 + kBlockOverhead;
  } else if (v.is_list()) {
    bytes += approximate_bytes(v.as_list()) + kBlockOverhead;  // the shared list's control block
  } else if (v.is_map()) {
    for (const auto& [key, value] : v.as_map())
      bytes += 32 + kBlockOverhead + sizeof(std::string) + approximate_bytes(value) +
               (key.size() > 15 ? key.capacity() + 1 : 0);  // a tree node per entry
  } else if (v.is_path()) {
    const Path& p = v.as_path();
    bytes += sizeof(Path) + 3 * kBlockOverhead + (p.nodes.capacity() + p.rels.capacity()) * sizeof(NodeId);
  } else if (v.is_temporal()) {
    bytes += sizeof(Temporal) + kBlockOverhead;
  }
  return bytes;
}

std::size_t approximate_bytes(const std::vector<Value>& row) {
  std::size_t bytes = sizeof(row) + kBlockOverhead + (row.capacity() - row.size()) * sizeof(Value);
  for (const Value& v : row) bytes += approximate_bytes(v);
  return bytes;
}

std::uint64_t default_memory_budget() {
  long pages = sysconf(_SC_PHYS_PAGES), page_size = sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page_size <= 0) return std::uint64_t{4} << 30;
  return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page_size) / 4;
}

}  // namespace kg::query
