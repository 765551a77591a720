#include "extract/vocabulary.h"

#include <functional>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace kg::extract::vocabulary {

namespace {

// Looked up by std::string_view, without copying the key.
struct KeyHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>()(key); }
};

struct Words {
  std::shared_mutex mutex;
  std::unordered_map<std::string, std::uint32_t, KeyHash, std::equal_to<>> numbers;
};

Words& words() {
  static Words instance;
  return instance;
}

std::uint32_t find_locked(const Words& w, std::string_view key) {
  auto it = w.numbers.find(key);
  return it == w.numbers.end() ? kUnknown : it->second;
}

}  // namespace

std::atomic<std::uint32_t> detail::count{0};

std::uint32_t intern(std::string_view key) {
  Words& w = words();
  std::unique_lock lock(w.mutex);
  auto [it, fresh] = w.numbers.try_emplace(std::string(key), detail::count.load());
  if (fresh) detail::count.store(it->second + 1, std::memory_order_release);
  return it->second;
}

void label(std::vector<Token>& tokens) {
  Words& w = words();
  std::shared_lock lock(w.mutex);
  std::uint32_t known = detail::count.load();
  for (Token& t : tokens) {
    t.word = find_locked(w, t.key);
    t.known_words = known;
  }
}

std::uint32_t detail::find(std::string_view key) {
  Words& w = words();
  std::shared_lock lock(w.mutex);
  return find_locked(w, key);
}

}  // namespace kg::extract::vocabulary
