// Writes a graph whose names and values are built to break naive writers,
// as node-link JSON and as DOT, for the real-client checks in real_clients.sh.
#include <iostream>

#include "graph/dot_writer.h"
#include "graph/node_link_json.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: write_hostile_graph OUT.json OUT.dot\n";
    return 2;
  }
  kg::PropertyGraph g;
  kg::NodeId quote = g.add_node({"Organization"}, {{"name", kg::Value("Say \"hi\"\\n <b>&amp;</b>")},
                                                  {"aliases", kg::Value(kg::List{kg::Value("l’IA"), kg::Value("日本")})}});
  kg::NodeId lines = g.add_node({"Person", "Founder"}, {{"name", kg::Value("two\nlines\tand \x01 control")},
                                                       {"id", kg::Value(42)}});
  kg::NodeId plain = g.add_node({"Place"}, {{"name", kg::Value("États-Unis")}, {"score", kg::Value(1.0)}});
  g.add_relationship(quote, lines, "INVESTS_IN", {{"amount_min", kg::Value(1.5e9)}, {"currency", kg::Value("EUR")},
                                                   {"type", kg::Value("shadowed")}});
  g.add_relationship(quote, lines, "INVESTS_IN", {{"amount_max", kg::Value(std::int64_t{25000000000})}});
  g.add_relationship(lines, plain, "BASED_IN");
  kg::save_node_link(g, argv[1]);
  kg::write_file_atomically(argv[2], kg::to_dot(g));
  return 0;
}
