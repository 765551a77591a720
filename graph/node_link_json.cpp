#include "graph/node_link_json.h"

#include "graph/json_value_reader.h"
#include "graph/node_link_writer.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <unordered_map>

namespace kg {

namespace {

// Deeper values than this are refused rather than risking the stack.
constexpr int kMaxDepth = 256;

std::string describe_key(const Value& key) {
  return key.is_string() ? "\"" + key.as_string() + "\"" : std::to_string(key.as_int());
}

// Where an error is: "node 3", "link 0".
struct Place {
  const char* kind;
  std::size_t index;
  std::string describe() const { return std::string(kind) + " " + std::to_string(index); }
};

const Value* member(const Map& object, std::string_view key) {
  auto it = object.find(key);
  return it == object.end() ? nullptr : &it->second;
}

class Reader {
 public:
  Reader(std::string_view text, const std::string& source) : text_(text), source_(source) {}

  PropertyGraph read() {
    Value top;
    try {
      top = parse_json_value(text_, kMaxDepth);
    } catch (const JsonSyntaxError& e) {
      throw LoadError(source_ + ":" + line_column(text_, e.offset()) + ": " + e.what());
    }
    if (!top.is_map()) fail("the top level must be a JSON object");
    Map doc = top.take_map();
    for (const char* flag : {"directed", "multigraph"})
      if (const Value* v = member(doc, flag); v && !v->is_bool()) fail(std::string("\"") + flag + "\" must be a boolean");

    PropertyGraph graph;
    if (auto it = doc.find("graph"); it != doc.end()) {
      if (!it->second.is_map()) fail("\"graph\" must be an object");
      graph.set_graph_attributes(it->second.take_map());
    }
    auto nodes = doc.find("nodes");
    if (nodes == doc.end() || !nodes->second.is_list()) fail("\"nodes\" must be an array");
    if (doc.count("links") && doc.count("edges")) fail("both \"links\" and \"edges\" are present");
    auto links = doc.find(doc.count("links") ? "links" : "edges");
    if (links != doc.end() && !links->second.is_list()) fail("\"" + links->first + "\" must be an array");

    graph.reserve(nodes->second.as_list().size(), links == doc.end() ? 0 : links->second.as_list().size());
    read_nodes(nodes->second.take_list(), graph);
    if (links != doc.end()) read_links(links->second.take_list(), graph);
    return graph;
  }

 private:
  [[noreturn]] void fail(const std::string& message) const { throw LoadError(source_ + ": " + message); }
  [[noreturn]] void fail(const Place& place, const std::string& message) const { fail(place.describe() + ": " + message); }

  // Removes `key` from the object and returns its value (null when absent).
  static Value take(Map& object, std::string_view key) {
    auto it = object.find(key);
    if (it == object.end()) return Value();
    Value v = std::move(it->second);
    object.erase(it);
    return v;
  }

  // A node or link key: a string or an integer.
  const Value& check_key(const Value& v, const Place& place, const char* field) const {
    if (!v.is_string() && !v.is_int()) fail(place, std::string("\"") + field + "\" must be a string or an integer");
    return v;
  }

  // What is left of a node or link object once its own keys are taken out
  // are its properties, plus the members of its "properties" object.
  Map take_properties(Map& object, const Place& place) const {
    Value escaped = take(object, "properties");
    if (!escaped.is_null()) {
      if (!escaped.is_map()) fail(place, "\"properties\" must be an object");
      for (auto& [key, value] : escaped.take_map()) object.insert_or_assign(key, std::move(value));
    }
    return std::move(object);
  }

  // The id a file key asks for: n<digits> or a non-negative integer, if small enough.
  static std::optional<std::uint64_t> wanted_id(const Value& key, std::size_t count) {
    std::uint64_t bound = 4 * static_cast<std::uint64_t>(count) + 1024;
    std::uint64_t id = 0;
    if (key.is_int()) {
      if (key.as_int() < 0) return std::nullopt;
      id = static_cast<std::uint64_t>(key.as_int());
    } else {
      std::string_view s = key.as_string();
      if (s.size() < 2 || s.size() > 12 || s[0] != 'n' || (s.size() > 2 && s[1] == '0')) return std::nullopt;
      for (char c : s.substr(1)) {
        if (c < '0' || c > '9') return std::nullopt;
        id = id * 10 + static_cast<std::uint64_t>(c - '0');
      }
    }
    return id < bound ? std::optional(id) : std::nullopt;
  }

  // True when the key is the one kg writes for `id` anyway ("n<id>").
  static bool is_default_key(const Value& key, std::uint64_t id) {
    if (!key.is_string()) return false;
    std::string_view s = key.as_string();
    return s.size() > 1 && s[0] == 'n' && s.substr(1) == std::to_string(id);
  }

  std::optional<NodeId> find_node(const Value& key) const {
    if (key.is_string()) {
      auto it = string_keys_.find(key.as_string());
      if (it != string_keys_.end()) return it->second;
    } else {
      auto it = integer_keys_.find(key.as_int());
      if (it != integer_keys_.end()) return it->second;
    }
    return std::nullopt;
  }

  void read_nodes(List nodes, PropertyGraph& graph) {
    struct Pending {
      std::vector<std::string> labels;
      Map properties;
    };
    std::vector<Pending> pending;
    pending.reserve(nodes.size());
    // Reserved up front: string_keys_ points into the keys, which must not move.
    node_keys_.reserve(nodes.size());
    string_keys_.reserve(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      Place place{"node", i};
      if (!nodes[i].is_map()) fail(place, "must be an object");
      Map node = nodes[i].take_map();
      Value key = take(node, "id");
      if (key.is_null()) fail(place, "missing \"id\"");
      check_key(key, place, "id");
      std::vector<std::string> labels;
      Value label_list = take(node, "labels");
      if (!label_list.is_null()) {
        auto bad_labels = [&] {
          fail(place.describe() + " (id " + describe_key(key) + "): \"labels\" must be an array of strings");
        };
        if (!label_list.is_list()) bad_labels();
        for (const Value& l : label_list.as_list()) {
          if (!l.is_string()) bad_labels();
          labels.push_back(l.as_string());
        }
      }
      node_keys_.push_back(std::move(key));
      pending.push_back(Pending{std::move(labels), take_properties(node, place)});
    }

    std::vector<std::optional<std::uint64_t>> ids(pending.size());
    std::vector<bool> taken(4 * pending.size() + 1024, false);
    for (std::size_t i = 0; i < pending.size(); ++i) {
      const Value& key = node_keys_[i];
      bool fresh = key.is_string() ? string_keys_.emplace(key.as_string(), 0).second
                                   : integer_keys_.emplace(key.as_int(), 0).second;
      if (!fresh) fail(Place{"node", i}, "duplicate id " + describe_key(key));
      ids[i] = wanted_id(key, pending.size());
      if (ids[i] && taken[*ids[i]]) ids[i].reset();
      if (ids[i]) taken[*ids[i]] = true;
    }
    std::uint64_t next = 0;
    for (std::size_t i = 0; i < pending.size(); ++i) {
      if (!ids[i]) {
        while (taken[next]) ++next;
        ids[i] = next;
        taken[next] = true;
      }
      const Value& key = node_keys_[i];
      graph.add_node_with_id(*ids[i], std::move(pending[i].labels), std::move(pending[i].properties));
      if (!is_default_key(key, *ids[i])) graph.set_file_key(*ids[i], key);
      (key.is_string() ? string_keys_[key.as_string()] : integer_keys_[key.as_int()]) = *ids[i];
    }
  }

  void read_links(List links, PropertyGraph& graph) {
    struct Pending {
      NodeId source = 0, target = 0;
      std::string type = "RELATED";
      Map properties;
      std::optional<std::uint64_t> id;
    };
    std::vector<Pending> pending;
    pending.reserve(links.size());
    std::vector<bool> taken(4 * links.size() + 1024, false);
    for (std::size_t i = 0; i < links.size(); ++i) {
      Place place{"link", i};
      if (!links[i].is_map()) fail(place, "must be an object");
      Map link = links[i].take_map();
      Pending p;
      for (const char* field : {"source", "target"}) {
        Value v = take(link, field);
        if (v.is_null()) fail(place, std::string("missing \"") + field + "\"");
        std::optional<NodeId> node = find_node(check_key(v, place, field));
        if (!node) fail(place, std::string("\"") + field + "\" " + describe_key(v) + " is not a node id");
        (field[0] == 's' ? p.source : p.target) = *node;
      }
      if (Value type = take(link, "type"); !type.is_null()) {
        if (!type.is_string() || type.as_string().empty()) fail(place, "\"type\" must be a non-empty string");
        p.type = type.as_string();
      }
      if (Value key = take(link, "key"); !key.is_null() && !key.is_int() && !key.is_string())
        fail(place, "\"key\" must be an integer or a string");
      if (Value id = take(link, "id"); !id.is_null()) {
        if (!id.is_int() || id.as_int() < 0) fail(place, "\"id\" must be a non-negative integer");
        auto wanted = static_cast<std::uint64_t>(id.as_int());
        if (wanted < taken.size() && !taken[wanted]) {
          taken[wanted] = true;
          p.id = wanted;
        }
      }
      p.properties = take_properties(link, place);
      pending.push_back(std::move(p));
    }
    std::uint64_t next = 0;
    for (Pending& p : pending) {
      if (!p.id) {
        while (taken[next]) ++next;
        p.id = next;
        taken[next] = true;
      }
      graph.add_relationship_with_id(*p.id, p.source, p.target, std::move(p.type), std::move(p.properties));
    }
  }

  std::string_view text_;
  const std::string& source_;
  std::vector<Value> node_keys_;
  std::unordered_map<std::string_view, NodeId> string_keys_;
  std::unordered_map<std::int64_t, NodeId> integer_keys_;
};

}  // namespace

PropertyGraph parse_node_link(std::string_view json, const std::string& source_name) {
  return Reader(json, source_name).read();
}

PropertyGraph load_node_link(const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) throw LoadError(path + ": is a directory, not a graph file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw LoadError(path + ": cannot open: " + std::strerror(errno));
  std::string text;
  in.seekg(0, std::ios::end);
  text.resize(static_cast<std::size_t>(std::max<std::streamoff>(in.tellg(), 0)));
  in.seekg(0);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (!in) throw LoadError(path + ": cannot read: " + std::strerror(errno));
  return parse_node_link(text, path);
}

namespace {

// The graph through a NodeLinkWriter, in id order.
void write_node_link(const PropertyGraph& graph, NodeLinkWriter& out) {
  out.begin(graph.graph_attributes());
  for (NodeId id : graph.node_ids()) {
    out.begin_node(graph.file_key(id), graph.labels(id));
    out.properties(graph.node_properties(id));
    out.end_node();
  }
  out.begin_links();
  // networkx's multigraph key: the index of a link among those joining the same pair.
  std::map<std::pair<NodeId, NodeId>, std::int64_t> parallel;
  for (RelId id : graph.relationship_ids()) {
    NodeId s = graph.source(id), t = graph.target(id);
    out.begin_link(graph.file_key(s), graph.file_key(t), parallel[{s, t}]++, id, graph.type(id));
    out.properties(graph.relationship_properties(id));
    out.end_link();
  }
  out.finish();
}

}  // namespace

std::string to_node_link(const PropertyGraph& graph, NodeLinkLayout layout) {
  std::string text;
  NodeLinkWriter out(layout, [&](std::string_view chunk) { text += chunk; });
  write_node_link(graph, out);
  return text;
}

void save_node_link(const PropertyGraph& graph, const std::string& path) {
  AtomicFile file(path);
  NodeLinkWriter out(NodeLinkLayout::kLinePerItem, [&](std::string_view chunk) { file.write(chunk); });
  write_node_link(graph, out);
  file.commit();
}

}  // namespace kg
