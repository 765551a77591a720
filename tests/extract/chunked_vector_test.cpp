#include <doctest/doctest.h>

#include <string>

#include "extract/chunked_vector.h"

using kg::extract::ChunkedVector;

TEST_CASE("a chunked vector keeps its elements in place as it grows") {
  ChunkedVector<std::string, 4> names;
  CHECK(names.empty());
  std::string& first = names.emplace_back("Zeta Capital");
  const std::string* where = &first;
  for (int i = 1; i < 10; ++i) names.emplace_back("org " + std::to_string(i));
  CHECK(names.size() == 10);
  // Three chunks later the first element has not moved.
  CHECK(&names[0] == where);
  CHECK(names[0] == "Zeta Capital");
  CHECK(names[4] == "org 4");
  CHECK(names[9] == "org 9");
  names[9] += " Labs";
  CHECK(names[9] == "org 9 Labs");
}

TEST_CASE("a copied chunked vector holds equal elements and grows on its own") {
  ChunkedVector<int, 3> numbers;
  for (int i = 0; i < 7; ++i) numbers.emplace_back(i * i);
  ChunkedVector<int, 3> copy = numbers;
  copy.emplace_back(49);
  CHECK(numbers.size() == 7);
  CHECK(copy.size() == 8);
  for (std::size_t i = 0; i < numbers.size(); ++i) CHECK(copy[i] == numbers[i]);
  CHECK(copy[7] == 49);
}
