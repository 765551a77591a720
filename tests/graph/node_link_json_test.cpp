#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <unistd.h>

#include "graph/node_link_json.h"

using kg::List;
using kg::Map;
using kg::Value;

namespace {

std::string load_error(std::string_view json) {
  try {
    kg::parse_node_link(json, "g.json");
  } catch (const kg::LoadError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a saved graph loads back with the same ids, labels and exact values") {
  kg::PropertyGraph g;
  g.set_graph_attributes({{"sources", Value(List{Value("a.txt")})}});
  kg::NodeId a = g.add_node({"Organization", "Fund"},
                            {{"name", Value("Fonds «Ünï» 日本 \"q\"")},
                             {"int", Value(std::int64_t{9007199254740993})},
                             {"float", Value(2.0)},
                             {"tiny", Value(1e-300)},
                             {"nested", Value(List{Value(1), Value(List{Value("x"), Value()})})},
                             {"id", Value("a property named id")}});
  kg::NodeId gone = g.add_node();
  kg::NodeId b = g.add_node({"Place"});
  g.remove_node(gone);
  kg::RelId r = g.add_relationship(a, b, "BASED_IN", {{"evidence", Value("line\nbreak")}, {"type", Value("kept")}});
  g.add_relationship(a, b, "BASED_IN");

  std::string json = kg::to_node_link(g);
  kg::PropertyGraph back = kg::parse_node_link(json, "memory");
  CHECK(back.node_ids() == g.node_ids());
  CHECK(back.relationship_ids() == g.relationship_ids());
  CHECK(back.labels(a) == g.labels(a));
  for (const auto& property : g.node_properties(a)) {
    const std::string& key = property.first;
    const Value& value = property.second;
    CAPTURE(key);
    REQUIRE(back.node_property(a, key) != nullptr);
    CHECK(kg::identical(*back.node_property(a, key), value));
  }
  CHECK(back.relationship_property(r, "type")->as_string() == "kept");
  CHECK(back.type(r) == "BASED_IN");
  CHECK(kg::identical(Value(back.graph_attributes()), Value(g.graph_attributes())));
  CHECK(kg::to_node_link(back) == json);

  // The one-line layout, for JSON Lines, holds the same graph.
  std::string line = kg::to_node_link(g, kg::NodeLinkLayout::kOneLine);
  CHECK(line.find('\n') == std::string::npos);
  CHECK(kg::to_node_link(kg::parse_node_link(line, "memory")) == json);
}

TEST_CASE("loaded ids are kept and written back, strings and integers alike") {
  std::string json = R"({"nodes": [{"id": "acme"}, {"id": 12}], "links": [{"source": "acme", "target": 12}]})";
  kg::PropertyGraph g = kg::parse_node_link(json, "g.json");
  std::string saved = kg::to_node_link(g);
  CHECK(saved.find(R"("id":"acme")") != std::string::npos);
  CHECK(saved.find(R"("target":12)") != std::string::npos);
  CHECK(g.type(g.relationship_ids().front()) == "RELATED");
}

TEST_CASE("relationships may be under \"edges\", networkx 3.6's key") {
  kg::PropertyGraph g = kg::parse_node_link(
      R"({"nodes": [{"id": 1}, {"id": 2}], "edges": [{"source": 1, "target": 2, "type": "T", "key": 0}]})", "g.json");
  CHECK(g.relationship_count() == 1);
}

TEST_CASE("unknown keys are kept as properties") {
  kg::PropertyGraph g = kg::parse_node_link(R"({"nodes": [{"id": "x", "colour": "red", "w": 1.5}]})", "g.json");
  kg::NodeId x = g.node_ids().front();
  CHECK(g.node_property(x, "colour")->as_string() == "red");
  CHECK(g.node_property(x, "w")->as_float() == 1.5);
}

TEST_CASE("malformed JSON is refused with file, line and column") {
  CHECK(load_error("{\"nodes\": [\n  {\"id\": 1,}\n]}") == "g.json:2:12: Missing a name for object member.");
  CHECK(load_error("") == "g.json:1:1: The document is empty.");
}

TEST_CASE("structural errors name the offending node or link") {
  CHECK(load_error(R"({"nodes": [{"id": "a"}, {"id": "a"}]})") == "g.json: node 1: duplicate id \"a\"");
  CHECK(load_error(R"({"nodes": [{"id": "a"}], "links": [{"source": "a", "target": "b"}]})") ==
        "g.json: link 0: \"target\" \"b\" is not a node id");
  CHECK(load_error(R"({"nodes": [{"id": 1.5}]})") == "g.json: node 0: \"id\" must be a string or an integer");
  CHECK(load_error(R"({"nodes": [{"id": 1, "labels": "A"}]})") ==
        "g.json: node 0 (id 1): \"labels\" must be an array of strings");
  CHECK(load_error(R"({"nodes": [{"id": 1}, {"id": 2}], "links": [{"source": 1, "target": 2, "type": 3}]})") ==
        "g.json: link 0: \"type\" must be a non-empty string");
  CHECK(load_error(R"({"nodes": {}})") == "g.json: \"nodes\" must be an array");
  CHECK(load_error(R"([1])") == "g.json: the top level must be a JSON object");
  CHECK(load_error(R"({"nodes": [{"id": 1, "k": 1, "k": 2}]})") == "g.json:1:33: duplicate key \"k\"");
}

TEST_CASE("numbers read back exactly, integers as integers") {
  kg::PropertyGraph g = kg::parse_node_link(
      R"({"nodes": [{"id": 1, "a": 0e-43, "b": 0.1, "c": 9223372036854775807, "d": -9223372036854775808,
                     "e": 1e-400, "f": -2, "g": 5e-324, "h": NaN, "i": -Infinity}]})", "g.json");
  kg::NodeId n = g.node_ids().front();
  auto prop = [&](const char* k) { return *g.node_property(n, k); };
  CHECK(kg::identical(prop("a"), Value(0.0)));
  CHECK(kg::identical(prop("b"), Value(0.1)));
  CHECK(kg::identical(prop("c"), Value(std::int64_t{9223372036854775807})));
  CHECK(kg::identical(prop("d"), Value(std::numeric_limits<std::int64_t>::min())));
  CHECK(kg::identical(prop("e"), Value(0.0)));
  CHECK(kg::identical(prop("f"), Value(-2)));
  CHECK(kg::identical(prop("g"), Value(5e-324)));
  CHECK(std::isnan(prop("h").as_float()));
  CHECK(prop("i").as_float() == -INFINITY);
  CHECK(load_error(R"({"nodes": [{"id": 1, "big": 1e400}]})").find("Number too big") != std::string::npos);
  // An integer beyond 64 bits is refused, not rounded to a double: ids 2^63 and 2^63 + 1 would become one.
  CHECK(load_error(R"({"nodes": [{"id": 9223372036854775808}]})").find("Integer too big to be stored in 64 bits") !=
        std::string::npos);
}

TEST_CASE("absurdly deep values are refused, not a stack overflow") {
  std::string deep = R"({"nodes": [{"id": 1, "k": )" + std::string(100000, '[') + std::string(100000, ']') + "}]}";
  CHECK(load_error(deep).find("nested deeper than") != std::string::npos);
}

TEST_CASE("saving is atomic: a failed save leaves the old file untouched") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("kg-save-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path file = dir / "g.json";
  kg::PropertyGraph g;
  g.add_node({"A"});
  kg::save_node_link(g, file.string());
  std::string before = kg::to_node_link(g);

  fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
  g.add_node({"B"});
  bool can_write_anyway = ::geteuid() == 0;  // root ignores directory permissions
  if (!can_write_anyway) CHECK_THROWS(kg::save_node_link(g, file.string()));
  fs::permissions(dir, fs::perms::owner_all);

  std::ifstream in(file);
  std::string on_disk((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!can_write_anyway) CHECK(on_disk == before);
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  fs::remove_all(dir);
}
