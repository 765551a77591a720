// The property graph: the one data structure every stage of kg reads or writes.
//
// Nodes carry one or more labels and properties; relationships are directed,
// carry one type and properties, and may be parallel. Structure is a
// Boost.Graph bidirectional adjacency_list with list-backed vertices and edges,
// so descriptors stay valid across removals, with flat tables by id beside it
// for scans; properties are columns indexed by id, one per interned key (see
// docs/graph-store.md).
//
// Invariants:
//  - NodeId and RelId values are never reused; a node or relationship keeps its
//    id for its whole life, and save/load keeps it too (see node_link_json.h).
//  - The label, type and name indexes always agree with the data: every
//    mutation goes through this class and updates them.
//  - A property is never stored with a null value; setting null removes it.
//  - A node is removed only once it has no relationships.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graph/name_table.h"
#include "graph/property_column_store.h"
#include "graph/value.h"

namespace kg {

// Thrown on a call that breaks the class's preconditions (unknown id, removing
// a node that still has relationships, ...).
class GraphError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One inverse-able change, recorded while a journal is open; see begin_journal().
struct GraphChange;

// A relationship as seen from one of its ends: what a traversal needs without
// looking the relationship up. `type` is the code find_type_code() gives.
struct Adjacent {
  RelId rel;
  NodeId other;  // the other end (the node itself for a self-loop)
  std::uint32_t type;
};

class PropertyGraph {
 public:
  PropertyGraph();
  ~PropertyGraph();
  PropertyGraph(PropertyGraph&&) noexcept;
  PropertyGraph& operator=(PropertyGraph&&) noexcept;
  // A deep copy with the same ids.
  PropertyGraph(const PropertyGraph& other);
  PropertyGraph& operator=(const PropertyGraph& other);

  // ---- Nodes -------------------------------------------------------------
  // Adds a node. Labels are de-duplicated; null properties are dropped.
  NodeId add_node(std::vector<std::string> labels = {}, Map properties = {});
  // Adds a node with a chosen id (loading, undo). Precondition: id is unused.
  void add_node_with_id(NodeId id, std::vector<std::string> labels, Map properties);
  // Removes a node that has no relationships; throws GraphError otherwise.
  void remove_node(NodeId id);
  // Removes a node and all its relationships.
  void detach_remove_node(NodeId id);
  bool has_node(NodeId id) const;
  std::size_t node_count() const;
  // Every node id, ascending.
  std::vector<NodeId> node_ids() const;
  // The node's id in a node-link file: the one it was loaded with (a string or
  // an integer), else "n<id>".
  Value file_key(NodeId id) const;
  void set_file_key(NodeId id, Value key);

  const std::vector<std::string>& labels(NodeId id) const;
  bool has_label(NodeId id, std::string_view label) const;
  // Returns true when the label was not there before.
  bool add_label(NodeId id, const std::string& label);
  // Returns true when the label was there.
  bool remove_label(NodeId id, std::string_view label);

  // The node's properties, built from the store (a copy: keep it rather than
  // calling again).
  Map node_properties(NodeId id) const;
  // nullptr when absent.
  const Value* node_property(NodeId id, std::string_view key) const;
  // A property key's code, to read properties without looking the name up on
  // every read; nullopt means no node or relationship has the key. The same
  // for the graph's whole life, but only for this graph: a copy or another
  // graph may number its keys differently.
  std::optional<PropertyKey> find_property_key(std::string_view key) const;
  // The fastest read: one array access. nullptr when absent.
  const Value* node_property(NodeId id, PropertyKey key) const;
  // The property as a number without reading its Value (see PropertyColumnStore::number()).
  StoredNumber node_number(NodeId id, PropertyKey key) const;
  // Sets a property; a null value removes it. Returns the previous value (null if none).
  Value set_node_property(NodeId id, const std::string& key, Value value);

  // ---- Relationships -----------------------------------------------------
  RelId add_relationship(NodeId source, NodeId target, std::string type, Map properties = {});
  // Adds a relationship with a chosen id. Precondition: id is unused.
  void add_relationship_with_id(RelId id, NodeId source, NodeId target, std::string type,
                                Map properties);
  void remove_relationship(RelId id);
  bool has_relationship(RelId id) const;
  std::size_t relationship_count() const;
  // Every relationship id, ascending.
  std::vector<RelId> relationship_ids() const;

  NodeId source(RelId id) const;
  NodeId target(RelId id) const;
  const std::string& type(RelId id) const;
  // A copy, as for node_properties().
  Map relationship_properties(RelId id) const;
  const Value* relationship_property(RelId id, std::string_view key) const;
  const Value* relationship_property(RelId id, PropertyKey key) const;
  StoredNumber relationship_number(RelId id, PropertyKey key) const;
  Value set_relationship_property(RelId id, const std::string& key, Value value);

  // Relationships leaving / entering a node, in insertion order. O(degree).
  std::vector<RelId> outgoing(NodeId id) const;
  std::vector<RelId> incoming(NodeId id) const;
  // The same with each one's other end and type code, without copying: valid
  // until the next change to the node's relationships. For traversals.
  std::span<const Adjacent> outgoing_adjacent(NodeId id) const;
  std::span<const Adjacent> incoming_adjacent(NodeId id) const;
  // A relationship type's code, the same for the graph's whole life; nullopt
  // when no relationship ever had the type.
  std::optional<std::uint32_t> find_type_code(std::string_view type) const;
  std::size_t out_degree(NodeId id) const;
  std::size_t in_degree(NodeId id) const;

  // ---- Indexes -----------------------------------------------------------
  // Nodes having the label, ascending; empty when none.
  const std::set<NodeId>& nodes_with_label(std::string_view label) const;
  // Relationships of the type, ascending, in one array; empty when none. Valid
  // until the next change. The first call after a removal tidies the array,
  // so concurrent readers must not be the first to read a changed graph.
  std::span<const RelId> relationships_of_type(std::string_view type) const;
  // Nodes whose `name` or one of whose `aliases` folds (fold_key) to the same
  // key as `name`: case- and accent-insensitive.
  const std::set<NodeId>& nodes_named(std::string_view name) const;
  // Every label / relationship type in use, sorted.
  std::vector<std::string> all_labels() const;
  std::vector<std::string> all_relationship_types() const;

  // The attributes of the graph itself ("graph" in node-link JSON).
  const Map& graph_attributes() const;
  void set_graph_attributes(Map attributes);

  // ---- Journal -----------------------------------------------------------
  // While a journal is open every mutation records its inverse, so that a
  // failed statement can be undone. Journals do not nest.
  void begin_journal();
  // Keeps the changes and closes the journal.
  void commit_journal();
  // Undoes every change since begin_journal() and closes the journal.
  void rollback_journal();
  bool journal_open() const;

  // Makes room for this many nodes and relationships in all, so that a bulk
  // load does not grow the tables step by step. Changes nothing visible.
  void reserve(std::size_t nodes, std::size_t relationships);

  // Approximate heap bytes held, for docs/ and bench/.
  std::size_t memory_bytes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg
