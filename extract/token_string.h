// The text or the key of a token: a string of its own, like std::string, but
// one of up to 16 bytes (most words) is kept inside it and copied without a
// call to memcpy, so that an article's tokens are made and moved cheaply. It
// reads as a std::string_view and converts to std::string where one is kept.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <string>
#include <string_view>

#include "graph/short_copy.h"

namespace kg::extract {

class TokenString {
 public:
  TokenString() noexcept {}  // NOLINT(modernize-use-equals-default): the bytes are not zero-filled
  explicit TokenString(std::string_view text) { init(text); }
  TokenString(const TokenString& other) { init(other.view()); }
  TokenString(TokenString&& other) noexcept { steal(other); }
  TokenString& operator=(const TokenString& other) {
    if (this != &other) assign(other.view());
    return *this;
  }
  TokenString& operator=(TokenString&& other) noexcept {
    if (this != &other) {
      release();
      steal(other);
    }
    return *this;
  }
  ~TokenString() { release(); }

  // Replaces the bytes with `text`, which may lie in this string.
  void assign(std::string_view text) { *this = TokenString(text); }

  // Replaces the bytes with the `size` bytes at `bytes`, outside this string,
  // of which 16 may be read even past the `size`: a string of up to 16 bytes
  // is then copied with one fixed move of 16 bytes, without a test of its size.
  void assign_padded(const char* bytes, std::size_t size) {
    if (size > kInline) {
      assign(std::string_view(bytes, size));
      return;
    }
    release();
    size_ = size;
    std::memcpy(inline_, bytes, kInline);
  }

  const char* data() const noexcept { return size_ <= kInline ? inline_ : heap_; }
  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  char operator[](std::size_t i) const noexcept { return data()[i]; }
  std::string_view view() const noexcept { return {data(), size_}; }
  operator std::string_view() const noexcept { return view(); }  // NOLINT(google-explicit-constructor)
  operator std::string() const { return std::string(view()); }   // NOLINT(google-explicit-constructor)
  // As std::string::compare: bytes [pos, pos + count) against `other`.
  int compare(std::size_t pos, std::size_t count, std::string_view other) const {
    return view().compare(pos, count, other);
  }

  friend bool operator==(const TokenString& a, const TokenString& b) noexcept { return a.view() == b.view(); }
  friend bool operator==(const TokenString& a, std::string_view b) noexcept { return a.view() == b; }
  friend std::ostream& operator<<(std::ostream& out, const TokenString& s) { return out << s.view(); }

 private:
  static constexpr std::size_t kInline = 16;

  void init(std::string_view text) {
    size_ = text.size();
    if (size_ <= kInline) {
      copy_short(text.data(), size_, inline_);
    } else {
      heap_ = new char[size_];
      std::memcpy(heap_, text.data(), size_);
    }
  }

  void steal(TokenString& other) noexcept {
    size_ = other.size_;
    if (size_ <= kInline) {
      copy_short(other.inline_, size_, inline_);  // only the bytes in use: the rest were never written
    } else {
      heap_ = other.heap_;
      other.size_ = 0;
    }
  }

  void release() noexcept {
    if (size_ > kInline) delete[] heap_;
  }

  std::size_t size_ = 0;
  union {
    char inline_[kInline];  // the bytes when size_ <= kInline
    char* heap_;            // otherwise
  };
};

}  // namespace kg::extract
