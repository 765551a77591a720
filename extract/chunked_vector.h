// A vector that never moves its elements: they are kept in chunks of a fixed
// number of elements, and a new chunk is added when the last one is full.
// Growing it costs no copy of the elements and touches each page of memory
// once, where a std::vector of the merge's millions of nodes and
// relationships moved every element and faulted fresh pages at each doubling.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace kg::extract {

template <class T, std::size_t kChunk = 4096>
class ChunkedVector {
 public:
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  T& operator[](std::size_t i) { return chunks_[i / kChunk][i % kChunk]; }
  const T& operator[](std::size_t i) const { return chunks_[i / kChunk][i % kChunk]; }

  // Appends a T made from `args`; references to the other elements stay valid.
  template <class... Args>
  T& emplace_back(Args&&... args) {
    if (size_ % kChunk == 0) {
      chunks_.emplace_back();
      chunks_.back().reserve(kChunk);
    }
    ++size_;
    return chunks_.back().emplace_back(std::forward<Args>(args)...);
  }

 private:
  std::vector<std::vector<T>> chunks_;  // all full but the last, each reserved at kChunk
  std::size_t size_ = 0;
};

}  // namespace kg::extract
