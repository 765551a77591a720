#include "graph/export/cypher_script.h"

#include <cmath>

#include "graph/json_value_writer.h"
#include "graph/export/property_columns.h"

namespace kg {

namespace {

std::string quoted_name(const std::string& name) {
  std::string out = "`";
  for (char c : name) out += c == '`' ? std::string("``") : std::string(1, c);
  return out + "`";
}

std::string float_literal(double d) {
  if (std::isnan(d)) return "0.0/0.0";
  if (std::isinf(d)) return d > 0 ? "1.0/0.0" : "-1.0/0.0";
  return format_float(d);
}

std::string literal(const Value& v) {
  if (v.is_float()) return float_literal(v.as_float());
  if (v.is_list()) {
    std::string out = "[";
    for (std::size_t i = 0; i < v.as_list().size(); ++i) out += (i ? ", " : "") + literal(v.as_list()[i]);
    return out + "]";
  }
  if (v.is_string()) return quote_string(v.as_string());
  if (v.is_int()) return std::to_string(v.as_int());
  if (v.is_bool()) return v.as_bool() ? "true" : "false";
  return "null";
}

// A property value as Neo4j and Memgraph can store it: scalars and lists of
// one scalar type as they are (integers among floats as floats), anything else
// as its JSON text.
std::string property_literal(const Value& value) {
  Map probe{{"v", value}};
  Column column = infer_columns({&probe}).front();
  if (column.type == ScalarType::String && !column.is_list && !value.is_string() && !value.is_temporal())
    return quote_string(to_json(value));
  return literal(column_value(value, column));
}

std::string properties(const Map& map, const std::string& extra = "") {
  std::string out;
  for (const auto& [key, value] : map)
    out += (out.empty() ? "" : ", ") + quoted_name(key) + ": " +
           property_literal(value);
  if (!extra.empty()) out += (out.empty() ? "" : ", ") + extra;
  return out.empty() ? "" : " {" + out + "}";
}

std::string labels(const PropertyGraph& graph, NodeId id) {
  std::string out;
  for (const std::string& l : graph.labels(id)) out += ":" + quoted_name(l);
  return out;
}

// The pattern that finds a node created by this script; `key` is quoted.
std::string node_pattern(const PropertyGraph& graph, const std::string& key, const std::string& variable, NodeId id) {
  return "(" + variable + labels(graph, id) + " {" + key + ": " + std::to_string(id) + "})";
}

// kScriptNodeKey, with '_' appended while a node of the graph has a property of
// that name (the script would overwrite it, then remove it).
std::string free_node_key(const PropertyGraph& graph) {
  std::string key = kScriptNodeKey;
  auto taken = [&] {
    for (NodeId id : graph.node_ids())
      if (graph.node_property(id, key)) return true;
    return false;
  };
  while (taken()) key += '_';
  return key;
}

}  // namespace

std::string to_cypher_script(const PropertyGraph& graph) {
  std::string key = quoted_name(free_node_key(graph));
  std::string out =
      "// Written by kg export --format cypher. Rebuilds the graph in an empty database:\n"
      "//   cypher-shell -f graph.cypher     mgconsole < graph.cypher     kg query -f graph.cypher --save g.json\n"
      "// For large graphs, first create an index on the temporary property " + key + ":\n"
      "//   Neo4j:    CREATE INDEX kg_import FOR (n:Label) ON (n." + key + ");  (one per label)\n"
      "//   Memgraph: CREATE INDEX ON :Label(" + key + ");\n";
  for (NodeId id : graph.node_ids())
    out += "CREATE (" + labels(graph, id) + properties(graph.node_properties(id), key + ": " + std::to_string(id)) +
           ");\n";
  for (RelId id : graph.relationship_ids())
    out += "MATCH " + node_pattern(graph, key, "a", graph.source(id)) + ", " +
           node_pattern(graph, key, "b", graph.target(id)) +
           " CREATE (a)-[:" + quoted_name(graph.type(id)) + properties(graph.relationship_properties(id)) +
           "]->(b);\n";
  out += "MATCH (n) WHERE n." + key + " IS NOT NULL REMOVE n." + key + ";\n";
  return out;
}

}  // namespace kg
