// Text kept for the life of the merged graph: each article's strings are
// copied, one article after the other, into large blocks that never move, so
// that views of them stay valid. One allocation per block instead of one per
// article, and no room lost to rounding each article's size up to the
// allocator's size classes. Copies of an arena share the blocks written so
// far (the views into them stay valid while one copy lives), and each writes
// on into blocks of its own.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace kg::extract {

class TextArena {
 public:
  TextArena() = default;
  TextArena(const TextArena& other) : blocks_(other.blocks_), held_(other.held_) {}
  TextArena& operator=(const TextArena& other) {
    if (this != &other) *this = TextArena(other);
    return *this;
  }
  TextArena(TextArena&& other) noexcept { *this = std::move(other); }
  TextArena& operator=(TextArena&& other) noexcept {
    if (this == &other) return *this;
    blocks_ = std::move(other.blocks_);
    free_ = other.free_;
    room_ = other.room_;
    held_ = other.held_;
    // It writes nothing more into the blocks it gave away.
    other.blocks_.clear();
    other.free_ = nullptr;
    other.room_ = 0;
    other.held_ = 0;
    return *this;
  }

  // Copies `text` in; the copy stays where it is as long as this arena or
  // a copy of it lives.
  std::string_view add(std::string_view text) {
    if (text.size() > room_) new_block(text.size());
    char* copy = free_;
    if (!text.empty()) std::memcpy(copy, text.data(), text.size());
    free_ += text.size();
    room_ -= text.size();
    held_ += text.size();
    return {copy, text.size()};
  }

  // The bytes added so far.
  std::size_t size() const { return held_; }

 private:
  // Blocks grow with what is held, from 4 KiB (a graph of one article takes
  // little) to 1 MiB, or are as large as one text that needs more.
  void new_block(std::size_t at_least) {
    constexpr std::size_t kSmallest = 4096, kLargest = 1 << 20;
    std::size_t size = std::max(at_least, std::min(kLargest, std::max(kSmallest, held_)));
    // Not zeroed: every byte is written before it is read.
    blocks_.emplace_back(new char[size]);
    free_ = blocks_.back().get();
    room_ = size;
  }

  std::vector<std::shared_ptr<char[]>> blocks_;
  char* free_ = nullptr;  // in the last block, if this arena made it
  std::size_t room_ = 0;
  std::size_t held_ = 0;
};

}  // namespace kg::extract
