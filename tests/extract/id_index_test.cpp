#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract/article_graph.h"
#include "extract/id_index.h"

using kg::extract::IdIndex;

TEST_CASE("an id index finds each entry again by hash and equality, and numbers new ones") {
  IdIndex index;
  std::vector<std::string> names;  // the entries, by id
  auto intern = [&](const std::string& name) {
    auto [id, fresh] = index.find_or_insert(kg::extract::key_hash(name), static_cast<std::uint32_t>(names.size()),
                                            [&](std::uint32_t known) { return names[known] == name; });
    if (fresh) names.push_back(name);
    return id;
  };
  CHECK(intern("zeta") == 0);
  CHECK(intern("brakko") == 1);
  CHECK(intern("zeta") == 0);
  // Enough entries to grow the table several times.
  for (int i = 0; i < 5000; ++i) CHECK(intern("org " + std::to_string(i)) == static_cast<std::uint32_t>(i + 2));
  for (int i = 0; i < 5000; i += 7) CHECK(intern("org " + std::to_string(i)) == static_cast<std::uint32_t>(i + 2));
  CHECK(index.size() == 5002);
}

TEST_CASE("entries of the same hash are told apart by the caller's equality") {
  IdIndex index;
  std::vector<int> values;
  auto insert = [&](int value) {
    // Every value collides: only equality separates them.
    auto [id, fresh] = index.find_or_insert(42, static_cast<std::uint32_t>(values.size()),
                                            [&](std::uint32_t known) { return values[known] == value; });
    if (fresh) values.push_back(value);
    return id;
  };
  for (int v = 0; v < 100; ++v) CHECK(insert(v * 3) == static_cast<std::uint32_t>(v));
  CHECK(insert(30) == 10);
  CHECK(insert(31) == 100);
  CHECK(index.size() == 101);
}

TEST_CASE("an id index made room for beforehand finds the same ids, before and after it grows past it") {
  IdIndex index;
  index.reserve(1000);
  std::vector<std::uint64_t> keys;
  auto insert = [&](std::uint64_t key) {
    auto [id, fresh] = index.find_or_insert(key, static_cast<std::uint32_t>(keys.size()),
                                            [&](std::uint32_t known) { return keys[known] == key; });
    if (fresh) keys.push_back(key);
    return id;
  };
  // Pairs of small integers, as the merge's (source, target) keys are.
  for (std::uint64_t i = 0; i < 3000; ++i) CHECK(insert(i << 32 | (i % 7)) == i);
  index.reserve(10);  // less than it holds: nothing lost
  index.reserve(5000);
  for (std::uint64_t i = 0; i < 3000; ++i) CHECK(insert(i << 32 | (i % 7)) == i);
  CHECK(index.size() == 3000);
}
