#include "graph/parallel_list_writer.h"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace {

// Node i, whose name grows with i % 50 so that blocks differ in size.
void write_node(kg::NodeLinkWriter& out, std::size_t i) {
  static const std::vector<std::string> labels = {"Organization"};
  out.begin_node(std::string_view("n" + std::to_string(i)), labels);
  out.properties(kg::Map{{"name", kg::Value("Org " + std::string(i % 50, 'x') + std::to_string(i))}});
  out.end_node();
}

void write_link(kg::NodeLinkWriter& out, std::size_t i) {
  out.begin_link(std::string_view("n" + std::to_string(i)), std::string_view("n" + std::to_string(i + 1)), 0,
                 static_cast<kg::RelId>(i), "COMPETES_WITH");
  out.end_link();
}

// A graph of `count` nodes and count - 1 links, its lists written on
// `threads` threads; `chunks` counts what the sink was given.
std::string graph_text(std::size_t count, unsigned threads, std::size_t* chunks = nullptr) {
  std::string text;
  kg::NodeLinkWriter out(kg::NodeLinkLayout::kLinePerItem, [&](std::string_view chunk) {
    text += chunk;
    if (chunks) ++*chunks;
  });
  out.begin(kg::Map{});
  kg::write_list_in_parallel(out, count, threads, write_node);
  out.begin_links();
  kg::write_list_in_parallel(out, count == 0 ? 0 : count - 1, threads, write_link);
  out.finish();
  return text;
}

}  // namespace

TEST_CASE("a list written on several threads is the same text as written on one") {
  for (std::size_t count : {0, 1, 2048, 2049, 30000}) {
    CAPTURE(count);
    std::string one = graph_text(count, 1);
    if (count > 0) CHECK(one.find("\"id\":\"n" + std::to_string(count - 1) + "\"") != std::string::npos);
    for (unsigned threads : {2u, 3u, 8u}) {
      CAPTURE(threads);
      CHECK(graph_text(count, threads) == one);
    }
  }
}

TEST_CASE("a list written on several threads reaches the sink in large chunks") {
  // 30,000 nodes of about 60 bytes and as many links: a few megabytes, which
  // the sink receives in blocks of thousands of items, not item by item.
  std::size_t chunks = 0;
  std::string text = graph_text(30000, 4, &chunks);
  CHECK(text.size() > 3'000'000);
  CHECK(chunks < 100);
}

TEST_CASE("an item that cannot be written stops every thread and its error reaches the caller") {
  std::string text;
  kg::NodeLinkWriter out(kg::NodeLinkLayout::kLinePerItem, [&](std::string_view chunk) { text += chunk; });
  out.begin(kg::Map{});
  auto failing = [](kg::NodeLinkWriter& w, std::size_t i) {
    if (i == 12345) throw std::runtime_error("item 12345 cannot be written");
    write_node(w, i);
  };
  CHECK_THROWS_WITH(kg::write_list_in_parallel(out, 50000, 3, failing), "item 12345 cannot be written");
  // Nothing at or after the failing item's block was passed on.
  CHECK(text.find("\"id\":\"n12345\"") == std::string::npos);
}

TEST_CASE("a sink that fails stops every thread and its error reaches the caller") {
  std::size_t given = 0;
  kg::NodeLinkWriter out(kg::NodeLinkLayout::kLinePerItem, [&](std::string_view) {
    if (++given == 3) throw std::runtime_error("disk full");
  });
  out.begin(kg::Map{});
  CHECK_THROWS_WITH(kg::write_list_in_parallel(out, 50000, 4, write_node), "disk full");
  CHECK(given == 3);
}
