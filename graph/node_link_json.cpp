#include "graph/node_link_json.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <algorithm>
#include <filesystem>
#include <fstream>
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

// A node or link key as the file spells it: a string or an integer.
struct FileKey {
  const Json* json;
  bool is_string() const { return json->IsString(); }
  std::string_view text() const { return {json->GetString(), json->GetStringLength()}; }
  std::int64_t number() const { return json->GetInt64(); }
  Value value() const { return is_string() ? Value(std::string(text())) : Value(number()); }
  std::string describe() const { return is_string() ? "\"" + std::string(text()) + "\"" : std::to_string(number()); }
};

// Where an error is: "node 3", "link 0".
struct Place {
  const char* kind;
  std::size_t index;
  std::string describe() const { return std::string(kind) + " " + std::to_string(index); }
};

class Reader {
 public:
  Reader(std::string_view text, const std::string& source) : text_(text), source_(source) {}

  PropertyGraph read() {
    rapidjson::Document doc;
    doc.Parse<kParseFlags>(text_.data(), text_.size());
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
      graph.set_graph_attributes(to_value(doc["graph"], [] { return std::string("\"graph\""); }, 0).as_map());
    }
    if (!doc.HasMember("nodes") || !doc["nodes"].IsArray()) fail("\"nodes\" must be an array");
    if (doc.HasMember("links") && doc.HasMember("edges")) fail("both \"links\" and \"edges\" are present");
    const char* links_key = doc.HasMember("links") ? "links" : "edges";
    if (doc.HasMember(links_key) && !doc[links_key].IsArray())
      fail(std::string("\"") + links_key + "\" must be an array");

    read_nodes(doc["nodes"], graph);
    if (doc.HasMember(links_key)) read_links(doc[links_key], graph);
    return graph;
  }

 private:
  [[noreturn]] void fail(const std::string& message) const { throw LoadError(source_ + ": " + message); }
  [[noreturn]] void fail(const Place& place, const std::string& message) const { fail(place.describe() + ": " + message); }

  void check_unique_members(const Json& object, const std::string& where) const {
    auto duplicate = [&](const Json& name) {
      fail(where + ": duplicate key \"" + std::string(name.GetString(), name.GetStringLength()) + "\"");
    };
    // Small objects, the common case, are checked pairwise without allocating.
    if (object.MemberCount() <= 16) {
      for (auto a = object.MemberBegin(); a != object.MemberEnd(); ++a)
        for (auto b = object.MemberBegin(); b != a; ++b)
          if (a->name == b->name) duplicate(a->name);
      return;
    }
    std::unordered_set<std::string_view> seen;
    for (auto it = object.MemberBegin(); it != object.MemberEnd(); ++it)
      if (!seen.emplace(it->name.GetString(), it->name.GetStringLength()).second) duplicate(it->name);
  }

  // `where` names the value in errors; it is only called when one occurs.
  template <typename Where>
  Value to_value(const Json& json, const Where& where, int depth) const {
    if (depth > kMaxDepth) fail(where() + ": nested deeper than " + std::to_string(kMaxDepth) + " levels");
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
    check_unique_members(json, where());
    Map map;
    for (auto it = json.MemberBegin(); it != json.MemberEnd(); ++it)
      map.emplace(std::string(it->name.GetString(), it->name.GetStringLength()),
                  to_value(it->value, where, depth + 1));
    return Value(std::move(map));
  }

  FileKey to_key(const Json& json, const Place& place, const char* field) const {
    if (!json.IsString() && !json.IsInt64()) fail(place, std::string("\"") + field + "\" must be a string or an integer");
    return FileKey{&json};
  }

  // The id a file key asks for: n<digits> or a non-negative integer, if small enough.
  static std::optional<std::uint64_t> wanted_id(const FileKey& key, std::size_t count) {
    std::uint64_t bound = 4 * static_cast<std::uint64_t>(count) + 1024;
    std::uint64_t id = 0;
    if (!key.is_string()) {
      if (key.number() < 0) return std::nullopt;
      id = static_cast<std::uint64_t>(key.number());
    } else {
      std::string_view s = key.text();
      if (s.size() < 2 || s.size() > 12 || s[0] != 'n' || (s.size() > 2 && s[1] == '0')) return std::nullopt;
      for (char c : s.substr(1)) {
        if (c < '0' || c > '9') return std::nullopt;
        id = id * 10 + static_cast<std::uint64_t>(c - '0');
      }
    }
    return id < bound ? std::optional(id) : std::nullopt;
  }

  // True when the key is the one kg writes for `id` anyway ("n<id>").
  static bool is_default_key(const FileKey& key, std::uint64_t id) {
    if (!key.is_string()) return false;
    std::string_view s = key.text();
    return s.size() > 1 && s[0] == 'n' && s.substr(1) == std::to_string(id);
  }

  void add_property(Map& properties, const rapidjson::Value::ConstMemberIterator& member, const Place& place) const {
    if (member->name == "properties") {
      if (!member->value.IsObject()) fail(place, "\"properties\" must be an object");
      Value nested = to_value(member->value, [&] { return place.describe(); }, 1);
      for (const auto& [k, v] : nested.as_map()) properties.insert_or_assign(k, v);
      return;
    }
    properties.insert_or_assign(std::string(member->name.GetString(), member->name.GetStringLength()),
                                to_value(member->value, [&] { return place.describe(); }, 1));
  }

  std::optional<NodeId> find_node(const FileKey& key) const {
    if (key.is_string()) {
      auto it = string_keys_.find(key.text());
      if (it != string_keys_.end()) return it->second;
    } else {
      auto it = integer_keys_.find(key.number());
      if (it != integer_keys_.end()) return it->second;
    }
    return std::nullopt;
  }

  void read_nodes(const Json& nodes, PropertyGraph& graph) {
    struct Pending {
      FileKey key;
      std::vector<std::string> labels;
      Map properties;
    };
    std::vector<Pending> pending;
    pending.reserve(nodes.Size());
    for (rapidjson::SizeType i = 0; i < nodes.Size(); ++i) {
      const Json& node = nodes[i];
      Place place{"node", i};
      if (!node.IsObject()) fail(place, "must be an object");
      if (node.MemberCount() > 1) check_unique_members(node, place.describe());
      Pending p{FileKey{nullptr}, {}, {}};
      const Json* labels = nullptr;
      for (auto m = node.MemberBegin(); m != node.MemberEnd(); ++m) {
        if (m->name == "id") p.key = to_key(m->value, place, "id");
        else if (m->name == "labels") labels = &m->value;
        else add_property(p.properties, m, place);
      }
      if (!p.key.json) fail(place, "missing \"id\"");
      if (labels) {
        if (!labels->IsArray()) fail(place.describe() + " (id " + p.key.describe() + "): \"labels\" must be an array of strings");
        for (const Json& l : labels->GetArray()) {
          if (!l.IsString()) fail(place.describe() + " (id " + p.key.describe() + "): \"labels\" must be an array of strings");
          p.labels.emplace_back(l.GetString(), l.GetStringLength());
        }
      }
      pending.push_back(std::move(p));
    }

    std::vector<std::optional<std::uint64_t>> ids(pending.size());
    std::vector<bool> taken(4 * pending.size() + 1024, false);
    for (std::size_t i = 0; i < pending.size(); ++i) {
      const FileKey& key = pending[i].key;
      bool fresh = key.is_string() ? string_keys_.emplace(key.text(), 0).second
                                   : integer_keys_.emplace(key.number(), 0).second;
      if (!fresh) fail(Place{"node", i}, "duplicate id " + key.describe());
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
      const FileKey& key = pending[i].key;
      graph.add_node_with_id(*ids[i], std::move(pending[i].labels), std::move(pending[i].properties));
      if (!is_default_key(key, *ids[i])) graph.set_file_key(*ids[i], key.value());
      (key.is_string() ? string_keys_[key.text()] : integer_keys_[key.number()]) = *ids[i];
    }
  }

  void read_links(const Json& links, PropertyGraph& graph) {
    struct Pending {
      NodeId source = 0, target = 0;
      std::string type = "RELATED";
      Map properties;
      std::optional<std::uint64_t> id;
    };
    std::vector<Pending> pending;
    pending.reserve(links.Size());
    std::vector<bool> taken(4 * links.Size() + 1024, false);
    for (rapidjson::SizeType i = 0; i < links.Size(); ++i) {
      const Json& link = links[i];
      Place place{"link", i};
      if (!link.IsObject()) fail(place, "must be an object");
      check_unique_members(link, "link " + std::to_string(i));
      Pending p;
      bool has_source = false, has_target = false;
      for (auto m = link.MemberBegin(); m != link.MemberEnd(); ++m) {
        const Json& v = m->value;
        if (m->name == "source" || m->name == "target") {
          bool is_source = m->name == "source";
          const char* field = is_source ? "source" : "target";
          FileKey key = to_key(v, place, field);
          std::optional<NodeId> node = find_node(key);
          if (!node) fail(place, std::string("\"") + field + "\" " + key.describe() + " is not a node id");
          (is_source ? p.source : p.target) = *node;
          (is_source ? has_source : has_target) = true;
        } else if (m->name == "type") {
          if (!v.IsString() || v.GetStringLength() == 0) fail(place, "\"type\" must be a non-empty string");
          p.type.assign(v.GetString(), v.GetStringLength());
        } else if (m->name == "key") {
          if (!v.IsInt64() && !v.IsString()) fail(place, "\"key\" must be an integer or a string");
        } else if (m->name == "id") {
          if (!v.IsUint64()) fail(place, "\"id\" must be a non-negative integer");
          std::uint64_t id = v.GetUint64();
          if (id < taken.size() && !taken[id]) {
            taken[id] = true;
            p.id = id;
          }
        } else {
          add_property(p.properties, m, place);
        }
      }
      if (!has_source) fail(place, "missing \"source\"");
      if (!has_target) fail(place, "missing \"target\"");
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
  std::unordered_map<std::string_view, NodeId> string_keys_;
  std::unordered_map<std::int64_t, NodeId> integer_keys_;
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
