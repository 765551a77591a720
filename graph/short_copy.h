// Copying a few bytes without a call to memcpy. Keys, punctuation, escaped
// names and most words are a few bytes long, and copied so often (forty
// pieces per node-link node, two strings per token) that the call would
// cost more than the copy.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace kg {

// Copies `size` bytes from `from` to `to` (the ranges must not overlap).
// Up to 16 bytes are copied with two loads and two stores that may overlap,
// never reading or writing outside the ranges; more, with memcpy.
[[gnu::always_inline]] inline void copy_short(const char* from, std::size_t size, char* to) noexcept {
  if (size > 16) {
    std::memcpy(to, from, size);
  } else if (size >= 8) {
    std::uint64_t head, tail;
    std::memcpy(&head, from, 8);
    std::memcpy(&tail, from + size - 8, 8);
    std::memcpy(to, &head, 8);
    std::memcpy(to + size - 8, &tail, 8);
  } else if (size >= 4) {
    std::uint32_t head, tail;
    std::memcpy(&head, from, 4);
    std::memcpy(&tail, from + size - 4, 4);
    std::memcpy(to, &head, 4);
    std::memcpy(to + size - 4, &tail, 4);
  } else if (size > 0) {
    to[0] = from[0];
    to[size / 2] = from[size / 2];
    to[size - 1] = from[size - 1];
  }
}

}  // namespace kg
