#include <doctest/doctest.h>

#include "graph/export/graphml_reader.h"
#include "graph/export/graphml_writer.h"

using kg::List;
using kg::Value;

TEST_CASE("GraphML written by kg reads back as the same graph") {
  kg::PropertyGraph g;
  kg::NodeId a = g.add_node({"Organization", "Lab"}, {{"name", "a <b> & \"c\"\nd"}, {"n", 3},
                                                       {"tags", Value(List{Value("x"), Value("y,z")})},
                                                       {"odd key <é>", "v"}});
  kg::NodeId b = g.add_node({}, {{"ok", true}});
  g.add_relationship(a, b, "PART_OF", {{"w", 0.5}});
  kg::PropertyGraph back = kg::parse_graphml(kg::to_graphml(g), "g.graphml");
  REQUIRE(back.node_count() == 2);
  REQUIRE(back.relationship_count() == 1);
  CHECK(back.labels(0) == std::vector<std::string>{"Organization", "Lab"});
  CHECK(kg::identical(Value(back.node_properties(0)), Value(g.node_properties(a))));
  CHECK(kg::identical(Value(back.node_properties(1)), Value(g.node_properties(b))));
  CHECK(back.type(0) == "PART_OF");
  CHECK(back.relationship_property(0, "w")->as_float() == 0.5);
}

TEST_CASE("GraphML from other tools: int keys, defaults, edge labels, undeclared keys refused") {
  const char* xml = R"(<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="size" attr.type="int"><default>1</default></key>
  <key id="d1" for="edge" attr.name="label" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="0"><data key="d0">5</data></node>
    <node id="1"/>
    <edge source="0" target="1"><data key="d1">KNOWS</data></edge>
  </graph>
</graphml>)";
  kg::PropertyGraph g = kg::parse_graphml(xml, "x.graphml");
  CHECK(g.node_property(0, "size")->as_int() == 5);
  CHECK(g.node_property(1, "size")->as_int() == 1);
  CHECK(g.type(0) == "KNOWS");
  CHECK(g.relationship_properties(0).empty());
  CHECK(g.file_key(1).as_string() == "1");
  CHECK_THROWS_AS(kg::parse_graphml("<graphml><graph><node id='a'><data key='nope'>1</data></node></graph></graphml>",
                                    "bad.graphml"),
                  kg::LoadError);
  CHECK_THROWS_AS(kg::parse_graphml("<graphml><graph>", "broken.graphml"), kg::LoadError);
}
