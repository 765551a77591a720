#include "graph/value.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <functional>

namespace kg {

Value::Kind Value::kind() const {
  switch (data_.index()) {
    case 0: return Kind::Null;
    case 1: return Kind::Bool;
    case 2: return Kind::Int;
    case 3: return Kind::Float;
    case 4: return Kind::String;
    case 5: return Kind::List;
    case 6: return Kind::Map;
    case 7: return Kind::Node;
    case 8: return Kind::Relationship;
    case 9: return Kind::Path;
    default: return Kind::Temporal;
  }
}

List Value::take_list() {
  ListPtr list = std::move(std::get<ListPtr>(data_));
  data_ = std::monostate{};
  return list.use_count() == 1 ? std::move(*list) : *list;
}

Map Value::take_map() {
  MapPtr map = std::move(std::get<MapPtr>(data_));
  data_ = std::monostate{};
  return map.use_count() == 1 ? std::move(*map) : *map;
}

std::string_view Value::type_name() const {
  switch (kind()) {
    case Kind::Null: return "NULL";
    case Kind::Bool: return "BOOLEAN";
    case Kind::Int: return "INTEGER";
    case Kind::Float: return "FLOAT";
    case Kind::String: return "STRING";
    case Kind::List: return "LIST";
    case Kind::Map: return "MAP";
    case Kind::Node: return "NODE";
    case Kind::Relationship: return "RELATIONSHIP";
    case Kind::Path: return "PATH";
    case Kind::Temporal: return temporal_type_name(as_temporal().type);
  }
  return "NULL";
}

namespace {

// Compares an integer with a double exactly (no rounding of large integers).
int compare_int_double(std::int64_t i, double d) {
  if (d >= 9223372036854775808.0) return -1;
  if (d < -9223372036854775808.0) return 1;
  double floor_d = std::floor(d);
  auto fi = static_cast<std::int64_t>(floor_d);
  if (i < fi) return -1;
  if (i > fi) return 1;
  return floor_d < d ? -1 : 0;
}

// Sign of a - b for two numbers, nullopt when NaN is involved.
std::optional<int> compare_numbers(const Value& a, const Value& b) {
  if (a.is_int() && b.is_int()) return a.as_int() < b.as_int() ? -1 : (a.as_int() > b.as_int());
  if (a.is_int()) {
    if (std::isnan(b.as_float())) return std::nullopt;
    return compare_int_double(a.as_int(), b.as_float());
  }
  if (b.is_int()) {
    if (std::isnan(a.as_float())) return std::nullopt;
    return -compare_int_double(b.as_int(), a.as_float());
  }
  double x = a.as_float(), y = b.as_float();
  if (std::isnan(x) || std::isnan(y)) return std::nullopt;
  return x < y ? -1 : (x > y);
}

int three_way(const std::string& a, const std::string& b) {
  int c = a.compare(b);
  return c < 0 ? -1 : (c > 0);
}

bool same_path(const Path& a, const Path& b) { return a.nodes == b.nodes && a.rels == b.rels; }

// Kinds that ORDER BY and cypher_equals treat as one: Int and Float are both numbers.
Value::Kind family(const Value& v) { return v.is_int() ? Value::Kind::Float : v.kind(); }

}  // namespace

std::optional<bool> cypher_equals(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) {
    auto c = compare_numbers(a, b);
    return c ? std::optional<bool>(*c == 0) : std::optional<bool>(false);
  }
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Value::Kind::Bool: return a.as_bool() == b.as_bool();
    case Value::Kind::String: return a.as_string() == b.as_string();
    case Value::Kind::Node: return a.as_node().id == b.as_node().id;
    case Value::Kind::Relationship: return a.as_relationship().id == b.as_relationship().id;
    case Value::Kind::Path: return same_path(a.as_path(), b.as_path());
    case Value::Kind::Temporal: return temporal_equals(a.as_temporal(), b.as_temporal());
    case Value::Kind::List: {
      const List& x = a.as_list();
      const List& y = b.as_list();
      if (x.size() != y.size()) return false;
      bool unknown = false;
      for (std::size_t i = 0; i < x.size(); ++i) {
        auto e = cypher_equals(x[i], y[i]);
        if (!e) unknown = true;
        else if (!*e) return false;
      }
      return unknown ? std::nullopt : std::optional<bool>(true);
    }
    case Value::Kind::Map: {
      const Map& x = a.as_map();
      const Map& y = b.as_map();
      if (x.size() != y.size()) return false;
      bool unknown = false;
      for (auto xi = x.begin(), yi = y.begin(); xi != x.end(); ++xi, ++yi) {
        if (xi->first != yi->first) return false;
      }
      for (auto xi = x.begin(), yi = y.begin(); xi != x.end(); ++xi, ++yi) {
        auto e = cypher_equals(xi->second, yi->second);
        if (!e) unknown = true;
        else if (!*e) return false;
      }
      return unknown ? std::nullopt : std::optional<bool>(true);
    }
    default: return false;
  }
}

std::optional<int> cypher_compare(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) return compare_numbers(a, b);
  if (a.kind() != b.kind()) return std::nullopt;
  switch (a.kind()) {
    case Value::Kind::String: return three_way(a.as_string(), b.as_string());
    case Value::Kind::Bool: return int(a.as_bool()) - int(b.as_bool());
    case Value::Kind::Temporal: return temporal_compare(a.as_temporal(), b.as_temporal());
    case Value::Kind::List: {
      const List& x = a.as_list();
      const List& y = b.as_list();
      for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
        auto c = cypher_compare(x[i], y[i]);
        if (!c) return std::nullopt;
        if (*c != 0) return c;
      }
      return x.size() < y.size() ? -1 : (x.size() > y.size());
    }
    default: return std::nullopt;
  }
}

int order_compare(const Value& a, const Value& b) {
  Value::Kind fa = family(a), fb = family(b);
  if (fa != fb) return fa < fb ? -1 : 1;
  switch (fa) {
    case Value::Kind::Null: return 0;
    case Value::Kind::Float: {
      bool na = a.is_float() && std::isnan(a.as_float());
      bool nb = b.is_float() && std::isnan(b.as_float());
      if (na || nb) return int(na) - int(nb);
      return *compare_numbers(a, b);
    }
    case Value::Kind::Bool: return int(a.as_bool()) - int(b.as_bool());
    case Value::Kind::String: return three_way(a.as_string(), b.as_string());
    case Value::Kind::Temporal: return temporal_order(a.as_temporal(), b.as_temporal());
    case Value::Kind::Node: {
      auto x = a.as_node().id, y = b.as_node().id;
      return x < y ? -1 : (x > y);
    }
    case Value::Kind::Relationship: {
      auto x = a.as_relationship().id, y = b.as_relationship().id;
      return x < y ? -1 : (x > y);
    }
    case Value::Kind::Path: {
      const Path& x = a.as_path();
      const Path& y = b.as_path();
      if (x.nodes != y.nodes) return x.nodes < y.nodes ? -1 : 1;
      if (x.rels != y.rels) return x.rels < y.rels ? -1 : 1;
      return 0;
    }
    case Value::Kind::List: {
      const List& x = a.as_list();
      const List& y = b.as_list();
      for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
        int c = order_compare(x[i], y[i]);
        if (c != 0) return c;
      }
      return x.size() < y.size() ? -1 : (x.size() > y.size());
    }
    case Value::Kind::Map: {
      const Map& x = a.as_map();
      const Map& y = b.as_map();
      auto xi = x.begin();
      auto yi = y.begin();
      for (; xi != x.end() && yi != y.end(); ++xi, ++yi) {
        int c = three_way(xi->first, yi->first);
        if (c != 0) return c;
        c = order_compare(xi->second, yi->second);
        if (c != 0) return c;
      }
      return x.size() < y.size() ? -1 : (x.size() > y.size());
    }
    default: return 0;
  }
}

bool equivalent(const Value& a, const Value& b) {
  if (family(a) != family(b)) return false;
  if (a.is_null()) return true;
  if (a.is_list()) {
    const List& x = a.as_list();
    const List& y = b.as_list();
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i)
      if (!equivalent(x[i], y[i])) return false;
    return true;
  }
  if (a.is_map()) {
    const Map& x = a.as_map();
    const Map& y = b.as_map();
    if (x.size() != y.size()) return false;
    for (auto xi = x.begin(), yi = y.begin(); xi != x.end(); ++xi, ++yi)
      if (xi->first != yi->first || !equivalent(xi->second, yi->second)) return false;
    return true;
  }
  return order_compare(a, b) == 0;
}

std::size_t hash_value(const Value& v) {
  auto mix = [](std::size_t seed, std::size_t h) {
    return seed ^ (h + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
  };
  std::size_t seed = static_cast<std::size_t>(family(v));
  switch (v.kind()) {
    case Value::Kind::Null: return seed;
    case Value::Kind::Bool: return mix(seed, v.as_bool());
    case Value::Kind::Int:
    case Value::Kind::Float: {
      double d = v.as_number();
      if (std::isnan(d)) return mix(seed, 0x7ff8);
      // Integral numbers hash by their integer value so 1 and 1.0 collide.
      if (v.is_int()) return mix(seed, std::hash<std::int64_t>{}(v.as_int()));
      if (d == std::floor(d) && std::fabs(d) < 9.2e18)
        return mix(seed, std::hash<std::int64_t>{}(static_cast<std::int64_t>(d)));
      return mix(seed, std::hash<double>{}(d));
    }
    case Value::Kind::String: return mix(seed, std::hash<std::string>{}(v.as_string()));
    case Value::Kind::Node: return mix(seed, v.as_node().id);
    case Value::Kind::Relationship: return mix(seed, v.as_relationship().id);
    case Value::Kind::Temporal: return mix(seed, temporal_hash(v.as_temporal()));
    case Value::Kind::Path: {
      for (NodeId n : v.as_path().nodes) seed = mix(seed, n);
      for (RelId r : v.as_path().rels) seed = mix(seed, r);
      return seed;
    }
    case Value::Kind::List:
      for (const Value& e : v.as_list()) seed = mix(seed, hash_value(e));
      return seed;
    case Value::Kind::Map:
      for (const auto& [k, e] : v.as_map()) {
        seed = mix(seed, std::hash<std::string>{}(k));
        seed = mix(seed, hash_value(e));
      }
      return seed;
  }
  return seed;
}

bool identical(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Value::Kind::Float: {
      double x = a.as_float(), y = b.as_float();
      return (std::isnan(x) && std::isnan(y)) || (x == y && std::signbit(x) == std::signbit(y));
    }
    case Value::Kind::List: {
      const List& x = a.as_list();
      const List& y = b.as_list();
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i)
        if (!identical(x[i], y[i])) return false;
      return true;
    }
    case Value::Kind::Map: {
      const Map& x = a.as_map();
      const Map& y = b.as_map();
      if (x.size() != y.size()) return false;
      for (auto xi = x.begin(), yi = y.begin(); xi != x.end(); ++xi, ++yi)
        if (xi->first != yi->first || !identical(xi->second, yi->second)) return false;
      return true;
    }
    default: return order_compare(a, b) == 0;
  }
}

std::string format_float(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  std::string s(buf, end);
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}

std::string quote_string(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    switch (c) {
      case '\'': out += "\\'"; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '\'';
  return out;
}

}  // namespace kg
