#include "graph/property_graph.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include <boost/graph/adjacency_list.hpp>

#include "graph/property_column_store.h"
#include "graph/relationship_type_index.h"
#include "graph/text_fold.h"

namespace kg {

namespace {

struct NodeRecord {
  NodeId id = 0;
  std::vector<std::string> labels;
};

struct RelRecord {
  RelId id = 0;
};

// What a scan needs of a relationship, kept flat by id so that walking many
// relationships reads one array instead of chasing the list nodes of Storage.
struct RelEnds {
  NodeId source = 0, target = 0;
  std::uint32_t type = 0;  // code in Impl::types
};

// Labels up to this many (in order of first use) also get a bit in
// Impl::label_bits, which answers has_label() without reading the node record.
// Sixteen bits keep the array at 2 bytes a node, small enough to stay in cache
// when scans test the labels of random nodes; graphs rarely use more labels.
using LabelBits = std::uint16_t;
constexpr std::size_t kLabelBits = 16;

// listS vertices and edges keep descriptors valid across removals; vecS
// per-vertex edge lists keep adjacency compact; bidirectionalS gives in-edges.
using Storage = boost::adjacency_list<boost::vecS, boost::listS, boost::bidirectionalS, NodeRecord,
                                      RelRecord, boost::no_property, boost::listS>;
using Vertex = Storage::vertex_descriptor;
using Edge = Storage::edge_descriptor;

using IdIndex = std::map<std::string, std::set<std::uint64_t>, std::less<>>;

const std::set<std::uint64_t> kNoIds;

// The strings under which a node is found by name: its name and aliases
// (either may be nullptr).
std::vector<std::string> name_keys(const Value* name, const Value* aliases) {
  std::vector<std::string> keys;
  if (name && name->is_string()) keys.push_back(fold_key(name->as_string()));
  if (aliases && aliases->is_list())
    for (const Value& alias : aliases->as_list())
      if (alias.is_string()) keys.push_back(fold_key(alias.as_string()));
  std::erase(keys, std::string());
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

bool is_name_key(std::string_view key) { return key == "name" || key == "aliases"; }

}  // namespace

struct GraphChange {
  enum class Kind { NodeAdded, NodeRemoved, RelAdded, RelRemoved, LabelAdded, LabelRemoved,
                    NodePropertySet, RelPropertySet };
  GraphChange(Kind k, std::uint64_t changed_id) : kind(k), id(changed_id) {}
  Kind kind;
  std::uint64_t id;
  // NodeRemoved: labels and properties; RelRemoved: endpoints, type, properties;
  // Label*: the label; *PropertySet: the key and the value before.
  std::vector<std::string> labels;
  Map properties;
  NodeId source = 0, target = 0;
  std::string name;
  Value before;
};

struct PropertyGraph::Impl {
  Storage storage;
  // Indexed by id; a null descriptor marks a free or removed id.
  std::vector<Vertex> vertex_of;
  std::vector<std::optional<Edge>> edge_of;
  // Which ids are in use, one bit each: the checks on every read touch these
  // small arrays instead of the descriptor tables.
  std::vector<bool> node_alive, rel_alive;
  std::vector<RelEnds> rel_ends;                  // by RelId, meaningful while edge_of is set
  std::vector<std::vector<Adjacent>> out_adj, in_adj;  // by NodeId, in insertion order
  std::vector<LabelBits> label_bits;              // by NodeId
  // Every relationship type and label ever used, interned; never shrinks.
  NameTable types, labels;
  std::size_t node_count = 0, rel_count = 0;
  IdIndex label_index;
  RelationshipTypeIndex type_index;
  NameTable keys;
  PropertyColumnStore node_props, rel_props;
  // The codes of `name` and `aliases`, which the name index follows.
  PropertyKey name_key = keys.intern("name"), aliases_key = keys.intern("aliases");
  std::unordered_map<std::string, std::set<NodeId>> name_index;
  std::unordered_map<NodeId, Value> file_keys;
  Map graph_attributes;
  std::optional<std::vector<GraphChange>> journal;

  bool journaling() const { return journal.has_value(); }
  void record(GraphChange change) { journal->push_back(std::move(change)); }

  Vertex vertex(NodeId id) const {
    if (id >= vertex_of.size() || vertex_of[id] == nullptr)
      throw GraphError("no node with id " + std::to_string(id));
    return vertex_of[id];
  }
  Edge edge(RelId id) const {
    if (id >= edge_of.size() || !edge_of[id])
      throw GraphError("no relationship with id " + std::to_string(id));
    return *edge_of[id];
  }
  void check_node(NodeId id) const {
    if (id >= node_alive.size() || !node_alive[id]) throw GraphError("no node with id " + std::to_string(id));
  }
  void check_rel(RelId id) const {
    if (id >= rel_alive.size() || !rel_alive[id])
      throw GraphError("no relationship with id " + std::to_string(id));
  }
  NodeRecord& node(NodeId id) { return storage[vertex(id)]; }
  const NodeRecord& node(NodeId id) const { return storage[vertex(id)]; }
  // Whether the relationship `id` exists with type code `type` (for type_index).
  auto is_of_type(std::uint32_t type) const {
    return [this, type](RelId id) { return id < rel_alive.size() && rel_alive[id] && rel_ends[id].type == type; };
  }

  // Adds or removes the node's name and aliases in the name index.
  void index_names(NodeId id, bool add) {
    for (const std::string& key : name_keys(node_props.find(id, name_key), node_props.find(id, aliases_key))) {
      if (add) {
        name_index[key].insert(id);
      } else if (auto it = name_index.find(key); it != name_index.end()) {
        it->second.erase(id);
        if (it->second.empty()) name_index.erase(it);
      }
    }
  }

  // Sets or clears the node's bit for `label` (labels past kLabelBits have none).
  void mark_label(NodeId id, const std::string& label, bool on) {
    std::uint32_t code = labels.intern(label);
    if (code >= kLabelBits) return;
    auto bit = static_cast<LabelBits>(1u << code);
    label_bits[id] = static_cast<LabelBits>(on ? label_bits[id] | bit : label_bits[id] & ~bit);
  }

  static void unindex(IdIndex& index, const std::string& key, std::uint64_t id) {
    auto it = index.find(key);
    if (it == index.end()) return;
    it->second.erase(id);
    if (it->second.empty()) index.erase(it);
  }

  // The entity's properties as a map, from its columns.
  Map properties_of(const PropertyColumnStore& columns, std::uint64_t id) const {
    Map out;
    columns.for_each(id, [&](PropertyKey key, const Value& v) { out.emplace(keys.name(key), v); });
    return out;
  }

  // Stores the properties of a new entity (null values are dropped).
  void store_properties(PropertyColumnStore& columns, std::uint64_t id, Map properties) {
    for (auto& [key, value] : properties)
      if (!value.is_null()) columns.set(id, keys.intern(key), std::move(value));
  }

  // Removes every property of the entity; returns them as a map when journaling.
  Map take_properties(PropertyColumnStore& columns, std::uint64_t id) {
    Map out;
    for (auto& [key, value] : columns.take_all(id))
      if (journaling()) out.emplace(keys.name(key), std::move(value));
    return out;
  }

  void insert_node(NodeId id, std::vector<std::string> labels, Map properties) {
    if (id < vertex_of.size() && vertex_of[id] != nullptr)
      throw GraphError("node id " + std::to_string(id) + " is already used");
    std::vector<std::string> unique;
    for (std::string& l : labels)
      if (std::find(unique.begin(), unique.end(), l) == unique.end()) unique.push_back(std::move(l));
    if (id >= vertex_of.size()) {
      vertex_of.resize(id + 1, nullptr);
      node_alive.resize(id + 1, false);
      out_adj.resize(id + 1);
      in_adj.resize(id + 1);
      label_bits.resize(id + 1, 0);
    }
    for (const std::string& l : unique) {
      label_index[l].insert(id);
      mark_label(id, l, true);
    }
    store_properties(node_props, id, std::move(properties));
    index_names(id, true);
    vertex_of[id] = boost::add_vertex(NodeRecord{id, std::move(unique)}, storage);
    node_alive[id] = true;
    ++node_count;
    if (journaling()) record({GraphChange::Kind::NodeAdded, id});
  }

  void erase_node(NodeId id) {
    Vertex v = vertex(id);
    if (boost::out_degree(v, storage) + boost::in_degree(v, storage) > 0)
      throw GraphError("node " + std::to_string(id) + " still has relationships");
    NodeRecord& record_ = storage[v];
    for (const std::string& l : record_.labels) {
      unindex(label_index, l, id);
      mark_label(id, l, false);
    }
    index_names(id, false);
    GraphChange change{GraphChange::Kind::NodeRemoved, id};
    change.labels = std::move(record_.labels);
    change.properties = take_properties(node_props, id);
    boost::remove_vertex(v, storage);
    vertex_of[id] = nullptr;
    node_alive[id] = false;
    --node_count;
    if (journaling()) record(std::move(change));
  }

  void insert_rel(RelId id, NodeId source, NodeId target, std::string type, Map properties) {
    if (id < edge_of.size() && edge_of[id])
      throw GraphError("relationship id " + std::to_string(id) + " is already used");
    Vertex s = vertex(source), t = vertex(target);
    if (id >= edge_of.size()) {
      edge_of.resize(id + 1);
      rel_alive.resize(id + 1, false);
      rel_ends.resize(id + 1);
    }
    std::uint32_t code = types.intern(type);
    rel_ends[id] = RelEnds{source, target, code};
    out_adj[source].push_back(Adjacent{id, target, code});
    in_adj[target].push_back(Adjacent{id, source, code});
    type_index.add(code, id);
    store_properties(rel_props, id, std::move(properties));
    edge_of[id] = boost::add_edge(s, t, RelRecord{id}, storage).first;
    rel_alive[id] = true;
    ++rel_count;
    if (journaling()) record({GraphChange::Kind::RelAdded, id});
  }

  void erase_rel(RelId id) {
    Edge e = edge(id);
    GraphChange change{GraphChange::Kind::RelRemoved, id};
    const RelEnds& ends = rel_ends[id];
    change.source = ends.source;
    change.target = ends.target;
    change.name = types.name(ends.type);
    change.properties = take_properties(rel_props, id);
    auto is_this = [id](const Adjacent& a) { return a.rel == id; };
    std::erase_if(out_adj[ends.source], is_this);
    std::erase_if(in_adj[ends.target], is_this);
    boost::remove_edge(e, storage);
    edge_of[id].reset();
    rel_alive[id] = false;
    type_index.remove(ends.type, is_of_type(ends.type));
    --rel_count;
    if (journaling()) record(std::move(change));
  }

  Value set_node_property(NodeId id, const std::string& key, Value value) {
    check_node(id);
    bool names = is_name_key(key);
    if (names) index_names(id, false);
    Value before = node_props.set(id, keys.intern(key), std::move(value));
    if (names) index_names(id, true);
    GraphChange change{GraphChange::Kind::NodePropertySet, id};
    change.name = key;
    change.before = before;
    if (journaling()) record(std::move(change));
    return before;
  }

  Value set_rel_property(RelId id, const std::string& key, Value value) {
    check_rel(id);
    Value before = rel_props.set(id, keys.intern(key), std::move(value));
    GraphChange change{GraphChange::Kind::RelPropertySet, id};
    change.name = key;
    change.before = before;
    if (journaling()) record(std::move(change));
    return before;
  }

  bool add_label(NodeId id, const std::string& label) {
    NodeRecord& n = node(id);
    if (std::find(n.labels.begin(), n.labels.end(), label) != n.labels.end()) return false;
    n.labels.push_back(label);
    label_index[label].insert(id);
    mark_label(id, label, true);
    GraphChange change{GraphChange::Kind::LabelAdded, id};
    change.name = label;
    if (journaling()) record(std::move(change));
    return true;
  }

  bool remove_label(NodeId id, std::string_view label) {
    NodeRecord& n = node(id);
    auto it = std::find(n.labels.begin(), n.labels.end(), label);
    if (it == n.labels.end()) return false;
    GraphChange change{GraphChange::Kind::LabelRemoved, id};
    change.name = std::move(*it);
    n.labels.erase(it);
    unindex(label_index, change.name, id);
    mark_label(id, change.name, false);
    if (journaling()) record(std::move(change));
    return true;
  }

  // Applies the inverse of one change (the journal is closed while undoing).
  void undo(GraphChange& c) {
    using K = GraphChange::Kind;
    switch (c.kind) {
      case K::NodeAdded: erase_node(c.id); break;
      case K::NodeRemoved: insert_node(c.id, std::move(c.labels), std::move(c.properties)); break;
      case K::RelAdded: erase_rel(c.id); break;
      case K::RelRemoved:
        insert_rel(c.id, c.source, c.target, std::move(c.name), std::move(c.properties));
        break;
      case K::LabelAdded: remove_label(c.id, c.name); break;
      case K::LabelRemoved: add_label(c.id, c.name); break;
      case K::NodePropertySet: set_node_property(c.id, c.name, std::move(c.before)); break;
      case K::RelPropertySet: set_rel_property(c.id, c.name, std::move(c.before)); break;
    }
  }
};

PropertyGraph::PropertyGraph() : impl_(std::make_unique<Impl>()) {}
PropertyGraph::~PropertyGraph() = default;
PropertyGraph::PropertyGraph(PropertyGraph&&) noexcept = default;
PropertyGraph& PropertyGraph::operator=(PropertyGraph&&) noexcept = default;

PropertyGraph::PropertyGraph(const PropertyGraph& other) : PropertyGraph() {
  for (NodeId id : other.node_ids())
    add_node_with_id(id, other.labels(id), other.node_properties(id));
  for (RelId id : other.relationship_ids())
    add_relationship_with_id(id, other.source(id), other.target(id), other.type(id),
                             other.relationship_properties(id));
  impl_->file_keys = other.impl_->file_keys;
  impl_->graph_attributes = other.impl_->graph_attributes;
}

PropertyGraph& PropertyGraph::operator=(const PropertyGraph& other) {
  if (this != &other) *this = PropertyGraph(other);
  return *this;
}

NodeId PropertyGraph::add_node(std::vector<std::string> labels, Map properties) {
  NodeId id = impl_->vertex_of.size();
  impl_->insert_node(id, std::move(labels), std::move(properties));
  return id;
}

void PropertyGraph::add_node_with_id(NodeId id, std::vector<std::string> labels, Map properties) {
  impl_->insert_node(id, std::move(labels), std::move(properties));
}

void PropertyGraph::remove_node(NodeId id) { impl_->erase_node(id); }

void PropertyGraph::detach_remove_node(NodeId id) {
  for (RelId r : outgoing(id)) impl_->erase_rel(r);
  for (RelId r : incoming(id))
    if (has_relationship(r)) impl_->erase_rel(r);  // a self-loop went with the outgoing ones
  remove_node(id);
}

bool PropertyGraph::has_node(NodeId id) const {
  return id < impl_->node_alive.size() && impl_->node_alive[id];
}

std::size_t PropertyGraph::node_count() const { return impl_->node_count; }

std::vector<NodeId> PropertyGraph::node_ids() const {
  std::vector<NodeId> ids;
  ids.reserve(impl_->node_count);
  for (NodeId id = 0; id < impl_->vertex_of.size(); ++id)
    if (impl_->vertex_of[id] != nullptr) ids.push_back(id);
  return ids;
}

Value PropertyGraph::file_key(NodeId id) const {
  impl_->check_node(id);
  if (auto it = impl_->file_keys.find(id); it != impl_->file_keys.end()) return it->second;
  std::string key = std::to_string(id);
  key.insert(key.begin(), 'n');
  return Value(std::move(key));
}

void PropertyGraph::set_file_key(NodeId id, Value key) {
  impl_->check_node(id);
  impl_->file_keys[id] = std::move(key);
}

const std::vector<std::string>& PropertyGraph::labels(NodeId id) const { return impl_->node(id).labels; }

bool PropertyGraph::has_label(NodeId id, std::string_view label) const {
  impl_->check_node(id);
  auto code = impl_->labels.find(label);
  if (!code) return false;
  if (*code < kLabelBits) return (impl_->label_bits[id] >> *code) & 1;
  const auto& ls = impl_->node(id).labels;
  return std::find(ls.begin(), ls.end(), label) != ls.end();
}

bool PropertyGraph::add_label(NodeId id, const std::string& label) { return impl_->add_label(id, label); }

bool PropertyGraph::remove_label(NodeId id, std::string_view label) {
  return impl_->remove_label(id, label);
}

Map PropertyGraph::node_properties(NodeId id) const {
  impl_->check_node(id);
  return impl_->properties_of(impl_->node_props, id);
}

const Value* PropertyGraph::node_property(NodeId id, std::string_view key) const {
  impl_->check_node(id);
  auto code = impl_->keys.find(key);
  return code ? impl_->node_props.find(id, *code) : nullptr;
}

std::optional<PropertyKey> PropertyGraph::find_property_key(std::string_view key) const {
  return impl_->keys.find(key);
}

const Value* PropertyGraph::node_property(NodeId id, PropertyKey key) const {
  impl_->check_node(id);
  return impl_->node_props.find(id, key);
}

StoredNumber PropertyGraph::node_number(NodeId id, PropertyKey key) const {
  impl_->check_node(id);
  return impl_->node_props.number(id, key);
}

Value PropertyGraph::set_node_property(NodeId id, const std::string& key, Value value) {
  return impl_->set_node_property(id, key, std::move(value));
}

RelId PropertyGraph::add_relationship(NodeId source, NodeId target, std::string type, Map properties) {
  RelId id = impl_->edge_of.size();
  impl_->insert_rel(id, source, target, std::move(type), std::move(properties));
  return id;
}

void PropertyGraph::add_relationship_with_id(RelId id, NodeId source, NodeId target, std::string type,
                                             Map properties) {
  impl_->insert_rel(id, source, target, std::move(type), std::move(properties));
}

void PropertyGraph::remove_relationship(RelId id) { impl_->erase_rel(id); }

bool PropertyGraph::has_relationship(RelId id) const {
  return id < impl_->rel_alive.size() && impl_->rel_alive[id];
}

std::size_t PropertyGraph::relationship_count() const { return impl_->rel_count; }

std::vector<RelId> PropertyGraph::relationship_ids() const {
  std::vector<RelId> ids;
  ids.reserve(impl_->rel_count);
  for (RelId id = 0; id < impl_->edge_of.size(); ++id)
    if (impl_->edge_of[id]) ids.push_back(id);
  return ids;
}

NodeId PropertyGraph::source(RelId id) const {
  impl_->check_rel(id);
  return impl_->rel_ends[id].source;
}

NodeId PropertyGraph::target(RelId id) const {
  impl_->check_rel(id);
  return impl_->rel_ends[id].target;
}

const std::string& PropertyGraph::type(RelId id) const {
  impl_->check_rel(id);
  return impl_->types.name(impl_->rel_ends[id].type);
}

Map PropertyGraph::relationship_properties(RelId id) const {
  impl_->check_rel(id);
  return impl_->properties_of(impl_->rel_props, id);
}

const Value* PropertyGraph::relationship_property(RelId id, std::string_view key) const {
  impl_->check_rel(id);
  auto code = impl_->keys.find(key);
  return code ? impl_->rel_props.find(id, *code) : nullptr;
}

const Value* PropertyGraph::relationship_property(RelId id, PropertyKey key) const {
  impl_->check_rel(id);
  return impl_->rel_props.find(id, key);
}

StoredNumber PropertyGraph::relationship_number(RelId id, PropertyKey key) const {
  impl_->check_rel(id);
  return impl_->rel_props.number(id, key);
}

Value PropertyGraph::set_relationship_property(RelId id, const std::string& key, Value value) {
  return impl_->set_rel_property(id, key, std::move(value));
}

namespace {

std::vector<RelId> relationship_ids_of(std::span<const Adjacent> adjacent) {
  std::vector<RelId> ids;
  ids.reserve(adjacent.size());
  for (const Adjacent& a : adjacent) ids.push_back(a.rel);
  return ids;
}

}  // namespace

std::vector<RelId> PropertyGraph::outgoing(NodeId id) const {
  return relationship_ids_of(outgoing_adjacent(id));
}

std::vector<RelId> PropertyGraph::incoming(NodeId id) const {
  return relationship_ids_of(incoming_adjacent(id));
}

std::span<const Adjacent> PropertyGraph::outgoing_adjacent(NodeId id) const {
  impl_->check_node(id);
  return impl_->out_adj[id];
}

std::span<const Adjacent> PropertyGraph::incoming_adjacent(NodeId id) const {
  impl_->check_node(id);
  return impl_->in_adj[id];
}

std::optional<std::uint32_t> PropertyGraph::find_type_code(std::string_view type) const {
  return impl_->types.find(type);
}

std::size_t PropertyGraph::out_degree(NodeId id) const {
  impl_->check_node(id);
  return impl_->out_adj[id].size();
}

std::size_t PropertyGraph::in_degree(NodeId id) const {
  impl_->check_node(id);
  return impl_->in_adj[id].size();
}

const std::set<NodeId>& PropertyGraph::nodes_with_label(std::string_view label) const {
  auto it = impl_->label_index.find(label);
  return it == impl_->label_index.end() ? kNoIds : it->second;
}

std::span<const RelId> PropertyGraph::relationships_of_type(std::string_view type) const {
  auto code = find_type_code(type);
  if (!code) return {};
  return impl_->type_index.ids(*code, impl_->is_of_type(*code));
}

const std::set<NodeId>& PropertyGraph::nodes_named(std::string_view name) const {
  auto it = impl_->name_index.find(fold_key(name));
  return it == impl_->name_index.end() ? kNoIds : it->second;
}

std::vector<std::string> PropertyGraph::all_labels() const {
  std::vector<std::string> out;
  for (const auto& [label, ids] : impl_->label_index) out.push_back(label);
  return out;
}

std::vector<std::string> PropertyGraph::all_relationship_types() const {
  std::vector<std::string> out;
  for (std::uint32_t code = 0; code < impl_->types.size(); ++code)
    if (impl_->type_index.count(code) > 0) out.push_back(impl_->types.name(code));
  std::sort(out.begin(), out.end());
  return out;
}

const Map& PropertyGraph::graph_attributes() const { return impl_->graph_attributes; }

void PropertyGraph::set_graph_attributes(Map attributes) { impl_->graph_attributes = std::move(attributes); }

void PropertyGraph::begin_journal() {
  if (impl_->journal) throw GraphError("a journal is already open");
  impl_->journal.emplace();
}

void PropertyGraph::commit_journal() { impl_->journal.reset(); }

void PropertyGraph::rollback_journal() {
  if (!impl_->journal) return;
  std::vector<GraphChange> changes = std::move(*impl_->journal);
  impl_->journal.reset();
  for (auto it = changes.rbegin(); it != changes.rend(); ++it) impl_->undo(*it);
}

void PropertyGraph::reserve(std::size_t nodes, std::size_t relationships) {
  impl_->vertex_of.reserve(nodes);
  impl_->edge_of.reserve(relationships);
  impl_->node_alive.reserve(nodes);
  impl_->rel_alive.reserve(relationships);
  impl_->rel_ends.reserve(relationships);
  impl_->out_adj.reserve(nodes);
  impl_->in_adj.reserve(nodes);
  impl_->label_bits.reserve(nodes);
  impl_->name_index.reserve(nodes);
}

bool PropertyGraph::journal_open() const { return impl_->journal.has_value(); }

namespace {

// Heap bytes a stored value points to (strings past the small-string buffer,
// lists, maps).
std::size_t value_bytes(const Value& v) {
  if (v.is_string()) return v.as_string().size() > 15 ? v.as_string().capacity() + 1 : 0;
  if (v.is_list()) {
    std::size_t bytes = 16 + v.as_list().capacity() * sizeof(Value);
    for (const Value& e : v.as_list()) bytes += value_bytes(e);
    return bytes;
  }
  if (v.is_map()) {
    // A red-black tree node: three pointers and a colour, then the pair.
    std::size_t bytes = 16;
    for (const auto& [k, e] : v.as_map())
      bytes += 32 + sizeof(std::pair<const std::string, Value>) + (k.size() > 15 ? k.capacity() + 1 : 0) +
               value_bytes(e);
    return bytes;
  }
  return 0;
}

}  // namespace

std::size_t PropertyGraph::memory_bytes() const {
  const Impl& m = *impl_;
  // Per vertex: the list node (two pointers) and the stored vertex (two edge
  // vectors and the record). Per edge: the list node, two stored edges (one in
  // the source's out-vector, one in the target's in-vector) and the record.
  std::size_t bytes = m.vertex_of.capacity() * sizeof(Vertex) + m.edge_of.capacity() * sizeof(std::optional<Edge>);
  bytes += (m.node_alive.capacity() + m.rel_alive.capacity()) / 8;
  // The flat tables: ends and type by relationship; adjacency lists and label bits by node.
  bytes += m.rel_ends.capacity() * sizeof(RelEnds) + m.label_bits.capacity() * sizeof(LabelBits) +
           (m.out_adj.capacity() + m.in_adj.capacity()) * sizeof(std::vector<Adjacent>);
  for (NodeId id = 0; id < m.out_adj.size(); ++id)
    bytes += (m.out_adj[id].capacity() + m.in_adj[id].capacity()) * sizeof(Adjacent);
  for (NodeId id : node_ids()) {
    const NodeRecord& n = m.node(id);
    Vertex v = m.vertex(id);
    bytes += 16 + sizeof(Storage::stored_vertex) + n.labels.capacity() * sizeof(std::string);
    m.node_props.for_each(id, [&](PropertyKey, const Value& v) { bytes += value_bytes(v); });
    bytes += (boost::out_degree(v, m.storage) + boost::in_degree(v, m.storage)) *
             sizeof(Storage::StoredEdge);
    bytes += 40 * n.labels.size();  // label index entries
  }
  for (RelId id : relationship_ids()) {
    bytes += 16 + sizeof(Storage::EdgeContainer::value_type);
    m.rel_props.for_each(id, [&](PropertyKey, const Value& v) { bytes += value_bytes(v); });
  }
  // The property columns, the key table and the type index.
  return bytes + m.node_props.slot_bytes() + m.rel_props.slot_bytes() + m.keys.memory_bytes() +
         m.type_index.memory_bytes();
}

}  // namespace kg
