#include "query/functions.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <random>
#include <unordered_map>

#include "query/temporal_functions.h"

namespace kg::query {
namespace {

using Args = std::vector<Value>;
using Fn = std::function<Value(Args&, EvalContext&)>;

struct FunctionInfo {
  std::size_t min_args, max_args;
  Fn fn;
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

[[noreturn]] void bad_argument(std::string_view fn, const Value& v) {
  runtime_error("TypeError", "InvalidArgumentValue",
                std::string(fn) + "() does not accept a " + std::string(v.type_name()));
}

// Parses a whole string as an integer or float; nullopt when it is not one.
std::optional<double> parse_number(const std::string& s) {
  std::size_t start = 0, end = s.size();
  while (start < end && std::isspace(static_cast<unsigned char>(s[start]))) ++start;
  while (end > start && std::isspace(static_cast<unsigned char>(s[end - 1]))) --end;
  if (start == end) return std::nullopt;
  std::string t = s.substr(start, end - start);
  char* stop = nullptr;
  double d = std::strtod(t.c_str(), &stop);
  if (stop != t.c_str() + t.size()) return std::nullopt;
  return d;
}

Value to_integer(const Value& v, bool or_null) {
  if (v.is_null()) return v;
  if (v.is_int()) return v;
  if (v.is_float()) {
    double d = v.as_float();
    if (std::isnan(d) || std::isinf(d)) return or_null ? Value() : v;
    if (d >= 9.2233720368547758e18 || d < -9.2233720368547758e18) return Value();
    return Value(static_cast<std::int64_t>(d));
  }
  if (v.is_string()) {
    const std::string& s = v.as_string();
    try {
      std::size_t used = 0;
      long long i = std::stoll(s, &used);
      if (used == s.size()) return Value(static_cast<std::int64_t>(i));
    } catch (...) {
    }
    auto d = parse_number(s);
    if (!d || std::isnan(*d) || std::isinf(*d)) return Value();
    if (*d >= 9.2233720368547758e18 || *d < -9.2233720368547758e18) return Value();
    return Value(static_cast<std::int64_t>(*d));
  }
  if (v.is_bool()) return Value(std::int64_t{v.as_bool() ? 1 : 0});
  if (or_null) return Value();
  bad_argument("toInteger", v);
}

Value to_float(const Value& v, bool or_null) {
  if (v.is_null() || v.is_float()) return v;
  if (v.is_int()) return Value(static_cast<double>(v.as_int()));
  if (v.is_string()) {
    auto d = parse_number(v.as_string());
    return d ? Value(*d) : Value();
  }
  if (or_null) return Value();
  bad_argument("toFloat", v);
}

Value to_boolean(const Value& v, bool or_null) {
  if (v.is_null() || v.is_bool()) return v;
  if (v.is_string()) {
    std::string s = lower(v.as_string());
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.erase(s.begin());
    if (s == "true") return Value(true);
    if (s == "false") return Value(false);
    return Value();
  }
  if (v.is_int()) return Value(v.as_int() != 0);
  if (or_null) return Value();
  bad_argument("toBoolean", v);
}

Value to_string(const Value& v, bool or_null) {
  if (v.is_null() || v.is_string()) return v;
  if (v.is_int()) return Value(std::to_string(v.as_int()));
  if (v.is_float()) return Value(format_float(v.as_float()));
  if (v.is_bool()) return Value(v.as_bool() ? "true" : "false");
  if (v.is_temporal()) return Value(kg::to_string(v.as_temporal()));
  if (or_null) return Value();
  bad_argument("toString", v);
}

Value number_fn(std::string_view name, const Value& v, double (*f)(double)) {
  if (v.is_null()) return v;
  if (!v.is_number()) bad_argument(name, v);
  return Value(f(v.as_number()));
}

std::int64_t int_arg(std::string_view fn, const Value& v) {
  if (!v.is_int()) bad_argument(fn, v);
  return v.as_int();
}

// The number of UTF-8 code points in s.
std::size_t utf8_length(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Byte offset of code point `cp` in s (s.size() when past the end).
std::size_t utf8_offset(const std::string& s, std::size_t cp) {
  std::size_t i = 0;
  while (i < s.size() && cp > 0) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    --cp;
  }
  return i;
}

Value nodes_of(const Value& p) {
  if (p.is_null()) return p;
  if (!p.is_path()) bad_argument("nodes", p);
  List out;
  for (NodeId id : p.as_path().nodes) out.push_back(Value(NodeRef{id}));
  return Value(std::move(out));
}

Value relationships_of(const Value& p) {
  if (p.is_null()) return p;
  if (!p.is_path()) bad_argument("relationships", p);
  List out;
  for (RelId id : p.as_path().rels) out.push_back(Value(RelRef{id}));
  return Value(std::move(out));
}

const std::unordered_map<std::string, FunctionInfo>& registry() {
  static const std::unordered_map<std::string, FunctionInfo> fns = [] {
    std::unordered_map<std::string, FunctionInfo> m;
    m["id"] = {1, 1, [](Args& a, EvalContext&) -> Value {
                 if (a[0].is_null()) return a[0];
                 if (a[0].is_node()) return Value(static_cast<std::int64_t>(a[0].as_node().id));
                 if (a[0].is_relationship())
                   return Value(static_cast<std::int64_t>(a[0].as_relationship().id));
                 bad_argument("id", a[0]);
               }};
    m["labels"] = {1, 1, [](Args& a, EvalContext& ctx) -> Value {
                     if (a[0].is_null()) return a[0];
                     if (!a[0].is_node()) bad_argument("labels", a[0]);
                     NodeId id = a[0].as_node().id;
                     if (!ctx.graph.has_node(id))
                       runtime_error("EntityNotFound", "DeletedEntityAccess", "the node was deleted");
                     List out;
                     for (const auto& l : ctx.graph.labels(id)) out.push_back(Value(l));
                     return Value(std::move(out));
                   }};
    m["type"] = {1, 1, [](Args& a, EvalContext& ctx) -> Value {
                   if (a[0].is_null()) return a[0];
                   if (!a[0].is_relationship()) bad_argument("type", a[0]);
                   RelId id = a[0].as_relationship().id;
                   if (!ctx.graph.has_relationship(id)) {
                     auto it = ctx.deleted_types.find(id);
                     if (it != ctx.deleted_types.end()) return Value(it->second);
                     runtime_error("EntityNotFound", "DeletedEntityAccess", "the relationship was deleted");
                   }
                   return Value(ctx.graph.type(id));
                 }};
    m["keys"] = {1, 1, [](Args& a, EvalContext& ctx) -> Value {
                   const Value& v = a[0];
                   if (v.is_null()) return v;
                   const Map* props = nullptr;
                   Map entity_properties;
                   if (v.is_node())
                     props = &(entity_properties = ctx.graph.node_properties(v.as_node().id));
                   else if (v.is_relationship())
                     props = &(entity_properties = ctx.graph.relationship_properties(v.as_relationship().id));
                   else if (v.is_map())
                     props = &v.as_map();
                   else
                     bad_argument("keys", v);
                   List out;
                   for (const auto& [k, val] : *props) out.push_back(Value(k));
                   return Value(std::move(out));
                 }};
    m["properties"] = {1, 1, [](Args& a, EvalContext& ctx) -> Value {
                         const Value& v = a[0];
                         if (v.is_null() || v.is_map()) return v;
                         if (v.is_node()) {
                           if (!ctx.graph.has_node(v.as_node().id))
                             runtime_error("EntityNotFound", "DeletedEntityAccess", "the node was deleted");
                           return Value(ctx.graph.node_properties(v.as_node().id));
                         }
                         if (v.is_relationship()) {
                           if (!ctx.graph.has_relationship(v.as_relationship().id))
                             runtime_error("EntityNotFound", "DeletedEntityAccess",
                                           "the relationship was deleted");
                           return Value(ctx.graph.relationship_properties(v.as_relationship().id));
                         }
                         bad_argument("properties", v);
                       }};
    m["size"] = {1, 1, [](Args& a, EvalContext&) -> Value {
                   const Value& v = a[0];
                   if (v.is_null()) return v;
                   if (v.is_list()) return Value(static_cast<std::int64_t>(v.as_list().size()));
                   if (v.is_string()) return Value(static_cast<std::int64_t>(utf8_length(v.as_string())));
                   if (v.is_map()) return Value(static_cast<std::int64_t>(v.as_map().size()));
                   bad_argument("size", v);
                 }};
    m["length"] = {1, 1, [](Args& a, EvalContext&) -> Value {
                     const Value& v = a[0];
                     if (v.is_null()) return v;
                     if (v.is_path()) return Value(static_cast<std::int64_t>(v.as_path().rels.size()));
                     bad_argument("length", v);
                   }};
    m["head"] = {1, 1, [](Args& a, EvalContext&) -> Value {
                   if (a[0].is_null()) return a[0];
                   if (!a[0].is_list()) bad_argument("head", a[0]);
                   return a[0].as_list().empty() ? Value() : a[0].as_list().front();
                 }};
    m["last"] = {1, 1, [](Args& a, EvalContext&) -> Value {
                   if (a[0].is_null()) return a[0];
                   if (!a[0].is_list()) bad_argument("last", a[0]);
                   return a[0].as_list().empty() ? Value() : a[0].as_list().back();
                 }};
    m["tail"] = {1, 1, [](Args& a, EvalContext&) -> Value {
                   if (a[0].is_null()) return a[0];
                   if (!a[0].is_list()) bad_argument("tail", a[0]);
                   const List& l = a[0].as_list();
                   return l.empty() ? Value(List{}) : Value(List(l.begin() + 1, l.end()));
                 }};
    m["reverse"] = {1, 1, [](Args& a, EvalContext&) -> Value {
                      if (a[0].is_null()) return a[0];
                      if (a[0].is_list()) {
                        List l = a[0].as_list();
                        std::reverse(l.begin(), l.end());
                        return Value(std::move(l));
                      }
                      if (a[0].is_string()) {
                        // Reverse code points, not bytes.
                        const std::string& s = a[0].as_string();
                        std::vector<std::string> cps;
                        for (std::size_t i = 0; i < s.size();) {
                          std::size_t j = i + 1;
                          while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
                          cps.push_back(s.substr(i, j - i));
                          i = j;
                        }
                        std::string out;
                        for (auto it = cps.rbegin(); it != cps.rend(); ++it) out += *it;
                        return Value(out);
                      }
                      bad_argument("reverse", a[0]);
                    }};
    m["range"] = {2, 3, [](Args& a, EvalContext& ctx) -> Value {
                    for (auto& v : a)
                      if (!v.is_int())
                        runtime_error("ArgumentError", "InvalidArgumentType",
                                      "range() expects integers, got " + std::string(v.type_name()));
                    std::int64_t from = a[0].as_int(), to = a[1].as_int(),
                                 step = a.size() > 2 ? a[2].as_int() : 1;
                    if (step == 0)
                      runtime_error("ArgumentError", "NumberOutOfRange", "range() step must not be zero");
                    // Refuse a list past the memory budget before building it.
                    double count = std::floor((static_cast<double>(to) - static_cast<double>(from)) /
                                              static_cast<double>(step)) + 1;
                    if (ctx.memory && count > 0)
                      ctx.memory->require(static_cast<std::size_t>(
                          std::min(count * static_cast<double>(sizeof(Value)), 1e18)));
                    List out;
                    for (std::int64_t i = from; step > 0 ? i <= to : i >= to; i += step)
                      out.push_back(Value(i));
                    return Value(std::move(out));
                  }};
    m["coalesce"] = {1, 1000, [](Args& a, EvalContext&) -> Value {
                       for (auto& v : a)
                         if (!v.is_null()) return v;
                       return Value();
                     }};
    m["tostring"] = {1, 1, [](Args& a, EvalContext&) { return to_string(a[0], false); }};
    m["tostringornull"] = {1, 1, [](Args& a, EvalContext&) { return to_string(a[0], true); }};
    m["tointeger"] = {1, 1, [](Args& a, EvalContext&) { return to_integer(a[0], false); }};
    m["tointegerornull"] = {1, 1, [](Args& a, EvalContext&) { return to_integer(a[0], true); }};
    m["tofloat"] = {1, 1, [](Args& a, EvalContext&) { return to_float(a[0], false); }};
    m["tofloatornull"] = {1, 1, [](Args& a, EvalContext&) { return to_float(a[0], true); }};
    m["toboolean"] = {1, 1, [](Args& a, EvalContext&) { return to_boolean(a[0], false); }};
    m["tobooleanornull"] = {1, 1, [](Args& a, EvalContext&) { return to_boolean(a[0], true); }};
    m["abs"] = {1, 1, [](Args& a, EvalContext&) -> Value {
                  if (a[0].is_null()) return a[0];
                  if (a[0].is_int()) return Value(a[0].as_int() < 0 ? -a[0].as_int() : a[0].as_int());
                  if (a[0].is_float()) return Value(std::fabs(a[0].as_float()));
                  bad_argument("abs", a[0]);
                }};
    m["sign"] = {1, 1, [](Args& a, EvalContext&) -> Value {
                   if (a[0].is_null()) return a[0];
                   if (!a[0].is_number()) bad_argument("sign", a[0]);
                   double d = a[0].as_number();
                   return Value(std::int64_t{d > 0 ? 1 : d < 0 ? -1 : 0});
                 }};
    m["ceil"] = {1, 1, [](Args& a, EvalContext&) {
                   return number_fn("ceil", a[0], [](double d) { return std::ceil(d); });
                 }};
    m["floor"] = {1, 1, [](Args& a, EvalContext&) {
                    return number_fn("floor", a[0], [](double d) { return std::floor(d); });
                  }};
    m["round"] = {1, 1, [](Args& a, EvalContext&) {
                    // Cypher rounds half up (towards positive infinity).
                    return number_fn("round", a[0], [](double d) { return std::floor(d + 0.5); });
                  }};
    m["sqrt"] = {1, 1, [](Args& a, EvalContext&) {
                   return number_fn("sqrt", a[0], [](double d) { return std::sqrt(d); });
                 }};
    m["exp"] = {1, 1, [](Args& a, EvalContext&) {
                  return number_fn("exp", a[0], [](double d) { return std::exp(d); });
                }};
    m["log"] = {1, 1, [](Args& a, EvalContext&) {
                  return number_fn("log", a[0], [](double d) { return std::log(d); });
                }};
    m["log10"] = {1, 1, [](Args& a, EvalContext&) {
                    return number_fn("log10", a[0], [](double d) { return std::log10(d); });
                  }};
    m["sin"] = {1, 1, [](Args& a, EvalContext&) {
                  return number_fn("sin", a[0], [](double d) { return std::sin(d); });
                }};
    m["cos"] = {1, 1, [](Args& a, EvalContext&) {
                  return number_fn("cos", a[0], [](double d) { return std::cos(d); });
                }};
    m["tan"] = {1, 1, [](Args& a, EvalContext&) {
                  return number_fn("tan", a[0], [](double d) { return std::tan(d); });
                }};
    m["cot"] = {1, 1, [](Args& a, EvalContext&) {
                  return number_fn("cot", a[0], [](double d) { return 1.0 / std::tan(d); });
                }};
    m["asin"] = {1, 1, [](Args& a, EvalContext&) {
                   return number_fn("asin", a[0], [](double d) { return std::asin(d); });
                 }};
    m["acos"] = {1, 1, [](Args& a, EvalContext&) {
                   return number_fn("acos", a[0], [](double d) { return std::acos(d); });
                 }};
    m["atan"] = {1, 1, [](Args& a, EvalContext&) {
                   return number_fn("atan", a[0], [](double d) { return std::atan(d); });
                 }};
    m["degrees"] = {1, 1, [](Args& a, EvalContext&) {
                      return number_fn("degrees", a[0], [](double d) { return d * 180.0 / M_PI; });
                    }};
    m["radians"] = {1, 1, [](Args& a, EvalContext&) {
                      return number_fn("radians", a[0], [](double d) { return d * M_PI / 180.0; });
                    }};
    m["haversin"] = {1, 1, [](Args& a, EvalContext&) {
                       return number_fn("haversin", a[0], [](double d) { return (1 - std::cos(d)) / 2; });
                     }};
    m["atan2"] = {2, 2, [](Args& a, EvalContext&) -> Value {
                    if (a[0].is_null() || a[1].is_null()) return Value();
                    if (!a[0].is_number()) bad_argument("atan2", a[0]);
                    if (!a[1].is_number()) bad_argument("atan2", a[1]);
                    return Value(std::atan2(a[0].as_number(), a[1].as_number()));
                  }};
    m["pi"] = {0, 0, [](Args&, EvalContext&) { return Value(M_PI); }};
    m["e"] = {0, 0, [](Args&, EvalContext&) { return Value(M_E); }};
    m["rand"] = {0, 0, [](Args&, EvalContext&) {
                   static std::mt19937_64 rng{std::random_device{}()};
                   return Value(std::uniform_real_distribution<double>(0.0, 1.0)(rng));
                 }};
    auto string_fn = [](const char* name, std::string (*f)(const std::string&)) {
      return FunctionInfo{1, 1, [name, f](Args& a, EvalContext&) -> Value {
                            if (a[0].is_null()) return a[0];
                            if (!a[0].is_string()) bad_argument(name, a[0]);
                            return Value(f(a[0].as_string()));
                          }};
    };
    m["toupper"] = string_fn("toUpper", [](const std::string& s) {
      std::string o = s;
      for (auto& c : o) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      return o;
    });
    m["tolower"] = string_fn("toLower", [](const std::string& s) { return lower(s); });
    m["ltrim"] = string_fn("lTrim", [](const std::string& s) {
      std::size_t i = 0;
      while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
      return s.substr(i);
    });
    m["rtrim"] = string_fn("rTrim", [](const std::string& s) {
      std::size_t j = s.size();
      while (j > 0 && std::isspace(static_cast<unsigned char>(s[j - 1]))) --j;
      return s.substr(0, j);
    });
    m["trim"] = string_fn("trim", [](const std::string& s) {
      std::size_t i = 0, j = s.size();
      while (i < j && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
      while (j > i && std::isspace(static_cast<unsigned char>(s[j - 1]))) --j;
      return s.substr(i, j - i);
    });
    m["replace"] = {3, 3, [](Args& a, EvalContext&) -> Value {
                      for (auto& v : a)
                        if (v.is_null()) return Value();
                      for (auto& v : a)
                        if (!v.is_string()) bad_argument("replace", v);
                      std::string s = a[0].as_string();
                      const std::string& from = a[1].as_string();
                      const std::string& to = a[2].as_string();
                      if (from.empty()) return Value(s);
                      std::string out;
                      std::size_t i = 0;
                      for (std::size_t j; (j = s.find(from, i)) != std::string::npos; i = j + from.size())
                        out += s.substr(i, j - i) + to;
                      return Value(out + s.substr(i));
                    }};
    m["substring"] = {
        2, 3, [](Args& a, EvalContext&) -> Value {
          if (a[0].is_null()) return a[0];
          if (!a[0].is_string()) bad_argument("substring", a[0]);
          std::int64_t start = int_arg("substring", a[1]);
          if (start < 0)
            runtime_error("ArgumentError", "NumberOutOfRange", "substring() start must not be negative");
          const std::string& s = a[0].as_string();
          std::size_t b = utf8_offset(s, static_cast<std::size_t>(start));
          if (a.size() < 3) return Value(s.substr(b));
          std::int64_t len = int_arg("substring", a[2]);
          if (len < 0)
            runtime_error("ArgumentError", "NumberOutOfRange", "substring() length must not be negative");
          std::size_t e = utf8_offset(s, static_cast<std::size_t>(start + len));
          return Value(s.substr(b, e - b));
        }};
    m["left"] = {2, 2, [](Args& a, EvalContext&) -> Value {
                   if (a[0].is_null()) return a[0];
                   if (!a[0].is_string()) bad_argument("left", a[0]);
                   std::int64_t n = int_arg("left", a[1]);
                   if (n < 0)
                     runtime_error("ArgumentError", "NumberOutOfRange", "left() length must not be negative");
                   return Value(a[0].as_string().substr(
                       0, utf8_offset(a[0].as_string(), static_cast<std::size_t>(n))));
                 }};
    m["right"] = {
        2, 2, [](Args& a, EvalContext&) -> Value {
          if (a[0].is_null()) return a[0];
          if (!a[0].is_string()) bad_argument("right", a[0]);
          std::int64_t n = int_arg("right", a[1]);
          if (n < 0)
            runtime_error("ArgumentError", "NumberOutOfRange", "right() length must not be negative");
          const std::string& s = a[0].as_string();
          std::size_t len = utf8_length(s);
          std::size_t skip = static_cast<std::size_t>(n) >= len ? 0 : len - static_cast<std::size_t>(n);
          return Value(s.substr(utf8_offset(s, skip)));
        }};
    m["split"] = {2, 2, [](Args& a, EvalContext&) -> Value {
                    if (a[0].is_null() || a[1].is_null()) return Value();
                    if (!a[0].is_string()) bad_argument("split", a[0]);
                    if (!a[1].is_string()) bad_argument("split", a[1]);
                    const std::string& s = a[0].as_string();
                    const std::string& d = a[1].as_string();
                    List out;
                    if (d.empty()) {
                      for (std::size_t i = 0; i < s.size();) {
                        std::size_t j = i + 1;
                        while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
                        out.push_back(Value(s.substr(i, j - i)));
                        i = j;
                      }
                      return Value(std::move(out));
                    }
                    std::size_t i = 0;
                    for (std::size_t j; (j = s.find(d, i)) != std::string::npos; i = j + d.size())
                      out.push_back(Value(s.substr(i, j - i)));
                    out.push_back(Value(s.substr(i)));
                    return Value(std::move(out));
                  }};
    m["startnode"] = {1, 1, [](Args& a, EvalContext& ctx) -> Value {
                        if (a[0].is_null()) return a[0];
                        if (!a[0].is_relationship()) bad_argument("startNode", a[0]);
                        return Value(NodeRef{ctx.graph.source(a[0].as_relationship().id)});
                      }};
    m["endnode"] = {1, 1, [](Args& a, EvalContext& ctx) -> Value {
                      if (a[0].is_null()) return a[0];
                      if (!a[0].is_relationship()) bad_argument("endNode", a[0]);
                      return Value(NodeRef{ctx.graph.target(a[0].as_relationship().id)});
                    }};
    m["nodes"] = {1, 1, [](Args& a, EvalContext&) { return nodes_of(a[0]); }};
    m["relationships"] = {1, 1, [](Args& a, EvalContext&) { return relationships_of(a[0]); }};
    m["exists"] = {1, 1, [](Args& a, EvalContext&) { return Value(!a[0].is_null()); }};
    m["isempty"] = {1, 1, [](Args& a, EvalContext&) -> Value {
                      if (a[0].is_null()) return a[0];
                      if (a[0].is_list()) return Value(a[0].as_list().empty());
                      if (a[0].is_map()) return Value(a[0].as_map().empty());
                      if (a[0].is_string()) return Value(a[0].as_string().empty());
                      bad_argument("isEmpty", a[0]);
                    }};
    return m;
  }();
  return fns;
}

}  // namespace

bool is_scalar_function(std::string_view name) {
  std::string n = lower(name);
  return registry().count(n) > 0 || is_temporal_function(n);
}

std::pair<std::size_t, std::size_t> function_arity(std::string_view name) {
  std::string n = lower(name);
  if (is_temporal_function(n)) return temporal_function_arity(n);
  const auto& info = registry().at(n);
  return {info.min_args, info.max_args};
}

Value call_function(const Expr& call, std::vector<Value>& args, EvalContext& ctx) {
  std::string n = lower(call.name);
  if (is_temporal_function(n)) return call_temporal_function(n, args, ctx);
  auto it = registry().find(n);
  if (it == registry().end())
    throw QueryError("SyntaxError", "UnknownFunction", "unknown function " + call.name + "()", true,
                     call.line, call.column);
  return it->second.fn(args, ctx);
}

}  // namespace kg::query
