#include <doctest/doctest.h>

#include <limits>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "graph/json_value_writer.h"
#include "graph/node_link_writer.h"
#include "graph/value.h"

namespace {

// The text of one node whose properties are `props`, written whole through
// a cursor (the extractor's way) or as a Map (to_node_link's way).
std::string node_text(const kg::Map& props, bool whole) {
  std::string text;
  kg::NodeLinkWriter out(kg::NodeLinkLayout::kOneLine, [&](std::string_view chunk) { text += chunk; });
  out.begin(kg::Map{});
  std::vector<std::string> labels = {"Organization"};
  if (whole) {
    std::size_t room = 64;
    for (const auto& [name, value] : props) {
      room += kg::JsonCursor::string_room(name.size()) + kg::JsonCursor::kNumberRoom + 64;
      if (value.is_string()) room += kg::JsonCursor::string_room(value.as_string().size());
      if (value.is_list())
        for (const kg::Value& v : value.as_list()) room += 1 + kg::JsonCursor::string_room(v.as_string().size());
    }
    kg::JsonCursor item = out.begin_whole_item(room);
    item.raw("{\"id\":\"n0\",\"labels\":[\"Organization\"]");
    for (const auto& [name, value] : props) {
      item.raw(",");
      item.string(name);
      item.raw(":");
      if (value.is_string()) {
        item.string(value.as_string());
      } else if (value.is_int()) {
        item.number(value.as_int());
      } else if (value.is_float()) {
        item.raw(kg::format_float(value.as_float()));
      } else {
        item.raw("[");
        for (std::size_t i = 0; i < value.as_list().size(); ++i) {
          if (i > 0) item.raw(",");
          item.string(value.as_list()[i].as_string());
        }
        item.raw("]");
      }
    }
    item.raw("}");
    out.end_whole_item(item);
  } else {
    out.begin_node(std::string_view("n0"), labels);
    out.properties(props);
    out.end_node();
  }
  out.begin_links();
  out.finish();
  return text;
}

// What RapidJSON's writer makes of the same node object.
std::string rapidjson_node_text(const kg::Map& props) {
  kg::Map node = props;
  node.emplace("id", kg::Value("n0"));
  node.emplace("labels", kg::Value(kg::List{kg::Value("Organization")}));
  rapidjson::StringBuffer buffer;
  kg::JsonWriter writer(buffer);
  writer.StartObject();
  // The writer's member order: id, labels, then the properties in key order.
  for (const char* key : {"id", "labels"}) {
    writer.Key(key);
    kg::write_json_value(writer, node.at(key), kg::NonFinite::AsLiterals);
  }
  for (const auto& [key, value] : props) {
    writer.Key(key.c_str(), static_cast<rapidjson::SizeType>(key.size()));
    kg::write_json_value(writer, value, kg::NonFinite::AsLiterals);
  }
  writer.EndObject();
  return std::string("{\"directed\": true, \"multigraph\": true, \"graph\": {},\"nodes\": [") + buffer.GetString() +
         "],\"links\": []}";
}

}  // namespace

TEST_CASE("the node-link writer escapes strings exactly as RapidJSON's writer does") {
  // Every byte, alone and inside runs long enough for the eight-byte fast path.
  std::string every_byte;
  for (int c = 1; c < 256; ++c) every_byte += static_cast<char>(c);
  std::string with_nul("a\0b", 3);
  kg::Map props = {{"all", kg::Value(every_byte)},
                   {"nul", kg::Value(with_nul)},
                   {"long", kg::Value("Zeta Capital a investi \"5 millions\" dans\tBrakko \\ Labs.\n")},
                   {"plain", kg::Value("Brakko Labs, société norvégienne")},
                   {"count", kg::Value(std::int64_t{-1234567890123})},
                   {"amount", kg::Value(7.5e6)},
                   {"amount_small", kg::Value(-0.125)},
                   {"amount_whole", kg::Value(3.0)},
                   {"amount_infinite", kg::Value(std::numeric_limits<double>::infinity())},
                   {"texts", kg::Value(kg::List{kg::Value("x\"y"), kg::Value(""), kg::Value("ordinary text here")})}};
  std::string expected = rapidjson_node_text(props);
  CHECK(node_text(props, true) == expected);
  CHECK(node_text(props, false) == expected);
}

TEST_CASE("random strings are escaped as RapidJSON escapes them") {
  std::mt19937 random(7);
  // Mostly letters, with quotes, backslashes and control bytes at random places.
  const std::string alphabet = std::string("abcdefgh \"\\\x01\x1f\x7f\xc3\xa9", 15) + '\0';
  for (int round = 0; round < 500; ++round) {
    std::string text;
    std::size_t size = random() % 100;
    for (std::size_t i = 0; i < size; ++i) text += alphabet[random() % alphabet.size()];
    kg::Map props = {{"text", kg::Value(text)}};
    CHECK(node_text(props, true) == rapidjson_node_text(props));
  }
}

TEST_CASE("short strings are escaped whatever their size and wherever the escape") {
  // Strings under sixteen bytes are tested in overlapping words: every size,
  // with a quote, a backslash or a control byte at every place.
  for (std::size_t size = 0; size < 20; ++size) {
    kg::Map clean = {{"text", kg::Value(std::string(size, 'e'))}};
    CHECK(node_text(clean, true) == rapidjson_node_text(clean));
    for (std::size_t at = 0; at < size; ++at)
      for (char special : {'"', '\\', '\x01', '\x1f'}) {
        std::string text(size, 'e');
        text[at] = special;
        kg::Map props = {{"text", kg::Value(text)}};
        CHECK(node_text(props, true) == rapidjson_node_text(props));
      }
  }
}

TEST_CASE("long strings are escaped whatever their size and wherever the escapes") {
  // Strings of sixteen bytes or more are tested in blocks of sixteen, the
  // last one ending the string and overlapping the block before: every size
  // up to four blocks, with one escape at every place, and with a newline
  // at every place and a quote in the last sixteen bytes. The letters vary,
  // so that a block written at the wrong place shows.
  auto letters = [](std::size_t size) {
    std::string text;
    for (std::size_t i = 0; i < size; ++i) text += static_cast<char>('a' + i % 26);
    return text;
  };
  for (std::size_t size = 16; size < 66; ++size) {
    kg::Map clean = {{"text", kg::Value(letters(size))}};
    CHECK(node_text(clean, true) == rapidjson_node_text(clean));
    for (std::size_t at = 0; at < size; ++at) {
      for (char special : {'"', '\\', '\x01', '\x1f'}) {
        std::string text = letters(size);
        text[at] = special;
        kg::Map props = {{"text", kg::Value(text)}};
        CHECK(node_text(props, true) == rapidjson_node_text(props));
      }
      std::string twice = letters(size);
      twice[at] = '\n';
      twice[size - 1 - at % 16] = '"';
      kg::Map props = {{"text", kg::Value(twice)}};
      CHECK(node_text(props, true) == rapidjson_node_text(props));
    }
  }
}

TEST_CASE("keys are written escaped, like any other string") {
  kg::Map props = {{"plain", kg::Value("a")}, {"with \"quote\"", kg::Value(std::int64_t{1})}};
  CHECK(node_text(props, true) == rapidjson_node_text(props));
  CHECK(node_text(props, false) == rapidjson_node_text(props));
}

TEST_CASE("a list written in runs by other writers is the same text as written by one") {
  // Nodes 0..9 and links 0..8; `runs` writers take turns, three items each.
  auto write = [](int runs) {
    std::string text;
    kg::NodeLinkWriter out(kg::NodeLinkLayout::kLinePerItem, [&](std::string_view chunk) { text += chunk; });
    out.begin(kg::Map{});
    std::vector<std::string> labels = {"Person"};
    auto node = [&](kg::NodeLinkWriter& w, int i) {
      // Even nodes member by member, odd ones whole: the same text either way.
      std::string name = "Person \"" + std::to_string(i) + "\"";
      if (i % 2 == 0) {
        w.begin_node(std::string_view("n" + std::to_string(i)), labels);
        w.properties(kg::Map{{"name", kg::Value(name)}});
        w.end_node();
        return;
      }
      kg::JsonCursor item = w.begin_whole_item(64 + kg::JsonCursor::string_room(name.size()));
      item.raw("{\"id\":\"n");
      item.number(i);
      item.raw("\",\"labels\":[\"Person\"],\"name\":");
      item.string(name);
      item.raw("}");
      w.end_whole_item(item);
    };
    auto link = [&](kg::NodeLinkWriter& w, int i) {
      w.begin_link(std::string_view("n" + std::to_string(i)), std::string_view("n" + std::to_string(i + 1)), 0,
                   static_cast<kg::RelId>(i), "KNOWS");
      w.end_link();
    };
    auto list = [&](int count, const auto& item) {
      if (runs == 0) {
        for (int i = 0; i < count; ++i) item(out, i);
        return;
      }
      std::vector<std::unique_ptr<kg::NodeLinkWriter>> writers;
      for (int r = 0; r < runs; ++r) writers.push_back(std::make_unique<kg::NodeLinkWriter>(out, false));
      for (int from = 0, r = 0; from < count; from += 3, r = (r + 1) % runs) {
        writers[r]->begin_run(from == 0);
        for (int i = from; i < std::min(count, from + 3); ++i) item(*writers[r], i);
        out.append(*writers[r]);
      }
    };
    list(10, node);
    out.begin_links();
    list(9, link);
    out.finish();
    return text;
  };
  std::string one_writer = write(0);
  CHECK(one_writer.find("\"Person \\\"3\\\"\"") != std::string::npos);
  CHECK(write(1) == one_writer);
  CHECK(write(2) == one_writer);
}

TEST_CASE("JSON text grows by pieces of any size") {
  kg::JsonText text;
  std::string expected;
  for (std::size_t size = 0; size < 40; ++size) {
    std::string piece(size, static_cast<char>('a' + size % 26));
    text.raw(piece);
    expected += piece;
  }
  text.number(1234567890123ULL);
  expected += "1234567890123";
  CHECK(text.view() == expected);
  CHECK(text.size() == expected.size());
  text.clear();
  CHECK(text.view().empty());
}

TEST_CASE("integers are written with the digits std::to_string gives, short ones and long ones") {
  std::vector<std::int64_t> numbers = {0,     7,      9,       10,      42,     99,    100,  999,
                                       1000,  9999,   10000,   123456,  -1,     -9999, -10000,
                                       std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::min()};
  kg::Map props;
  for (std::size_t i = 0; i < numbers.size(); ++i) props.emplace("p" + std::to_string(100 + i), kg::Value(numbers[i]));
  std::string text = node_text(props, true);
  CHECK(text == rapidjson_node_text(props));
  CHECK(text.find("\"p109\":9999,\"p110\":10000,") != std::string::npos);
  CHECK(text.find("\"p116\":-9223372036854775808}") != std::string::npos);

  kg::JsonText json;
  std::string expected;
  for (std::uint64_t n : {0ULL, 5ULL, 10ULL, 99ULL, 100ULL, 999ULL, 1000ULL, 9999ULL, 10000ULL, ~0ULL}) {
    json.number(n);
    json.raw(",");
    expected += std::to_string(n) + ",";
  }
  CHECK(json.view() == expected);
}

TEST_CASE("floats in a row, equal or not, are each written as RapidJSON writes them") {
  kg::Map props = {{"a", kg::Value(2.5e8)},  {"b", kg::Value(2.5e8)},  {"c", kg::Value(0.0)},
                   {"d", kg::Value(-0.0)},   {"e", kg::Value(0.1)},    {"f", kg::Value(0.1)},
                   {"g", kg::Value(std::numeric_limits<double>::quiet_NaN())},
                   {"h", kg::Value(std::numeric_limits<double>::quiet_NaN())},
                   {"i", kg::Value(-std::numeric_limits<double>::infinity())}, {"j", kg::Value(1.0)}};
  std::string text = node_text(props, true);
  CHECK(text == rapidjson_node_text(props));
  CHECK(text.find("\"a\":2.5e+08,\"b\":2.5e+08,\"c\":0.0,\"d\":-0.0,") != std::string::npos);
}

TEST_CASE("an item written whole through a cursor is the text of the same item written from a Map") {
  const std::string hostile = "Zeta \"Capital\"\\\x01 été, a name longer than sixteen bytes";
  for (auto layout : {kg::NodeLinkLayout::kOneLine, kg::NodeLinkLayout::kLinePerItem}) {
    auto write = [&](bool whole) {
      std::string text;
      kg::NodeLinkWriter out(layout, [&](std::string_view chunk) { text += chunk; });
      out.begin(kg::Map{});
      std::vector<std::string> labels = {"Organization"};
      for (std::int64_t id : {0, 123456789}) {
        std::string key = "n" + std::to_string(id);
        if (whole) {
          kg::JsonCursor item = out.begin_whole_item(64 + kg::JsonCursor::string_room(hostile.size()) +
                                                     2 * kg::JsonCursor::kNumberRoom);
          item.raw("{\"id\":\"n");
          item.number(id);
          item.raw("\",\"labels\":[\"Organization\"],\"name\":");
          item.string(hostile);
          item.raw(",\"start\":");
          item.number(id * 2);
          item.raw("}");
          out.end_whole_item(item);
        } else {
          out.begin_node(std::string_view(key), labels);
          out.properties(kg::Map{{"name", kg::Value(hostile)}, {"start", kg::Value(id * 2)}});
          out.end_node();
        }
      }
      out.begin_links();
      out.finish();
      return text;
    };
    std::string by_member = write(false);
    CHECK(by_member.find("\"start\":246913578}") != std::string::npos);
    CHECK(write(true) == by_member);
  }
}

TEST_CASE("a cursor writes integers with the digits std::to_string gives, below 10^8 and above") {
  std::vector<char> room(64);
  for (std::int64_t n : {std::int64_t{0}, std::int64_t{9}, std::int64_t{10}, std::int64_t{9999}, std::int64_t{10000},
                         std::int64_t{10001}, std::int64_t{12345678}, std::int64_t{99999999}, std::int64_t{100000000},
                         std::int64_t{-1}, std::numeric_limits<std::int64_t>::min(),
                         std::numeric_limits<std::int64_t>::max()}) {
    kg::JsonCursor out(room.data());
    out.number(n);
    CHECK(std::string(room.data(), out.end()) == std::to_string(n));
  }
  kg::JsonCursor out(room.data());
  out.number(std::numeric_limits<std::uint64_t>::max());
  CHECK(std::string(room.data(), out.end()) == "18446744073709551615");
}

TEST_CASE("JSON text repeats a piece of itself, even when the buffer grows to hold it") {
  kg::JsonText text;
  text.raw("[");
  text.string("a name");
  std::size_t end = text.size();
  text.raw("]");
  text.repeat(1, end);
  CHECK(text.view() == "[\"a name\"]\"a name\"");
  std::string long_piece(5000, 'x');
  text.clear();
  text.raw(long_piece);
  text.repeat(0, text.size());
  CHECK(text.view() == long_piece + long_piece);
}

TEST_CASE("graph attributes given as JSON text are written as the same attributes given as a Map") {
  const std::string hostile = "a \"quoted\"\\ name\x02";
  auto write = [&](bool as_json) {
    std::string text;
    kg::NodeLinkWriter out(kg::NodeLinkLayout::kLinePerItem, [&](std::string_view chunk) { text += chunk; });
    if (as_json) {
      kg::JsonText attributes;
      attributes.raw("{\"sources\":[");
      attributes.string("doc1.txt");
      attributes.raw(",");
      attributes.string(hostile);
      attributes.raw("]}");
      out.begin(kg::NodeLinkWriter::Json{attributes.view()});
    } else {
      out.begin(kg::Map{{"sources", kg::Value(kg::List{kg::Value("doc1.txt"), kg::Value(hostile)})}});
    }
    out.begin_links();
    out.finish();
    return text;
  };
  std::string from_map = write(false);
  CHECK(from_map.find("\"graph\": {\"sources\":[\"doc1.txt\",\"a \\\"quoted\\\"\\\\ name\\u0002\"]},\n") !=
        std::string::npos);
  CHECK(write(true) == from_map);
}
