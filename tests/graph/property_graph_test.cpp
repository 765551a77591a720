#include <doctest/doctest.h>

#include "graph/property_graph.h"

using kg::List;
using kg::Map;
using kg::PropertyGraph;
using kg::Value;

TEST_CASE("nodes carry labels and properties, and the label index follows them") {
  PropertyGraph g;
  kg::NodeId a = g.add_node({"Organization", "Organization"}, {{"name", Value("Brightwave")}, {"x", Value()}});
  CHECK(g.labels(a) == std::vector<std::string>{"Organization"});
  CHECK(g.node_property(a, "x") == nullptr);
  CHECK(g.nodes_with_label("Organization").count(a) == 1);

  CHECK(g.add_label(a, "Startup"));
  CHECK_FALSE(g.add_label(a, "Startup"));
  CHECK(g.nodes_with_label("Startup").count(a) == 1);
  CHECK(g.remove_label(a, "Organization"));
  CHECK(g.nodes_with_label("Organization").empty());
  CHECK(g.all_labels() == std::vector<std::string>{"Startup"});
}

TEST_CASE("has_label answers for every label, however many the graph uses") {
  PropertyGraph g;
  kg::NodeId a = g.add_node({"Organization"});
  // Past the first 16 labels has_label reads the node's own list.
  for (int i = 0; i < 70; ++i) g.add_node({"Label" + std::to_string(i)});
  kg::NodeId b = g.add_node({"Label69", "Organization"});
  CHECK(g.has_label(a, "Organization"));
  CHECK_FALSE(g.has_label(a, "Label69"));
  CHECK(g.has_label(b, "Label69"));
  CHECK(g.has_label(b, "Organization"));
  CHECK_FALSE(g.has_label(b, "Unused"));

  g.begin_journal();
  g.remove_label(b, "Organization");
  g.remove_label(b, "Label69");
  CHECK_FALSE(g.has_label(b, "Organization"));
  CHECK_FALSE(g.has_label(b, "Label69"));
  g.rollback_journal();
  CHECK(g.has_label(b, "Organization"));
  CHECK(g.has_label(b, "Label69"));
}

TEST_CASE("setting a property to null removes it") {
  PropertyGraph g;
  kg::NodeId a = g.add_node({}, {{"k", Value(1)}});
  CHECK(g.set_node_property(a, "k", Value()).as_int() == 1);
  CHECK(g.node_properties(a).empty());
}

TEST_CASE("relationships are directed, typed, may be parallel, and walk both ways") {
  PropertyGraph g;
  kg::NodeId a = g.add_node(), b = g.add_node();
  kg::RelId r1 = g.add_relationship(a, b, "INVESTS_IN", {{"amount", Value(5)}});
  kg::RelId r2 = g.add_relationship(a, b, "INVESTS_IN");
  kg::RelId loop = g.add_relationship(b, b, "PART_OF");
  CHECK(g.outgoing(a) == std::vector<kg::RelId>{r1, r2});
  CHECK(g.incoming(b).size() == 3);
  CHECK(g.source(r1) == a);
  CHECK(g.target(r1) == b);
  CHECK(g.type(loop) == "PART_OF");
  CHECK(g.relationships_of_type("INVESTS_IN").size() == 2);
  CHECK(g.relationship_count() == 3);
  // A self-loop counts at both of its ends.
  CHECK(g.out_degree(a) == 2);
  CHECK(g.in_degree(b) == 3);
  CHECK(g.out_degree(b) == 1);

  g.remove_relationship(r1);
  CHECK(g.outgoing(a) == std::vector<kg::RelId>{r2});
  CHECK(g.incoming(b) == std::vector<kg::RelId>{r2, loop});
  CHECK(g.outgoing(b) == std::vector<kg::RelId>{loop});
}

TEST_CASE("ids stay stable across removals and are never reused") {
  PropertyGraph g;
  kg::NodeId a = g.add_node(), b = g.add_node(), c = g.add_node();
  kg::RelId r = g.add_relationship(a, c, "T");
  g.remove_node(b);
  CHECK_FALSE(g.has_node(b));
  CHECK(g.has_node(c));
  CHECK(g.source(r) == a);
  CHECK(g.target(r) == c);
  kg::NodeId d = g.add_node();
  CHECK(d != b);
  CHECK(g.node_ids() == std::vector<kg::NodeId>{a, c, d});
}

TEST_CASE("a node with relationships is removed only by detach") {
  PropertyGraph g;
  kg::NodeId a = g.add_node({"L"}), b = g.add_node();
  g.add_relationship(a, b, "T");
  g.add_relationship(a, a, "SELF");
  CHECK_THROWS_AS(g.remove_node(a), kg::GraphError);
  g.detach_remove_node(a);
  CHECK(g.relationship_count() == 0);
  CHECK(g.nodes_with_label("L").empty());
  CHECK(g.relationships_of_type("T").empty());
  CHECK(g.in_degree(b) == 0);
}

TEST_CASE("the name index is case- and accent-insensitive and covers aliases") {
  PropertyGraph g;
  kg::NodeId us = g.add_node({"Place"}, {{"name", Value("États-Unis")}, {"aliases", Value(List{Value("USA")})}});
  CHECK(g.nodes_named("etats-unis").count(us) == 1);
  CHECK(g.nodes_named("ETATS UNIS").count(us) == 1);
  CHECK(g.nodes_named("usa").count(us) == 1);
  g.set_node_property(us, "name", Value("Amérique"));
  CHECK(g.nodes_named("etats-unis").empty());
  CHECK(g.nodes_named("amerique").count(us) == 1);
  g.remove_node(us);
  CHECK(g.nodes_named("usa").empty());
}

TEST_CASE("rolling back a journal restores the graph exactly") {
  PropertyGraph g;
  kg::NodeId a = g.add_node({"A"}, {{"name", Value("Keep")}});
  kg::NodeId b = g.add_node({"B"});
  kg::RelId r = g.add_relationship(a, b, "T", {{"w", Value(1)}});

  g.begin_journal();
  g.set_node_property(a, "name", Value("Changed"));
  g.add_label(a, "New");
  g.remove_label(b, "B");
  g.set_relationship_property(r, "w", Value(2));
  kg::NodeId c = g.add_node({"C"});
  g.add_relationship(c, a, "U");
  g.detach_remove_node(b);
  g.rollback_journal();

  CHECK_FALSE(g.journal_open());
  CHECK(g.node_ids() == std::vector<kg::NodeId>{a, b});
  CHECK(g.node_property(a, "name")->as_string() == "Keep");
  CHECK(g.labels(a) == std::vector<std::string>{"A"});
  CHECK(g.labels(b) == std::vector<std::string>{"B"});
  CHECK(g.relationship_ids() == std::vector<kg::RelId>{r});
  CHECK(g.relationship_property(r, "w")->as_int() == 1);
  CHECK(g.nodes_named("keep").count(a) == 1);
  CHECK(g.nodes_named("changed").empty());
  CHECK(g.nodes_with_label("C").empty());
  CHECK(g.relationships_of_type("U").empty());
}

TEST_CASE("committing a journal keeps the changes") {
  PropertyGraph g;
  g.begin_journal();
  kg::NodeId a = g.add_node();
  g.commit_journal();
  g.rollback_journal();
  CHECK(g.has_node(a));
}

TEST_CASE("a copy is deep and keeps ids") {
  PropertyGraph g;
  g.add_node();
  kg::NodeId b = g.add_node({"X"}, {{"k", Value("v")}});
  g.remove_node(0);
  PropertyGraph copy = g;
  copy.set_node_property(b, "k", Value("w"));
  CHECK(g.node_property(b, "k")->as_string() == "v");
  CHECK(copy.node_ids() == std::vector<kg::NodeId>{b});
}

TEST_CASE("unknown ids are refused with GraphError") {
  PropertyGraph g;
  CHECK_THROWS_AS(g.labels(3), kg::GraphError);
  CHECK_THROWS_AS(g.add_relationship(0, 1, "T"), kg::GraphError);
}

TEST_CASE("a property key resolved once reads the same values as its name") {
  PropertyGraph g;
  kg::NodeId a = g.add_node({}, {{"name", Value("Brightwave")}, {"founded", Value(2019)}});
  kg::NodeId b = g.add_node({}, {{"name", Value("Zeta")}});
  kg::RelId r = g.add_relationship(a, b, "INVESTS_IN", {{"amount", Value(5.0)}});
  CHECK_FALSE(g.find_property_key("never-used").has_value());

  auto founded = g.find_property_key("founded");
  REQUIRE(founded.has_value());
  CHECK(g.node_property(a, *founded)->as_int() == 2019);
  CHECK(g.node_property(b, *founded) == nullptr);
  auto amount = g.find_property_key("amount");
  REQUIRE(amount.has_value());
  CHECK(g.relationship_property(r, *amount)->as_float() == 5.0);
  // One key table for nodes and relationships: a node key read on a relationship is absent.
  CHECK(g.relationship_property(r, *founded) == nullptr);

  // Codes stay valid whatever happens to the values.
  g.set_node_property(b, "founded", Value(2001));
  g.set_node_property(a, "founded", Value());
  CHECK(g.find_property_key("founded") == founded);
  CHECK(g.node_property(a, *founded) == nullptr);
  CHECK(g.node_property(b, *founded)->as_int() == 2001);
  CHECK_THROWS_AS(g.node_property(99, *founded), kg::GraphError);
}

TEST_CASE("an entity's properties come back as a map in key order, without the removed ones") {
  PropertyGraph g;
  kg::NodeId a = g.add_node({}, {{"z", Value(1)}, {"a", Value("x")}, {"m", Value(List{Value(1)})}});
  g.set_node_property(a, "b", Value(2.5));
  g.set_node_property(a, "z", Value());
  Map expected{{"a", Value("x")}, {"b", Value(2.5)}, {"m", Value(List{Value(1)})}};
  CHECK(kg::identical(Value(g.node_properties(a)), Value(expected)));

  // A removed node's slots are cleared: a new node never sees them.
  g.remove_node(a);
  kg::NodeId b = g.add_node();
  CHECK(g.node_properties(b).empty());
}

TEST_CASE("a type's relationships stay one ascending array through removals and rollbacks") {
  PropertyGraph g;
  kg::NodeId a = g.add_node(), b = g.add_node();
  std::vector<kg::RelId> invests;
  for (int i = 0; i < 100; ++i) {
    invests.push_back(g.add_relationship(a, b, "INVESTS_IN"));
    g.add_relationship(b, a, "COMPETES_WITH");
  }
  auto of_type = [&](const char* type) {
    auto ids = g.relationships_of_type(type);
    return std::vector<kg::RelId>(ids.begin(), ids.end());
  };
  CHECK(of_type("INVESTS_IN") == invests);

  // Remove every other one, then undo: the undo re-adds them in reverse order.
  g.begin_journal();
  std::vector<kg::RelId> kept;
  for (std::size_t i = 0; i < invests.size(); ++i)
    if (i % 2 == 0) g.remove_relationship(invests[i]);
    else kept.push_back(invests[i]);
  CHECK(of_type("INVESTS_IN") == kept);
  CHECK(g.relationships_of_type("COMPETES_WITH").size() == 100);
  g.rollback_journal();
  CHECK(of_type("INVESTS_IN") == invests);

  // Removing all of a type empties it, and the type is no longer in use.
  for (kg::RelId r : invests) g.remove_relationship(r);
  CHECK(g.relationships_of_type("INVESTS_IN").empty());
  CHECK(g.all_relationship_types() == std::vector<std::string>{"COMPETES_WITH"});
  CHECK(g.relationships_of_type("NEVER_USED").empty());
}
