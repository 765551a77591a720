// The value model shared by the graph store and the query engine.
//
// A Value is one of Cypher's types: null, boolean, 64-bit integer, double,
// string, list, map, a temporal value (graph/temporal.h), or a reference to a
// node, a relationship or a path of the graph. Cypher's rules for equality, comparability and ordering live here and
// nowhere else, so that the store, the query engine and the exporters agree.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "graph/temporal.h"

namespace kg {

// Ids are assigned by the graph, never reused, and survive save and load.
using NodeId = std::uint64_t;
using RelId = std::uint64_t;

struct NodeRef {
  NodeId id;
};
struct RelRef {
  RelId id;
};
// A walk through the graph. Invariant: nodes.size() == rels.size() + 1.
struct Path {
  std::vector<NodeId> nodes;
  std::vector<RelId> rels;
};

class Value;
using List = std::vector<Value>;
using Map = std::map<std::string, Value, std::less<>>;

class Value {
 public:
  // In Cypher's ORDER BY order of types (null last, after numbers).
  enum class Kind { Map, Node, Relationship, List, Path, Temporal, String, Bool, Int, Float, Null };

  Value() = default;
  Value(std::nullptr_t) {}
  Value(bool b) : data_(b) {}
  Value(int i) : data_(std::int64_t{i}) {}
  Value(std::int64_t i) : data_(i) {}
  Value(double d) : data_(d) {}
  Value(std::string s) : data_(std::move(s)) {}
  Value(std::string_view s) : data_(std::string(s)) {}
  Value(const char* s) : data_(std::string(s)) {}
  Value(List l) : data_(std::make_shared<List>(std::move(l))) {}
  Value(Map m) : data_(std::make_shared<Map>(std::move(m))) {}
  Value(NodeRef n) : data_(n) {}
  Value(RelRef r) : data_(r) {}
  Value(Path p) : data_(std::make_shared<const Path>(std::move(p))) {}
  Value(Temporal t) : data_(std::make_shared<const Temporal>(std::move(t))) {}

  Kind kind() const;
  bool is_null() const { return std::holds_alternative<std::monostate>(data_); }
  bool is_bool() const { return std::holds_alternative<bool>(data_); }
  bool is_int() const { return std::holds_alternative<std::int64_t>(data_); }
  bool is_float() const { return std::holds_alternative<double>(data_); }
  bool is_number() const { return is_int() || is_float(); }
  bool is_string() const { return std::holds_alternative<std::string>(data_); }
  bool is_list() const { return std::holds_alternative<ListPtr>(data_); }
  bool is_map() const { return std::holds_alternative<MapPtr>(data_); }
  bool is_node() const { return std::holds_alternative<NodeRef>(data_); }
  bool is_relationship() const { return std::holds_alternative<RelRef>(data_); }
  bool is_path() const { return std::holds_alternative<PathPtr>(data_); }
  bool is_temporal() const { return std::holds_alternative<TemporalPtr>(data_); }

  // Accessors require the matching kind (checked with assert-like exceptions).
  bool as_bool() const { return std::get<bool>(data_); }
  std::int64_t as_int() const { return std::get<std::int64_t>(data_); }
  double as_float() const { return std::get<double>(data_); }
  // Either numeric kind as a double.
  double as_number() const { return is_int() ? static_cast<double>(as_int()) : as_float(); }
  const std::string& as_string() const { return std::get<std::string>(data_); }
  const List& as_list() const { return *std::get<ListPtr>(data_); }
  const Map& as_map() const { return *std::get<MapPtr>(data_); }
  NodeRef as_node() const { return std::get<NodeRef>(data_); }
  RelRef as_relationship() const { return std::get<RelRef>(data_); }
  const Path& as_path() const { return *std::get<PathPtr>(data_); }
  const Temporal& as_temporal() const { return *std::get<TemporalPtr>(data_); }

  // The list or map itself, moved out when this Value is its only owner and
  // copied otherwise (lists and maps are shared between copies of a Value).
  // Requires the matching kind; leaves this Value null.
  List take_list();
  Map take_map();

  // Cypher's name of the kind: "NULL", "BOOLEAN", "INTEGER", "FLOAT", "STRING",
  // "LIST", "MAP", "NODE", "RELATIONSHIP", "PATH", or a temporal type's name
  // ("DATE", "ZONED DATETIME", "DURATION", ...).
  std::string_view type_name() const;

 private:
  // Shared and never changed in place, except by take_list()/take_map() when
  // the pointer is the only owner.
  using ListPtr = std::shared_ptr<List>;
  using MapPtr = std::shared_ptr<Map>;
  using PathPtr = std::shared_ptr<const Path>;
  using TemporalPtr = std::shared_ptr<const Temporal>;
  std::variant<std::monostate, bool, std::int64_t, double, std::string, ListPtr, MapPtr,
               NodeRef, RelRef, PathPtr, TemporalPtr>
      data_;
};

// Cypher's `=`: nullopt when the answer is unknown (a null is involved, or a
// list or map holds one where it matters). 1 = 1.0 is true; NaN equals nothing.
std::optional<bool> cypher_equals(const Value& a, const Value& b);

// Cypher's `<`, `<=`, `>`, `>=`: the sign of a - b, or nullopt when the two are
// not comparable (different types, null, NaN).
std::optional<int> cypher_compare(const Value& a, const Value& b);

// The total order of ORDER BY: maps < nodes < relationships < lists < paths <
// temporals (datetime < local datetime < date < time < local time < duration)
// < strings < booleans < numbers (NaN last among them) < null. Returns <0, 0, >0.
int order_compare(const Value& a, const Value& b);

// Equivalence, as DISTINCT, grouping keys and IN-list de-duplication use it:
// like cypher_equals but null is equivalent to null and NaN to NaN.
bool equivalent(const Value& a, const Value& b);

// A hash consistent with equivalent(): equivalent values hash the same.
std::size_t hash_value(const Value& v);

struct ValueHash {
  std::size_t operator()(const Value& v) const { return hash_value(v); }
};
struct ValueEquivalent {
  bool operator()(const Value& a, const Value& b) const { return equivalent(a, b); }
};

// Exact identity: same kind and same contents (1 and 1.0 differ; NaN is
// identical to NaN). Used for round-trip checks and property maps.
bool identical(const Value& a, const Value& b);

// A double in Cypher literal notation: always with '.' or an exponent, shortest
// round-trip digits, NaN, Infinity, -Infinity.
std::string format_float(double d);

// A string in Cypher literal notation: single quotes, with \' \\ and control
// characters escaped.
std::string quote_string(std::string_view s);

}  // namespace kg
