// Writes one deterministic knowledge graph twice: as kg's node-link JSON and as
// Kùzu's schema plus CSV files, so that both engines hold exactly the same data.
//   query_vs_kuzu_make_graph RELATIONSHIPS OUT_DIR
// writes OUT_DIR/graph.json, OUT_DIR/schema.cypher (CREATE ... TABLE and COPY
// statements, with paths relative to OUT_DIR) and OUT_DIR/*.csv.
//
// The graph: RELATIONSHIPS / 5 nodes, 60% :Organization, 30% :Person, 10% :Place,
// and RELATIONSHIPS typed relationships with evidence properties. Sources are
// uniform and targets skewed towards low numbers (a few hubs, a long tail), as
// in graphs extracted from news. Each relationship type joins one pair of
// labels, so each maps to one Kùzu relationship table.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "graph/node_link_json.h"
#include "graph/property_graph.h"

namespace {

enum Label { kOrganization, kPerson, kPlace };
const char* const kLabelNames[] = {"Organization", "Person", "Place"};

struct RelType {
  const char* name;
  Label from, to;
  int percent;  // share of all relationships
};
const RelType kRelTypes[] = {
    {"INVESTS_IN", kOrganization, kOrganization, 30}, {"WORKS_FOR", kPerson, kOrganization, 25},
    {"COMPETES_WITH", kOrganization, kOrganization, 15}, {"BASED_IN", kOrganization, kPlace, 15},
    {"FOUNDED", kPerson, kOrganization, 10},           {"PART_OF", kOrganization, kOrganization, 5},
};
const char* const kIndustries[] = {"software", "biotech", "energy", "finance", "retail",
                                   "media",    "mobility", "robotics", "semiconductors", "space"};

// Only raw mt19937_64 output is used: its sequence is fixed by the standard,
// unlike std::uniform_*_distribution, so every platform builds the same graph.
class Random {
 public:
  std::uint64_t below(std::uint64_t n) { return engine_() % n; }
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  // Skewed towards 0: P(result < k) = sqrt(k / n).
  std::uint64_t skewed(std::uint64_t n) {
    double u = unit();
    return static_cast<std::uint64_t>(u * u * static_cast<double>(n));
  }

 private:
  std::mt19937_64 engine_{42};
};

struct Node {
  Label label;
  std::string name;
  std::string text;   // industry (Organization), country (Place), unused (Person)
  std::int64_t year;  // founded (Organization), born (Person), unused (Place)
};

struct Rel {
  std::size_t type;  // index in kRelTypes
  std::size_t source, target;  // indexes in the node vector
  std::string document;
  std::int64_t sentence;
  double amount;      // INVESTS_IN only
  std::int64_t year;  // INVESTS_IN (round year) and WORKS_FOR (since) only
};

struct Graph {
  std::vector<Node> nodes;
  std::vector<std::size_t> first_of_label, count_of_label;  // nodes are grouped by label
  std::vector<Rel> rels;
};

Graph generate(std::size_t relationships) {
  Random random;
  Graph g;
  std::size_t total = std::max<std::size_t>(relationships / 5, 10);
  std::size_t counts[] = {total * 6 / 10, total * 3 / 10, total - total * 6 / 10 - total * 3 / 10};
  const char* prefixes[] = {"Company ", "Person ", "City "};
  for (int label = 0; label < 3; ++label) {
    g.first_of_label.push_back(g.nodes.size());
    g.count_of_label.push_back(counts[label]);
    for (std::size_t i = 0; i < counts[label]; ++i) {
      Node node{static_cast<Label>(label), prefixes[label] + std::to_string(i), "", 0};
      if (label == kOrganization) {
        node.text = kIndustries[random.below(10)];
        node.year = 1950 + static_cast<std::int64_t>(random.below(75));
      } else if (label == kPerson) {
        node.year = 1940 + static_cast<std::int64_t>(random.below(65));
      } else {
        node.text = "Country " + std::to_string(random.below(50));
      }
      g.nodes.push_back(std::move(node));
    }
  }
  for (std::size_t i = 0; i < relationships; ++i) {
    std::size_t type = 0;
    for (int pick = static_cast<int>(random.below(100)); pick >= kRelTypes[type].percent; ++type)
      pick -= kRelTypes[type].percent;
    const RelType& t = kRelTypes[type];
    std::size_t source = random.below(counts[t.from]);
    std::size_t target = random.skewed(counts[t.to]);
    if (t.from == t.to && source == target) target = (target + 1) % counts[t.to];  // no self-loops
    Rel rel{type, g.first_of_label[t.from] + source, g.first_of_label[t.to] + target,
            "doc-" + std::to_string(random.below(relationships / 20 + 1)),
            static_cast<std::int64_t>(random.below(40)), 0, 0};
    if (type == 0) {
      rel.amount = static_cast<double>(1 + random.below(1000)) * 1e6;
      rel.year = 2000 + static_cast<std::int64_t>(random.below(25));
    } else if (type == 1) {
      rel.year = 1970 + static_cast<std::int64_t>(random.below(55));
    }
    g.rels.push_back(std::move(rel));
  }
  return g;
}

void write_node_link(const Graph& g, const std::string& path) {
  kg::PropertyGraph graph;
  std::vector<kg::NodeId> ids;
  for (const Node& n : g.nodes) {
    kg::Map properties{{"name", kg::Value(n.name)}};
    if (n.label == kOrganization) {
      properties.emplace("industry", kg::Value(n.text));
      properties.emplace("founded", kg::Value(n.year));
    } else if (n.label == kPerson) {
      properties.emplace("born", kg::Value(n.year));
    } else {
      properties.emplace("country", kg::Value(n.text));
    }
    ids.push_back(graph.add_node({kLabelNames[n.label]}, std::move(properties)));
  }
  for (const Rel& r : g.rels) {
    kg::Map properties{{"document", kg::Value(r.document)}, {"sentence", kg::Value(r.sentence)}};
    if (r.type == 0) {
      properties.emplace("amount", kg::Value(r.amount));
      properties.emplace("year", kg::Value(r.year));
    } else if (r.type == 1) {
      properties.emplace("since", kg::Value(r.year));
    }
    graph.add_relationship(ids[r.source], ids[r.target], kRelTypes[r.type].name, std::move(properties));
  }
  kg::save_node_link(graph, path);
}

// Names and documents hold only letters, digits, spaces and '-': no CSV quoting needed.
void write_kuzu(const Graph& g, const std::filesystem::path& dir) {
  std::ofstream schema(dir / "schema.cypher");
  schema << "CREATE NODE TABLE Organization(name STRING PRIMARY KEY, industry STRING, founded INT64);\n"
            "CREATE NODE TABLE Person(name STRING PRIMARY KEY, born INT64);\n"
            "CREATE NODE TABLE Place(name STRING PRIMARY KEY, country STRING);\n";
  for (int label = 0; label < 3; ++label) {
    std::ofstream csv(dir / (std::string(kLabelNames[label]) + ".csv"));
    for (std::size_t i = 0; i < g.count_of_label[label]; ++i) {
      const Node& n = g.nodes[g.first_of_label[label] + i];
      csv << n.name;
      if (label == kOrganization) csv << ',' << n.text << ',' << n.year;
      if (label == kPerson) csv << ',' << n.year;
      if (label == kPlace) csv << ',' << n.text;
      csv << '\n';
    }
  }
  std::vector<std::ofstream> rel_csv;
  for (std::size_t type = 0; type < std::size(kRelTypes); ++type) {
    const RelType& t = kRelTypes[type];
    schema << "CREATE REL TABLE " << t.name << "(FROM " << kLabelNames[t.from] << " TO " << kLabelNames[t.to]
           << ", document STRING, sentence INT64" << (type == 0 ? ", amount DOUBLE, year INT64" : "")
           << (type == 1 ? ", since INT64" : "") << ");\n";
    rel_csv.emplace_back(dir / (std::string(t.name) + ".csv"));
  }
  for (int label = 0; label < 3; ++label)
    schema << "COPY " << kLabelNames[label] << " FROM '" << kLabelNames[label] << ".csv' (header=false);\n";
  for (const RelType& t : kRelTypes) schema << "COPY " << t.name << " FROM '" << t.name << ".csv' (header=false);\n";
  for (const Rel& r : g.rels) {
    std::ofstream& csv = rel_csv[r.type];
    csv << g.nodes[r.source].name << ',' << g.nodes[r.target].name << ',' << r.document << ',' << r.sentence;
    if (r.type == 0) csv << ',' << static_cast<std::int64_t>(r.amount) << ".0," << r.year;
    if (r.type == 1) csv << ',' << r.year;
    csv << '\n';
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: query_vs_kuzu_make_graph RELATIONSHIPS OUT_DIR\n";
    return 2;
  }
  std::size_t relationships = std::strtoull(argv[1], nullptr, 10);
  std::filesystem::path dir = argv[2];
  std::filesystem::create_directories(dir);
  Graph graph = generate(relationships);
  write_node_link(graph, (dir / "graph.json").string());
  write_kuzu(graph, dir);
  std::cout << graph.nodes.size() << " nodes, " << graph.rels.size() << " relationships in " << dir.string()
            << "\n";
  return 0;
}
