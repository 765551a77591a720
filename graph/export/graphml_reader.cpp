#include "graph/export/graphml_reader.h"

#include <charconv>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include "graph/json_value_reader.h"
#include "graph/text_fold.h"

namespace kg {

namespace {

using Tree = boost::property_tree::ptree;

// An element's name without its namespace prefix: gml:node -> node.
std::string_view local_name(const std::string& tag) {
  std::string_view name = tag;
  std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string attribute(const Tree& element, const char* name) {
  auto attributes = element.get_child_optional("<xmlattr>");
  if (!attributes) return "";
  auto it = attributes->find(name);  // not a path: attribute names hold dots (attr.name)
  return it == attributes->not_found() ? "" : it->second.data();
}

// One <key>: what its values mean.
struct Key {
  std::string domain;  // graph, node, edge or all
  std::string name;    // attr.name (the id when absent)
  std::string type;    // attr.type, string when absent
  bool json = false;   // values are JSON text (lists, maps)
  std::optional<std::string> default_text;
};

// Deeper element nesting than this is refused before parsing: Boost's XML
// parser recurses once per level, and GraphML needs four.
constexpr int kMaxElementDepth = 256;

// Whether elements in `xml` nest deeper than `limit`. Skips comments, CDATA,
// declarations and processing instructions, and quoted attribute values.
bool nests_deeper_than(std::string_view xml, int limit) {
  int depth = 0;
  std::size_t i = 0;
  auto skip_past = [&](std::string_view end) {
    std::size_t at = xml.find(end, i);
    i = at == std::string_view::npos ? xml.size() : at + end.size();
  };
  while ((i = xml.find('<', i)) != std::string_view::npos) {
    std::string_view rest = xml.substr(i);
    if (rest.substr(0, 4) == "<!--") {
      skip_past("-->");
    } else if (rest.substr(0, 9) == "<![CDATA[") {
      skip_past("]]>");
    } else if (rest.substr(0, 2) == "<?") {
      skip_past("?>");
    } else if (rest.substr(0, 2) == "<!") {
      skip_past(">");
    } else if (rest.substr(0, 2) == "</") {
      --depth;
      skip_past(">");
    } else {
      char quote = 0;
      std::size_t j = i + 1;
      for (; j < xml.size() && (quote || xml[j] != '>'); ++j)
        if (xml[j] == '"' || xml[j] == '\'') quote = quote == xml[j] ? 0 : (quote ? quote : xml[j]);
      if (j >= xml.size() || xml[j - 1] != '/') {
        if (++depth > limit) return true;
      }
      i = j;
    }
  }
  return false;
}

class GraphmlReader {
 public:
  explicit GraphmlReader(const std::string& source) : source_(source) {}

  PropertyGraph read(std::string_view xml) {
    std::size_t bad = 0;
    if (!valid_utf8(xml, &bad)) fail("invalid UTF-8 at byte " + std::to_string(bad));
    if (nests_deeper_than(xml, kMaxElementDepth))
      fail("elements nested deeper than " + std::to_string(kMaxElementDepth) + " levels");
    Tree tree;
    try {
      std::istringstream in{std::string(xml)};
      boost::property_tree::read_xml(in, tree);
    } catch (const boost::property_tree::xml_parser_error& e) {
      throw LoadError(source_ + ":" + std::to_string(e.line()) + ": " + e.message());
    }
    const Tree* root = nullptr;
    for (const auto& [tag, child] : tree)
      if (local_name(tag) == "graphml") root = &child;
    if (!root) fail("no <graphml> element");
    for (const auto& [tag, child] : *root)
      if (local_name(tag) == "key") read_key(child);
    for (const auto& [tag, child] : *root)
      if (local_name(tag) == "graph") return read_graph(child);
    fail("no <graph> element");
  }

 private:
  [[noreturn]] void fail(const std::string& message) const { throw LoadError(source_ + ": " + message); }

  // kg's <desc> of a key, {"name": "exact name", "json": true}; any other
  // description is left alone.
  static void read_kg_desc(const std::string& text, Key& key) {
    if (text.empty() || text.front() != '{') return;
    Value desc;
    try {
      desc = parse_json_value(text);
    } catch (const std::exception&) {
      return;
    }
    if (!desc.is_map()) return;
    if (auto it = desc.as_map().find("name"); it != desc.as_map().end() && it->second.is_string())
      key.name = it->second.as_string();
    if (auto it = desc.as_map().find("json"); it != desc.as_map().end() && it->second.is_bool())
      key.json = it->second.as_bool();
  }

  void read_key(const Tree& element) {
    Key key;
    key.domain = attribute(element, "for");
    key.name = attribute(element, "attr.name");
    key.type = attribute(element, "attr.type");
    if (key.name.empty()) key.name = attribute(element, "id");
    if (key.type.empty()) key.type = "string";
    for (const auto& [tag, child] : element) {
      if (local_name(tag) == "desc") read_kg_desc(child.data(), key);
      if (local_name(tag) == "default") key.default_text = child.data();
    }
    keys_[attribute(element, "id")] = key;
  }

  Value convert(const std::string& text, const Key& key, const std::string& where) const {
    auto bad = [&] { fail(where + ": \"" + text + "\" is not a " + key.type + " (key " + key.name + ")"); };
    if (key.json) {
      try {
        return parse_json_value(text);
      } catch (const std::exception&) {
        bad();
      }
    }
    if (key.type == "boolean") {
      std::string lower;
      for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower == "true" || lower == "1") return Value(true);
      if (lower == "false" || lower == "0") return Value(false);
      bad();
    }
    if (key.type == "int" || key.type == "long") {
      std::int64_t n = 0;
      auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
      if (error != std::errc() || end != text.data() + text.size()) bad();
      return Value(n);
    }
    if (key.type == "float" || key.type == "double") {
      char* end = nullptr;
      double d = std::strtod(text.c_str(), &end);
      if (text.empty() || end != text.c_str() + text.size()) bad();
      return Value(d);
    }
    return Value(text);
  }

  // The <data> of an element, plus the defaults of keys of `domain` it lacks.
  Map read_data(const Tree& element, const std::string& domain, const std::string& where) const {
    Map properties;
    for (const auto& [tag, child] : element) {
      if (local_name(tag) != "data") continue;
      auto it = keys_.find(attribute(child, "key"));
      if (it == keys_.end()) fail(where + ": <data> of undeclared key \"" + attribute(child, "key") + "\"");
      properties.insert_or_assign(it->second.name, convert(child.data(), it->second, where));
    }
    for (const auto& [id, key] : keys_)
      if ((key.domain == domain || key.domain == "all") && key.default_text && !properties.count(key.name))
        properties.emplace(key.name, convert(*key.default_text, key, where));
    return properties;
  }

  PropertyGraph read_graph(const Tree& element) {
    PropertyGraph graph;
    graph.set_graph_attributes(read_data(element, "graph", "<graph>"));
    std::map<std::string, NodeId> nodes;
    for (const auto& [tag, child] : element) {
      if (local_name(tag) != "node") continue;
      std::string id = attribute(child, "id");
      std::string where = "node \"" + id + "\"";
      if (nodes.count(id)) fail("duplicate " + where);
      Map properties = read_data(child, "node", where);
      std::vector<std::string> labels;
      if (auto it = properties.find("labels"); it != properties.end() && it->second.is_string()) {
        std::string text = it->second.as_string();
        for (std::size_t start = 0; start <= text.size();) {
          std::size_t colon = std::min(text.find(':', start), text.size());
          if (colon > start) labels.push_back(text.substr(start, colon - start));
          start = colon + 1;
        }
        properties.erase(it);
      }
      NodeId node = graph.add_node(std::move(labels), std::move(properties));
      graph.set_file_key(node, Value(id));
      nodes.emplace(id, node);
    }
    for (const auto& [tag, child] : element) {
      if (local_name(tag) != "edge") continue;
      std::string where = "edge \"" + attribute(child, "source") + "\" -> \"" + attribute(child, "target") + "\"";
      auto source = nodes.find(attribute(child, "source"));
      auto target = nodes.find(attribute(child, "target"));
      if (source == nodes.end() || target == nodes.end()) fail(where + ": unknown node");
      Map properties = read_data(child, "edge", where);
      std::string type = "RELATED";
      for (const char* name : {"type", "label"})
        if (auto it = properties.find(name); it != properties.end() && it->second.is_string() &&
                                             !it->second.as_string().empty() && type == "RELATED") {
          type = it->second.as_string();
          properties.erase(it);
        }
      graph.add_relationship(source->second, target->second, std::move(type), std::move(properties));
    }
    return graph;
  }

  std::string source_;
  std::map<std::string, Key> keys_;
};

}  // namespace

PropertyGraph parse_graphml(std::string_view xml, const std::string& source_name) {
  return GraphmlReader(source_name).read(xml);
}

PropertyGraph load_graphml(const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) throw LoadError(path + ": is a directory, not a graph file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw LoadError(path + ": cannot open: " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  return parse_graphml(text.str(), path);
}

}  // namespace kg
