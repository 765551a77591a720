#include "graph/export/graphml_writer.h"

#include <cmath>

#include "graph/json_value_writer.h"
#include "graph/export/property_columns.h"

namespace kg {

namespace {

// Text escaped for XML content and attribute values.
std::string xml_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      case '\t': out += "&#9;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20)
          out += "\xef\xbf\xbd";  // U+FFFD
        else
          out += c;
    }
  }
  return out;
}

std::string graphml_type(const Column& c) {
  if (c.is_list) return "string";
  switch (c.type) {
    case ScalarType::Bool: return "boolean";
    case ScalarType::Int: return "long";
    case ScalarType::Float: return "double";
    case ScalarType::String: return "string";
  }
  return "string";
}

// The keys of one domain: their ids are prefix + index. A key is JSON when
// its values are lists, or of mixed types: every value is then JSON text.
struct Keys {
  std::string prefix;
  std::vector<Column> columns;
  std::vector<bool> json;
};

Keys make_keys(const std::string& prefix, const std::vector<const Map*>& maps) {
  Keys keys{prefix, infer_columns(maps), {}};
  for (const Column& c : keys.columns) {
    bool json = c.is_list;
    for (const Map* m : maps) {
      auto it = m->find(c.key);
      bool text = it == m->end() || it->second.is_string() || it->second.is_temporal();
      if (c.type == ScalarType::String && !text) json = true;
    }
    keys.json.push_back(json);
  }
  return keys;
}

// A property name as the schema's attr.name allows it (xs:NMTOKEN): ASCII
// letters, digits and . - _ : kept, anything else replaced by '_'.
std::string name_token(const std::string& name) {
  std::string out;
  for (char c : name) {
    bool kept = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                c == '-' || c == '_' || c == ':';
    out += kept ? c : '_';
  }
  return out.empty() ? "_" : out;
}

std::string key_elements(const Keys& keys, const std::string& domain) {
  std::string out;
  for (std::size_t i = 0; i < keys.columns.size(); ++i) {
    const Column& c = keys.columns[i];
    std::string token = name_token(c.key);
    Map desc;
    if (token != c.key) desc.emplace("name", c.key);
    if (keys.json[i]) desc.emplace("json", true);
    out += "  <key id=\"" + keys.prefix + std::to_string(i) + "\" for=\"" + domain + "\" attr.name=\"" + token +
           "\" attr.type=\"" + graphml_type(c) + "\"" +
           (desc.empty() ? "/>\n" : "><desc>" + xml_escape(to_json(Value(std::move(desc)))) + "</desc></key>\n");
  }
  return out;
}

std::string value_text(const Value& raw, const Column& c, bool json) {
  if (json) return to_json(raw);
  Value v = column_value(raw, c);
  if (v.is_float() && !std::isfinite(v.as_float()))
    return std::isnan(v.as_float()) ? "NaN" : v.as_float() > 0 ? "INF" : "-INF";
  return scalar_text(v);
}

std::string data_elements(const Map& properties, const Keys& keys, const std::string& indent) {
  std::string out;
  for (std::size_t i = 0; i < keys.columns.size(); ++i) {
    auto it = properties.find(keys.columns[i].key);
    if (it == properties.end()) continue;
    out += indent + "<data key=\"" + keys.prefix + std::to_string(i) + "\">" +
           xml_escape(value_text(it->second, keys.columns[i], keys.json[i])) + "</data>\n";
  }
  return out;
}

}  // namespace

std::string to_graphml(const PropertyGraph& graph) {
  std::vector<Map> node_properties, edge_properties;
  for (NodeId id : graph.node_ids()) node_properties.push_back(graph.node_properties(id));
  for (RelId id : graph.relationship_ids()) edge_properties.push_back(graph.relationship_properties(id));
  Keys graph_keys = make_keys("g", {&graph.graph_attributes()});
  Keys node_keys = make_keys("n", pointers_to(node_properties));
  Keys edge_keys = make_keys("e", pointers_to(edge_properties));

  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
      "  <key id=\"labels\" for=\"node\" attr.name=\"labels\" attr.type=\"string\"/>\n"
      "  <key id=\"type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n";
  out += key_elements(graph_keys, "graph") + key_elements(node_keys, "node") + key_elements(edge_keys, "edge");
  out += "  <graph id=\"G\" edgedefault=\"directed\">\n";
  out += data_elements(graph.graph_attributes(), graph_keys, "    ");
  for (NodeId id : graph.node_ids()) {
    std::string labels;
    for (const std::string& l : graph.labels(id)) labels += ":" + l;
    out += "    <node id=\"n" + std::to_string(id) + "\">\n";
    if (!labels.empty()) out += "      <data key=\"labels\">" + xml_escape(labels) + "</data>\n";
    out += data_elements(graph.node_properties(id), node_keys, "      ") + "    </node>\n";
  }
  for (RelId id : graph.relationship_ids()) {
    out += "    <edge id=\"e" + std::to_string(id) + "\" source=\"n" + std::to_string(graph.source(id)) +
           "\" target=\"n" + std::to_string(graph.target(id)) + "\">\n";
    out += "      <data key=\"type\">" + xml_escape(graph.type(id)) + "</data>\n";
    out += data_elements(graph.relationship_properties(id), edge_keys, "      ") + "    </edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

}  // namespace kg
