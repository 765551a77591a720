#include <doctest/doctest.h>

#include <string>

#include "graph/short_copy.h"

TEST_CASE("copy_short copies exactly the bytes asked for, at every size") {
  const std::string source = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (std::size_t size = 0; size <= source.size(); ++size) {
    INFO("size " << size);
    std::string target(source.size() + 2, '#');
    kg::copy_short(source.data(), size, target.data() + 1);
    CHECK(target.substr(1, size) == source.substr(0, size));
    CHECK(target.front() == '#');  // nothing written before
    CHECK(target.substr(1 + size) == std::string(source.size() + 1 - size, '#'));  // nor after
  }
}
