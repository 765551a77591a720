#include "graph/node_link_json.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace kg {

namespace {

// Deeper values than this are refused rather than risking the stack.
constexpr int kMaxDepth = 256;

// Keys with a meaning of their own in node and link objects. A property with
// one of these names is written inside the object's "properties" member, which
// cannot be confused with a property since property values are never maps.
constexpr std::string_view kNodeKeys[] = {"id", "labels", "properties"};
constexpr std::string_view kLinkKeys[] = {"source", "target", "key", "id", "type", "properties"};

template <std::size_t N>
bool is_reserved(std::string_view key, const std::string_view (&reserved)[N]) {
  for (std::string_view r : reserved)
    if (key == r) return true;
  return false;
}

constexpr unsigned kParseFlags =
    rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag | rapidjson::kParseNanAndInfFlag;

using Json = rapidjson::Value;

// Turns a byte offset into "line:column" (both 1-based; column in bytes).
std::string line_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

std::string describe_key(const Value& key) {
  return key.is_string() ? "\"" + key.as_string() + "\"" : std::to_string(key.as_int());
}

class Reader {
 public:
  Reader(std::string_view text, const std::string& source) : text_(text), source_(source) {}

  PropertyGraph read() {
    std::string copy(text_);
    rapidjson::Document doc;
    doc.Parse<kParseFlags>(copy.c_str(), copy.size());
    if (doc.HasParseError())
      throw LoadError(source_ + ":" + line_column(text_, doc.GetErrorOffset()) + ": " +
                      rapidjson::GetParseError_En(doc.GetParseError()));
    if (!doc.IsObject()) fail("the top level must be a JSON object");
    check_unique_members(doc, "the top-level object");
    for (const char* flag : {"directed", "multigraph"})
      if (doc.HasMember(flag) && !doc[flag].IsBool()) fail(std::string("\"") + flag + "\" must be a boolean");

    PropertyGraph graph;
    if (doc.HasMember("graph")) {
      if (!doc["graph"].IsObject()) fail("\"graph\" must be an object");
      graph.set_graph_attributes(to_value(doc["graph"], "\"graph\"", 0).as_map());
    }
    if (!doc.HasMember("nodes") || !doc["nodes"].IsArray()) fail("\"nodes\" must be an array");
    const char* links_key = doc.HasMember("links") ? "links" : "edges";
    if (doc.HasMember("links") && doc.HasMember("edges")) fail("both \"links\" and \"edges\" are present");
    if (doc.HasMember(links_key) && !doc[links_key].IsArray())
      fail(std::string("\"") + links_key + "\" must be an array");

    read_nodes(doc["nodes"], graph);
    if (doc.HasMember(links_key)) read_links(doc[links_key], graph);
    return graph;
  }

 private:
  [[noreturn]] void fail(const std::string& message) const { throw LoadError(source_ + ": " + message); }

  void check_unique_members(const Json& object, const std::string& where) const {
    std::unordered_set<std::string_view> seen;
    for (auto it = object.MemberBegin(); it != object.MemberEnd(); ++it) {
      std::string_view name(it->name.GetString(), it->name.GetStringLength());
      if (!seen.insert(name).second) fail(where + ": duplicate key \"" + std::string(name) + "\"");
    }
  }

  Value to_value(const Json& json, const std::string& where, int depth) const {
    if (depth > kMaxDepth) fail(where + ": nested deeper than " + std::to_string(kMaxDepth) + " levels");
    if (json.IsNull()) return Value();
    if (json.IsBool()) return Value(json.GetBool());
    if (json.IsInt64()) return Value(json.GetInt64());
    if (json.IsNumber()) return Value(json.GetDouble());
    if (json.IsString()) return Value(std::string(json.GetString(), json.GetStringLength()));
    if (json.IsArray()) {
      List list;
      list.reserve(json.Size());
      for (const Json& e : json.GetArray()) list.push_back(to_value(e, where, depth + 1));
      return Value(std::move(list));
    }
    check_unique_members(json, where);
    Map map;
    for (auto it = json.MemberBegin(); it != json.MemberEnd(); ++it)
      map.emplace(std::string(it->name.GetString(), it->name.GetStringLength()),
                  to_value(it->value, where, depth + 1));
    return Value(std::move(map));
  }

  // A node or link key: a string or an integer.
  Value to_key(const Json& json, const std::string& where, const char* field) const {
    if (json.IsString()) return Value(std::string(json.GetString(), json.GetStringLength()));
    if (json.IsInt64()) return Value(json.GetInt64());
    fail(where + ": \"" + field + "\" must be a string or an integer");
  }

  // The id a file key asks for: n<digits> or a non-negative integer, if small enough.
  static std::optional<std::uint64_t> wanted_id(const Value& key, std::size_t count) {
    std::uint64_t bound = 4 * static_cast<std::uint64_t>(count) + 1024;
    std::uint64_t id = 0;
    if (key.is_int()) {
      if (key.as_int() < 0) return std::nullopt;
      id = static_cast<std::uint64_t>(key.as_int());
    } else {
      const std::string& s = key.as_string();
      if (s.size() < 2 || s.size() > 12 || s[0] != 'n') return std::nullopt;
      for (std::size_t i = 1; i < s.size(); ++i)
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
      if (s.size() > 2 && s[1] == '0') return std::nullopt;
      id = std::stoull(s.substr(1));
    }
    return id < bound ? std::optional(id) : std::nullopt;
  }

  Map read_properties(const Json& object, const std::string& where, const std::string_view* reserved,
                      std::size_t reserved_count) const {
    Map props;
    for (auto it = object.MemberBegin(); it != object.MemberEnd(); ++it) {
      std::string_view name(it->name.GetString(), it->name.GetStringLength());
      bool skip = false;
      for (std::size_t i = 0; i < reserved_count; ++i) skip |= name == reserved[i];
      if (skip) continue;
      props.emplace(std::string(name), to_value(it->value, where, 1));
    }
    if (object.HasMember("properties")) {
      const Json& escaped = object["properties"];
      if (!escaped.IsObject()) fail(where + ": \"properties\" must be an object");
      Value nested = to_value(escaped, where, 1);
      for (const auto& [k, v] : nested.as_map()) props.insert_or_assign(k, v);
    }
    return props;
  }

  void read_nodes(const Json& nodes, PropertyGraph& graph) {
    struct Pending {
      Value key;
      std::vector<std::string> labels;
      Map properties;
    };
    std::vector<Pending> pending;
    pending.reserve(nodes.Size());
    for (rapidjson::SizeType i = 0; i < nodes.Size(); ++i) {
      const Json& node = nodes[i];
      std::string where = "node " + std::to_string(i);
      if (!node.IsObject()) fail(where + ": must be an object");
      check_unique_members(node, where);
      if (!node.HasMember("id")) fail(where + ": missing \"id\"");
      Pending p{to_key(node["id"], where, "id"), {}, {}};
      where += " (id " + describe_key(p.key) + ")";
      if (node.HasMember("labels")) {
        const Json& labels = node["labels"];
        if (!labels.IsArray()) fail(where + ": \"labels\" must be an array of strings");
        for (const Json& l : labels.GetArray()) {
          if (!l.IsString()) fail(where + ": \"labels\" must be an array of strings");
          p.labels.emplace_back(l.GetString(), l.GetStringLength());
        }
      }
      p.properties = read_properties(node, where, kNodeKeys, std::size(kNodeKeys));
      pending.push_back(std::move(p));
    }

    std::unordered_set<std::uint64_t> taken;
    std::vector<std::optional<std::uint64_t>> ids(pending.size());
    for (std::size_t i = 0; i < pending.size(); ++i) {
      const Value& key = pending[i].key;
      if (!keys_.emplace(key, 0).second) fail(" node " + std::to_string(i) + ": duplicate id " + describe_key(key));
      ids[i] = wanted_id(key, pending.size());
      if (ids[i] && !taken.insert(*ids[i]).second) ids[i].reset();
    }
    std::uint64_t next = 0;
    for (std::size_t i = 0; i < pending.size(); ++i) {
      if (!ids[i]) {
        while (taken.count(next)) ++next;
        ids[i] = next;
        taken.insert(next);
      }
      graph.add_node_with_id(*ids[i], std::move(pending[i].labels), std::move(pending[i].properties));
      if (!identical(graph.file_key(*ids[i]), pending[i].key)) graph.set_file_key(*ids[i], pending[i].key);
      keys_[pending[i].key] = *ids[i];
    }
  }

  void read_links(const Json& links, PropertyGraph& graph) {
    struct Pending {
      NodeId source, target;
      std::string type;
      Map properties;
      std::optional<std::uint64_t> id;
    };
    std::vector<Pending> pending;
    pending.reserve(links.Size());
    std::unordered_set<std::uint64_t> taken;
    std::uint64_t bound = 4 * static_cast<std::uint64_t>(links.Size()) + 1024;
    for (rapidjson::SizeType i = 0; i < links.Size(); ++i) {
      const Json& link = links[i];
      std::string where = "link " + std::to_string(i);
      if (!link.IsObject()) fail(where + ": must be an object");
      check_unique_members(link, where);
      Pending p{};
      for (const char* end : {"source", "target"}) {
        if (!link.HasMember(end)) fail(where + ": missing \"" + end + "\"");
        Value key = to_key(link[end], where, end);
        auto it = keys_.find(key);
        if (it == keys_.end()) fail(where + ": \"" + end + "\" " + describe_key(key) + " is not a node id");
        (std::strcmp(end, "source") == 0 ? p.source : p.target) = it->second;
      }
      p.type = "RELATED";
      if (link.HasMember("type")) {
        if (!link["type"].IsString() || link["type"].GetStringLength() == 0)
          fail(where + ": \"type\" must be a non-empty string");
        p.type.assign(link["type"].GetString(), link["type"].GetStringLength());
      }
      if (link.HasMember("key") && !link["key"].IsInt64() && !link["key"].IsString())
        fail(where + ": \"key\" must be an integer or a string");
      if (link.HasMember("id")) {
        if (!link["id"].IsUint64()) fail(where + ": \"id\" must be a non-negative integer");
        std::uint64_t id = link["id"].GetUint64();
        if (id < bound && taken.insert(id).second) p.id = id;
      }
      p.properties = read_properties(link, where, kLinkKeys, std::size(kLinkKeys));
      pending.push_back(std::move(p));
    }
    std::uint64_t next = 0;
    for (Pending& p : pending) {
      if (!p.id) {
        while (taken.count(next)) ++next;
        p.id = next;
        taken.insert(next);
      }
      graph.add_relationship_with_id(*p.id, p.source, p.target, std::move(p.type), std::move(p.properties));
    }
  }

  std::string_view text_;
  const std::string& source_;
  std::unordered_map<Value, NodeId, ValueHash, ValueEquivalent> keys_;
};

using Writer = rapidjson::Writer<rapidjson::StringBuffer, rapidjson::UTF8<>, rapidjson::UTF8<>,
                                 rapidjson::CrtAllocator, rapidjson::kWriteNanAndInfFlag>;

void write_value(Writer& w, const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Null: w.Null(); break;
    case Value::Kind::Bool: w.Bool(v.as_bool()); break;
    case Value::Kind::Int: w.Int64(v.as_int()); break;
    case Value::Kind::Float: {
      // format_float always keeps a '.' or an exponent, so the float stays a float.
      std::string s = format_float(v.as_float());
      w.RawValue(s.c_str(), s.size(), rapidjson::kNumberType);
      break;
    }
    case Value::Kind::String: w.String(v.as_string().c_str(), static_cast<rapidjson::SizeType>(v.as_string().size())); break;
    case Value::Kind::List:
      w.StartArray();
      for (const Value& e : v.as_list()) write_value(w, e);
      w.EndArray();
      break;
    case Value::Kind::Map:
      w.StartObject();
      for (const auto& [k, e] : v.as_map()) {
        w.Key(k.c_str(), static_cast<rapidjson::SizeType>(k.size()));
        write_value(w, e);
      }
      w.EndObject();
      break;
    default: w.Null(); break;  // graph references are not storable properties
  }
}

void write_key(Writer& w, std::string_view key) { w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size())); }

template <std::size_t N>
void write_properties(Writer& w, const Map& props, const std::string_view (&reserved)[N]) {
  Map escaped;
  for (const auto& [k, v] : props) {
    if (is_reserved(k, reserved)) {
      escaped.emplace(k, v);
      continue;
    }
    write_key(w, k);
    write_value(w, v);
  }
  if (!escaped.empty()) {
    write_key(w, "properties");
    write_value(w, Value(std::move(escaped)));
  }
}

}  // namespace

PropertyGraph parse_node_link(std::string_view json, const std::string& source_name) {
  return Reader(json, source_name).read();
}

PropertyGraph load_node_link(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw LoadError(path + ": cannot open: " + std::strerror(errno));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_node_link(buffer.str(), path);
}

std::string to_node_link(const PropertyGraph& graph) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  std::string out = "{\"directed\": true, \"multigraph\": true, \"graph\": ";
  auto flush = [&] {
    out.append(buffer.GetString(), buffer.GetSize());
    buffer.Clear();
    w.Reset(buffer);
  };
  write_value(w, Value(graph.graph_attributes()));
  flush();
  out += ",\n\"nodes\": [";
  bool first = true;
  for (NodeId id : graph.node_ids()) {
    out += first ? "\n" : ",\n";
    first = false;
    w.StartObject();
    write_key(w, "id");
    write_value(w, graph.file_key(id));
    write_key(w, "labels");
    w.StartArray();
    for (const std::string& l : graph.labels(id)) w.String(l.c_str(), static_cast<rapidjson::SizeType>(l.size()));
    w.EndArray();
    write_properties(w, graph.node_properties(id), kNodeKeys);
    w.EndObject();
    flush();
  }
  out += "],\n\"links\": [";
  first = true;
  // networkx's multigraph key: the index of a link among those joining the same pair.
  std::map<std::pair<NodeId, NodeId>, std::int64_t> parallel;
  for (RelId id : graph.relationship_ids()) {
    out += first ? "\n" : ",\n";
    first = false;
    NodeId s = graph.source(id), t = graph.target(id);
    w.StartObject();
    write_key(w, "source");
    write_value(w, graph.file_key(s));
    write_key(w, "target");
    write_value(w, graph.file_key(t));
    write_key(w, "key");
    w.Int64(parallel[{s, t}]++);
    write_key(w, "id");
    w.Uint64(id);
    write_key(w, "type");
    w.String(graph.type(id).c_str(), static_cast<rapidjson::SizeType>(graph.type(id).size()));
    write_properties(w, graph.relationship_properties(id), kLinkKeys);
    w.EndObject();
    flush();
  }
  out += "]}\n";
  return out;
}

void write_file_atomically(const std::string& path, std::string_view contents) {
  std::string temp = path + ".tmp.XXXXXX";
  int fd = mkstemp(temp.data());
  if (fd < 0) throw std::runtime_error(path + ": cannot write: " + std::strerror(errno));
  auto fail = [&](const char* what) {
    int err = errno;
    close(fd);
    unlink(temp.c_str());
    throw std::runtime_error(path + ": " + what + ": " + std::strerror(err));
  };
  std::size_t written = 0;
  while (written < contents.size()) {
    ssize_t n = write(fd, contents.data() + written, contents.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("cannot write");
    }
    written += static_cast<std::size_t>(n);
  }
  if (fchmod(fd, 0644) != 0 || fsync(fd) != 0) fail("cannot write");
  if (close(fd) != 0) {
    unlink(temp.c_str());
    throw std::runtime_error(path + ": cannot write: " + std::strerror(errno));
  }
  if (rename(temp.c_str(), path.c_str()) != 0) {
    int err = errno;
    unlink(temp.c_str());
    throw std::runtime_error(path + ": cannot replace: " + std::strerror(err));
  }
}

void save_node_link(const PropertyGraph& graph, const std::string& path) {
  write_file_atomically(path, to_node_link(graph));
}

}  // namespace kg
