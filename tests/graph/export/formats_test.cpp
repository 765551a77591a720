#include <doctest/doctest.h>

#include "graph/export/cypher_script.h"
#include "graph/export/cytoscape.h"
#include "graph/export/graphml_writer.h"
#include "graph/export/kuzu.h"
#include "graph/export/neo4j_csv.h"

using kg::List;
using kg::Map;
using kg::Value;

namespace {

// Two organizations, one with a hostile name, and an investment between them.
kg::PropertyGraph small_graph() {
  kg::PropertyGraph g;
  kg::NodeId a = g.add_node({"Organization"}, {{"name", "Fund, \"One\"\n<&>"}, {"aliases", Value(List{Value("F1")})}});
  kg::NodeId b = g.add_node({"Organization"}, {{"name", "Lab"}, {"aliases", Value(List{})}});
  g.add_relationship(a, b, "INVESTS_IN", {{"amount_min", 1.5e9}});
  return g;
}

const kg::ExportFile& file_named(const std::vector<kg::ExportFile>& files, const std::string& name) {
  for (const kg::ExportFile& f : files)
    if (f.name == name) return f;
  FAIL("no file " << name);
  return files.front();
}

}  // namespace

TEST_CASE("neo4j-csv: a typed header per file and the import command naming every file") {
  auto files = kg::to_neo4j_csv(small_graph());
  REQUIRE(files.size() == 2);
  CHECK(file_named(files, "nodes_Organization.csv").contents ==
        ":ID,:LABEL,aliases:string[],name:string\n"
        "n0,Organization,F1,\"Fund, \"\"One\"\"\n<&>\"\n"
        "n1,Organization,\"\",Lab\n");
  CHECK(file_named(files, "relationships_INVESTS_IN.csv").contents ==
        ":START_ID,:END_ID,:TYPE,amount_min:double\nn0,n1,INVESTS_IN,1.5e+09\n");
  std::string command = kg::neo4j_import_command(files, "/data/out");
  CHECK(command.find("neo4j-admin database import full") == 0);
  CHECK(command.find("--nodes='/data/out/nodes_Organization.csv'") != std::string::npos);
  CHECK(command.find("--relationships='/data/out/relationships_INVESTS_IN.csv'") != std::string::npos);
}

TEST_CASE("cypher: backquoted names, escaped strings, endpoints found by a temporary key") {
  std::string script = kg::to_cypher_script(small_graph());
  CHECK(script.find("CREATE (:`Organization` {`aliases`: ['F1'], `name`: 'Fund, \"One\"\\n<&>', "
                    "`_kg_import_id`: 0});") != std::string::npos);
  CHECK(script.find("MATCH (a:`Organization` {`_kg_import_id`: 0}), (b:`Organization` {`_kg_import_id`: 1}) "
                    "CREATE (a)-[:`INVESTS_IN` {`amount_min`: 1.5e+09}]->(b);") != std::string::npos);
  CHECK(script.find("REMOVE n.`_kg_import_id`;") != std::string::npos);
}

TEST_CASE("cypher: a node property named like the temporary key is kept, the key takes another name") {
  kg::PropertyGraph g;
  kg::NodeId a = g.add_node({"A"}, {{"_kg_import_id", kg::Value("mine")}});
  g.add_relationship(a, g.add_node({}), "T");
  std::string script = kg::to_cypher_script(g);
  CHECK(script.find("CREATE (:`A` {`_kg_import_id`: 'mine', `_kg_import_id_`: 0});") != std::string::npos);
  CHECK(script.find("REMOVE n.`_kg_import_id_`;") != std::string::npos);
}

TEST_CASE("kuzu: node and relationship tables, CSV files and COPY statements") {
  auto files = kg::to_kuzu(small_graph(), "/data/kuzu");
  CHECK(file_named(files, "schema.cypher").contents.find(
            "CREATE NODE TABLE `Organization`(`kg_id` INT64 PRIMARY KEY, `aliases` STRING[], `name` STRING);") !=
        std::string::npos);
  CHECK(file_named(files, "schema.cypher").contents.find(
            "CREATE REL TABLE `INVESTS_IN`(FROM `Organization` TO `Organization`, `amount_min` DOUBLE);") !=
        std::string::npos);
  CHECK(file_named(files, "nodes_Organization.csv").contents == "kg_id,aliases,name\n0,F1|,\"Fund, \"\"One\"\"\n<&>\"\n1,|,Lab\n");
  CHECK(file_named(files, "copy.cypher").contents.find("'/data/kuzu/nodes_Organization.csv'") != std::string::npos);
}

TEST_CASE("graphml: typed keys, name tokens, escaped text, lists as JSON") {
  kg::PropertyGraph g = small_graph();
  g.set_node_property(0, "odd key", 1);
  std::string xml = kg::to_graphml(g);
  CHECK(xml.find("attr.name=\"amount_min\" attr.type=\"double\"/>") != std::string::npos);
  CHECK(xml.find("attr.name=\"aliases\" attr.type=\"string\"><desc>{&quot;json&quot;:true}</desc>") !=
        std::string::npos);
  CHECK(xml.find("attr.name=\"odd_key\" attr.type=\"long\"><desc>{&quot;name&quot;:&quot;odd key&quot;}</desc>") !=
        std::string::npos);
  CHECK(xml.find("Fund, &quot;One&quot;&#10;&lt;&amp;&gt;") != std::string::npos);
  CHECK(xml.find("<data key=\"labels\">:Organization</data>") != std::string::npos);
}

TEST_CASE("cytoscape: elements with data, a reserved property name moved under properties") {
  kg::PropertyGraph g;
  g.add_node({"Person"}, {{"name", "Ada"}, {"id", 7}});
  std::string json = kg::to_cytoscape(g);
  CHECK(json.find("{\"data\": {\"id\":\"n0\",\"labels\":[\"Person\"],\"name\":\"Ada\",\"properties\":{\"id\":7}}, "
                  "\"classes\": \"Person\"}") != std::string::npos);
}

TEST_CASE("temporal properties export as their ISO 8601 text in every format") {
  kg::PropertyGraph g;
  Value published(kg::make_date(kg::days_from_civil(2024, 3, 9)));
  g.add_node({"Article"}, {{"published", published}, {"seen", Value(List{published})}});
  CHECK(file_named(kg::to_neo4j_csv(g), "nodes_Article.csv").contents ==
        ":ID,:LABEL,published:string,seen:string[]\nn0,Article,2024-03-09,2024-03-09\n");
  CHECK(kg::to_cypher_script(g).find("`published`: '2024-03-09', `seen`: ['2024-03-09']") != std::string::npos);
  CHECK(kg::to_graphml(g).find(">2024-03-09<") != std::string::npos);
}
