#include "query/evaluator.h"

#include <cmath>
#include <regex>

#include "query/executor.h"
#include "query/functions.h"
#include "query/matcher.h"
#include "query/temporal_functions.h"

namespace kg::query {

const Value* Env::find(std::string_view name) const {
  for (const Env* e = this; e != nullptr; e = e->parent) {
    if (e->names == nullptr) continue;
    const auto& n = *e->names;
    for (std::size_t i = n.size(); i-- > 0;)
      if (n[i] == name) return &e->values[i];
  }
  return nullptr;
}

void Env::flatten(std::vector<std::string>& names_out, std::vector<Value>& values_out) const {
  for (const Env* e = this; e != nullptr; e = e->parent) {
    if (e->names == nullptr) continue;
    for (std::size_t i = 0; i < e->names->size(); ++i) {
      const std::string& name = (*e->names)[i];
      bool shadowed = false;
      for (const auto& seen : names_out) shadowed = shadowed || seen == name;
      if (shadowed) continue;
      names_out.push_back(name);
      values_out.push_back(e->values[i]);
    }
  }
}

void runtime_error(const std::string& error_class, const std::string& detail, const std::string& message) {
  throw QueryError(error_class, detail, message, false);
}

std::optional<bool> truth(const Value& v) {
  if (v.is_null()) return std::nullopt;
  if (v.is_bool()) return v.as_bool();
  runtime_error("TypeError", "InvalidArgumentType", "expected a boolean, got " + std::string(v.type_name()));
}

std::optional<bool> compare(ExprKind op, const Value& a, const Value& b) {
  if (op == ExprKind::Equal) return cypher_equals(a, b);
  if (op == ExprKind::NotEqual) {
    auto eq = cypher_equals(a, b);
    return eq ? std::optional<bool>(!*eq) : std::nullopt;
  }
  auto c = cypher_compare(a, b);
  if (!c) {
    // NaN is not less, equal or greater than any number.
    if (a.is_number() && b.is_number()) return false;
    return std::nullopt;
  }
  switch (op) {
    case ExprKind::Less:
      return *c < 0;
    case ExprKind::LessEqual:
      return *c <= 0;
    case ExprKind::Greater:
      return *c > 0;
    default:
      return *c >= 0;
  }
}

const Value& property_ref(const Value& container, std::string_view key, EvalContext& ctx, Value& scratch) {
  scratch = Value();
  if (container.is_null()) return scratch;
  if (container.is_node()) {
    NodeId id = container.as_node().id;
    if (!ctx.graph.has_node(id))
      runtime_error("EntityNotFound", "DeletedEntityAccess", "the node was deleted");
    const Value* v = ctx.graph.node_property(id, key);
    return v ? *v : scratch;
  }
  if (container.is_relationship()) {
    RelId id = container.as_relationship().id;
    if (!ctx.graph.has_relationship(id))
      runtime_error("EntityNotFound", "DeletedEntityAccess", "the relationship was deleted");
    const Value* v = ctx.graph.relationship_property(id, key);
    return v ? *v : scratch;
  }
  if (container.is_map()) {
    const Map& m = container.as_map();
    auto it = m.find(key);
    return it == m.end() ? scratch : it->second;
  }
  if (container.is_temporal()) return scratch = temporal_property(container.as_temporal(), key);
  runtime_error("TypeError", "InvalidArgumentType",
                "cannot read property '" + std::string(key) + "' of a " + std::string(container.type_name()));
}

Value property_of(const Value& container, std::string_view key, EvalContext& ctx) {
  Value scratch;
  const Value& v = property_ref(container, key, ctx, scratch);
  return &v == &scratch ? std::move(scratch) : v;
}

const Value& evaluate_ref(const Expr& e, const Env& env, EvalContext& ctx, Value& scratch) {
  switch (e.kind) {
    case ExprKind::Literal:
      return e.value;
    case ExprKind::Variable:
      if (const Value* v = env.find(e.name)) return *v;
      break;  // evaluate() reports it
    case ExprKind::Property: {
      Value container_scratch;
      const Value& container = evaluate_ref(*e.args[0], env, ctx, container_scratch);
      const Value& v = property_ref(container, e.name, ctx, scratch);
      // A property of a computed map lives in container_scratch, which ends here.
      if (&container == &container_scratch && &v != &scratch) scratch = v;
      return &container == &container_scratch ? scratch : v;
    }
    default:
      break;
  }
  return scratch = evaluate(e, env, ctx);
}

namespace {

Value bool_or_null(std::optional<bool> b) { return b ? Value(*b) : Value(); }

[[noreturn]] void type_error(const std::string& what, const Value& a, const Value& b) {
  runtime_error("TypeError", "InvalidArgumentType",
                "cannot " + what + " " + std::string(a.type_name()) + " and " + std::string(b.type_name()));
}

Value arithmetic(ExprKind op, const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value();
  if (auto temporal = temporal_arithmetic(op, a, b)) return *temporal;
  if (op == ExprKind::Add) {
    if (a.is_list() && b.is_list()) {
      List out = a.as_list();
      out.insert(out.end(), b.as_list().begin(), b.as_list().end());
      return Value(std::move(out));
    }
    if (a.is_list()) {
      List out = a.as_list();
      out.push_back(b);
      return Value(std::move(out));
    }
    if (b.is_list()) {
      List out{a};
      out.insert(out.end(), b.as_list().begin(), b.as_list().end());
      return Value(std::move(out));
    }
    if (a.is_string() && b.is_string()) return Value(a.as_string() + b.as_string());
    if (a.is_string() && b.is_number())
      return Value(a.as_string() + (b.is_int() ? std::to_string(b.as_int()) : format_float(b.as_float())));
    if (a.is_number() && b.is_string())
      return Value((a.is_int() ? std::to_string(a.as_int()) : format_float(a.as_float())) + b.as_string());
  }
  if (!a.is_number() || !b.is_number()) type_error("apply an arithmetic operator to", a, b);
  if (op == ExprKind::Power) return Value(std::pow(a.as_number(), b.as_number()));
  if (a.is_int() && b.is_int()) {
    std::int64_t x = a.as_int(), y = b.as_int(), r = 0;
    bool overflow = false;
    switch (op) {
      case ExprKind::Add:
        overflow = __builtin_add_overflow(x, y, &r);
        break;
      case ExprKind::Subtract:
        overflow = __builtin_sub_overflow(x, y, &r);
        break;
      case ExprKind::Multiply:
        overflow = __builtin_mul_overflow(x, y, &r);
        break;
      case ExprKind::Divide:
      case ExprKind::Modulo:
        if (y == 0) runtime_error("ArithmeticError", "DivisionByZero", "/ by zero");
        if (x == std::numeric_limits<std::int64_t>::min() && y == -1) {
          if (op == ExprKind::Modulo) return Value(std::int64_t{0});
          overflow = true;
          break;
        }
        r = op == ExprKind::Divide ? x / y : x % y;
        break;
      default:
        break;
    }
    if (overflow) runtime_error("ArithmeticError", "IntegerOverflow", "integer overflow");
    return Value(r);
  }
  double x = a.as_number(), y = b.as_number();
  switch (op) {
    case ExprKind::Add:
      return Value(x + y);
    case ExprKind::Subtract:
      return Value(x - y);
    case ExprKind::Multiply:
      return Value(x * y);
    case ExprKind::Divide:
      return Value(x / y);
    case ExprKind::Modulo:
      return Value(std::fmod(x, y));
    default:
      return Value();
  }
}

Value comparison(ExprKind op, const Value& a, const Value& b) { return bool_or_null(compare(op, a, b)); }

Value in_list(const Value& item, const Value& list) {
  if (list.is_null()) return Value();
  if (!list.is_list())
    runtime_error("TypeError", "InvalidArgumentType",
                  "IN expects a list, got " + std::string(list.type_name()));
  bool unknown = false;
  for (const Value& e : list.as_list()) {
    auto eq = cypher_equals(item, e);
    if (!eq)
      unknown = true;
    else if (*eq)
      return Value(true);
  }
  return unknown ? Value() : Value(false);
}

Value string_predicate(ExprKind op, const Value& a, const Value& b) {
  if (!a.is_string() || !b.is_string()) return Value();
  const std::string& s = a.as_string();
  const std::string& t = b.as_string();
  switch (op) {
    case ExprKind::StartsWith:
      return Value(s.compare(0, t.size(), t) == 0 && s.size() >= t.size());
    case ExprKind::EndsWith:
      return Value(s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0);
    default:
      return Value(s.find(t) != std::string::npos);
  }
}

Value regex_match(const Value& a, const Value& b) {
  if (!a.is_string() || !b.is_string()) return Value();
  std::string pattern = b.as_string();
  auto flags = std::regex::ECMAScript;
  if (pattern.rfind("(?i)", 0) == 0) {
    pattern = pattern.substr(4);
    flags |= std::regex::icase;
  }
  try {
    return Value(std::regex_match(a.as_string(), std::regex(pattern, flags)));
  } catch (const std::regex_error&) {
    runtime_error("ArgumentError", "InvalidArgumentValue", "invalid regular expression " + b.as_string());
  }
}

std::int64_t list_index(const Value& index, std::size_t size, bool& in_range) {
  std::int64_t i = index.as_int();
  if (i < 0) i += static_cast<std::int64_t>(size);
  in_range = i >= 0 && i < static_cast<std::int64_t>(size);
  return i;
}

Value index_value(const Value& container, const Value& index, EvalContext& ctx) {
  if (container.is_null() || index.is_null()) return Value();
  if (container.is_list()) {
    if (!index.is_int())
      runtime_error("TypeError", "ListElementAccessByNonInteger", "list index must be an integer");
    bool ok = false;
    std::int64_t i = list_index(index, container.as_list().size(), ok);
    return ok ? container.as_list()[static_cast<std::size_t>(i)] : Value();
  }
  if (container.is_map() || container.is_node() || container.is_relationship()) {
    if (!index.is_string())
      runtime_error("TypeError", "MapElementAccessByNonString", "map key must be a string");
    return property_of(container, index.as_string(), ctx);
  }
  runtime_error("TypeError", "InvalidArgumentType", "cannot index a " + std::string(container.type_name()));
}

Value slice_value(const Value& container, const Value* from, const Value* to) {
  if (container.is_null()) return Value();
  if ((from && from->is_null()) || (to && to->is_null())) return Value();
  if (!container.is_list())
    runtime_error("TypeError", "InvalidArgumentType", "cannot slice a " + std::string(container.type_name()));
  if ((from && !from->is_int()) || (to && !to->is_int()))
    runtime_error("TypeError", "InvalidArgumentType", "slice bounds must be integers");
  const List& l = container.as_list();
  auto n = static_cast<std::int64_t>(l.size());
  auto clamp = [n](std::int64_t i) {
    if (i < 0) i += n;
    return std::max<std::int64_t>(0, std::min(i, n));
  };
  std::int64_t a = from ? clamp(from->as_int()) : 0;
  std::int64_t b = to ? clamp(to->as_int()) : n;
  if (b <= a) return Value(List{});
  return Value(List(l.begin() + a, l.begin() + b));
}

Value has_labels(const Value& v, const std::vector<std::string>& labels, EvalContext& ctx) {
  if (v.is_null()) return Value();
  if (v.is_relationship()) {  // r:T tests the relationship's type
    const std::string& type = ctx.graph.type(v.as_relationship().id);
    for (const auto& l : labels)
      if (l != type) return Value(false);
    return Value(true);
  }
  if (!v.is_node()) runtime_error("TypeError", "InvalidArgumentType", "labels can only be tested on a node");
  for (const auto& l : labels)
    if (!ctx.graph.has_label(v.as_node().id, l)) return Value(false);
  return Value(true);
}

// Runs fn(element_env) for each element of a list bound to `name`.
template <typename Fn>
void for_each_element(const std::string& name, const List& list, const Env& env, Fn fn) {
  std::vector<std::string> names{name};
  for (const Value& element : list) {
    Env inner{&names, &element, &env};
    if (!fn(inner)) return;
  }
}

Value evaluate_quantifier(const Expr& e, const Env& env, EvalContext& ctx) {
  Value list = evaluate(*e.args[0], env, ctx);
  if (list.is_null()) return Value();
  if (!list.is_list()) runtime_error("TypeError", "InvalidArgumentType", "quantifiers expect a list");
  std::size_t trues = 0, nulls = 0, total = list.as_list().size();
  for_each_element(e.name, list.as_list(), env, [&](const Env& inner) {
    auto t = e.args[1] ? truth(evaluate(*e.args[1], inner, ctx)) : std::optional<bool>(true);
    if (!t)
      ++nulls;
    else if (*t)
      ++trues;
    return true;
  });
  std::size_t falses = total - trues - nulls;
  const std::string& q = e.keys[0];
  if (q == "all") return falses > 0 ? Value(false) : nulls > 0 ? Value() : Value(true);
  if (q == "any") return trues > 0 ? Value(true) : nulls > 0 ? Value() : Value(false);
  if (q == "none") return trues > 0 ? Value(false) : nulls > 0 ? Value() : Value(true);
  // single
  if (trues > 1) return Value(false);
  if (nulls > 0) return Value();
  return Value(trues == 1);
}

Value evaluate_case(const Expr& e, const Env& env, EvalContext& ctx) {
  std::size_t i = 0;
  Value subject;
  if (e.has_subject) subject = evaluate(*e.args[i++], env, ctx);
  std::size_t pairs_end = e.args.size() - (e.has_else ? 1 : 0);
  for (; i < pairs_end; i += 2) {
    Value when = evaluate(*e.args[i], env, ctx);
    bool hit =
        e.has_subject ? cypher_equals(subject, when).value_or(false) : (when.is_bool() && when.as_bool());
    if (hit) return evaluate(*e.args[i + 1], env, ctx);
  }
  return e.has_else ? evaluate(*e.args.back(), env, ctx) : Value();
}

Value evaluate_map_projection(const Expr& e, const Env& env, EvalContext& ctx) {
  Value subject = evaluate(*e.args[0], env, ctx);
  if (subject.is_null()) return Value();
  Map out;
  for (const auto& item : e.projection) {
    switch (item.kind) {
      case MapProjectionItem::Kind::Property:
        out[item.key] = property_of(subject, item.key, ctx);
        break;
      case MapProjectionItem::Kind::AllProperties:
        if (subject.is_node()) {
          for (const auto& [k, v] : ctx.graph.node_properties(subject.as_node().id)) out[k] = v;
        } else if (subject.is_relationship()) {
          for (const auto& [k, v] : ctx.graph.relationship_properties(subject.as_relationship().id))
            out[k] = v;
        } else if (subject.is_map()) {
          for (const auto& [k, v] : subject.as_map()) out[k] = v;
        }
        break;
      case MapProjectionItem::Kind::Literal:
        out[item.key] = evaluate(*item.value, env, ctx);
        break;
      case MapProjectionItem::Kind::Variable: {
        const Value* v = env.find(item.key);
        out[item.key] = v ? *v : Value();
        break;
      }
    }
  }
  return Value(std::move(out));
}

// Runs a pattern expression's matcher over the current row.
void match_pattern(
    const Expr& e, const ExprPtr& where, const Env& env, EvalContext& ctx,
    const std::function<bool(const std::vector<std::string>&, const std::vector<Value>&)>& emit) {
  std::vector<std::string> names;
  std::vector<Value> values;
  env.flatten(names, values);
  PatternMatcher matcher(*e.pattern, names, ctx.graph, where.get());
  matcher.run(values.data(), ctx, [&](std::vector<Value>& row) { return emit(matcher.output_names(), row); });
}

}  // namespace

Value evaluate(const Expr& e, const Env& env, EvalContext& ctx) {
  switch (e.kind) {
    case ExprKind::Literal:
      return e.value;
    case ExprKind::Parameter: {
      auto it = ctx.parameters.find(e.name);
      if (it == ctx.parameters.end())
        throw QueryError("ParameterMissing", "MissingParameter", "no value for parameter $" + e.name, true);
      return it->second;
    }
    case ExprKind::Variable: {
      const Value* v = env.find(e.name);
      if (!v)
        throw QueryError("SyntaxError", "UndefinedVariable", "variable `" + e.name + "` not defined", true,
                         e.line, e.column);
      return *v;
    }
    case ExprKind::Property: {
      Value scratch;
      return property_of(evaluate_ref(*e.args[0], env, ctx, scratch), e.name, ctx);
    }
    case ExprKind::Index:
      return index_value(evaluate(*e.args[0], env, ctx), evaluate(*e.args[1], env, ctx), ctx);
    case ExprKind::Slice: {
      Value c = evaluate(*e.args[0], env, ctx);
      Value from = e.args[1] ? evaluate(*e.args[1], env, ctx) : Value();
      Value to = e.args[2] ? evaluate(*e.args[2], env, ctx) : Value();
      return slice_value(c, e.args[1] ? &from : nullptr, e.args[2] ? &to : nullptr);
    }
    case ExprKind::ListLiteral: {
      List out;
      out.reserve(e.args.size());
      for (const auto& a : e.args) out.push_back(evaluate(*a, env, ctx));
      return Value(std::move(out));
    }
    case ExprKind::MapLiteral: {
      Map out;
      for (std::size_t i = 0; i < e.args.size(); ++i) out[e.keys[i]] = evaluate(*e.args[i], env, ctx);
      return Value(std::move(out));
    }
    case ExprKind::Not: {
      auto t = truth(evaluate(*e.args[0], env, ctx));
      return t ? Value(!*t) : Value();
    }
    case ExprKind::Negate: {
      Value v = evaluate(*e.args[0], env, ctx);
      if (v.is_null()) return v;
      if (v.is_int()) {
        if (v.as_int() == std::numeric_limits<std::int64_t>::min())
          runtime_error("ArithmeticError", "IntegerOverflow", "integer overflow");
        return Value(-v.as_int());
      }
      if (v.is_float()) return Value(-v.as_float());
      runtime_error("TypeError", "InvalidArgumentType", "cannot negate a " + std::string(v.type_name()));
    }
    case ExprKind::Plus: {
      Value v = evaluate(*e.args[0], env, ctx);
      if (!v.is_null() && !v.is_number())
        runtime_error("TypeError", "InvalidArgumentType", "unary + expects a number");
      return v;
    }
    case ExprKind::And: {
      auto a = truth(evaluate(*e.args[0], env, ctx));
      if (a && !*a) {
        truth(evaluate(*e.args[1], env, ctx));  // still type-checked
        return Value(false);
      }
      auto b = truth(evaluate(*e.args[1], env, ctx));
      if (b && !*b) return Value(false);
      if (a && b) return Value(true);
      return Value();
    }
    case ExprKind::Or: {
      auto a = truth(evaluate(*e.args[0], env, ctx));
      auto b = truth(evaluate(*e.args[1], env, ctx));
      if ((a && *a) || (b && *b)) return Value(true);
      if (a && b) return Value(false);
      return Value();
    }
    case ExprKind::Xor: {
      auto a = truth(evaluate(*e.args[0], env, ctx));
      auto b = truth(evaluate(*e.args[1], env, ctx));
      if (!a || !b) return Value();
      return Value(*a != *b);
    }
    case ExprKind::Add:
    case ExprKind::Subtract:
    case ExprKind::Multiply:
    case ExprKind::Divide:
    case ExprKind::Modulo:
    case ExprKind::Power:
      return arithmetic(e.kind, evaluate(*e.args[0], env, ctx), evaluate(*e.args[1], env, ctx));
    case ExprKind::Equal:
    case ExprKind::NotEqual:
    case ExprKind::Less:
    case ExprKind::LessEqual:
    case ExprKind::Greater:
    case ExprKind::GreaterEqual:
    {
      Value a, b;
      return comparison(e.kind, evaluate_ref(*e.args[0], env, ctx, a), evaluate_ref(*e.args[1], env, ctx, b));
    }
    case ExprKind::In:
      return in_list(evaluate(*e.args[0], env, ctx), evaluate(*e.args[1], env, ctx));
    case ExprKind::StartsWith:
    case ExprKind::EndsWith:
    case ExprKind::Contains:
      return string_predicate(e.kind, evaluate(*e.args[0], env, ctx), evaluate(*e.args[1], env, ctx));
    case ExprKind::RegexMatch:
      return regex_match(evaluate(*e.args[0], env, ctx), evaluate(*e.args[1], env, ctx));
    case ExprKind::IsNull: {
      Value scratch;
      return Value(evaluate_ref(*e.args[0], env, ctx, scratch).is_null());
    }
    case ExprKind::IsNotNull: {
      Value scratch;
      return Value(!evaluate_ref(*e.args[0], env, ctx, scratch).is_null());
    }
    case ExprKind::HasLabels:
      return has_labels(evaluate(*e.args[0], env, ctx), e.keys, ctx);
    case ExprKind::FunctionCall: {
      std::vector<Value> args;
      args.reserve(e.args.size());
      for (const auto& a : e.args) args.push_back(evaluate(*a, env, ctx));
      return call_function(e, args, ctx);
    }
    case ExprKind::CountStar:
      runtime_error("SyntaxError", "InvalidAggregation", "count(*) is not allowed here");
    case ExprKind::Case:
      return evaluate_case(e, env, ctx);
    case ExprKind::ListComprehension: {
      Value list = evaluate(*e.args[0], env, ctx);
      if (list.is_null()) return Value();
      if (!list.is_list())
        runtime_error("TypeError", "InvalidArgumentType", "list comprehension expects a list");
      List out;
      for_each_element(e.name, list.as_list(), env, [&](const Env& inner) {
        if (e.args[1] && !truth(evaluate(*e.args[1], inner, ctx)).value_or(false)) return true;
        out.push_back(e.args[2] ? evaluate(*e.args[2], inner, ctx) : *inner.values);
        return true;
      });
      return Value(std::move(out));
    }
    case ExprKind::Quantifier:
      return evaluate_quantifier(e, env, ctx);
    case ExprKind::Reduce: {
      Value acc = evaluate(*e.args[0], env, ctx);
      Value list = evaluate(*e.args[1], env, ctx);
      if (list.is_null()) return Value();
      if (!list.is_list()) runtime_error("TypeError", "InvalidArgumentType", "reduce expects a list");
      std::vector<std::string> names{e.keys[0], e.name};
      for (const Value& element : list.as_list()) {
        Value frame[2] = {acc, element};
        Env inner{&names, frame, &env};
        acc = evaluate(*e.args[2], inner, ctx);
      }
      return acc;
    }
    case ExprKind::PatternComprehension: {
      List out;
      match_pattern(e, e.args[0], env, ctx,
                    [&](const std::vector<std::string>& names, const std::vector<Value>& row) {
                      Env inner{&names, row.data(), &env};
                      out.push_back(evaluate(*e.args[1], inner, ctx));
                      return true;
                    });
      return Value(std::move(out));
    }
    case ExprKind::PatternPredicate:
    case ExprKind::Exists: {
      if (e.subquery) {
        std::vector<std::string> names;
        std::vector<Value> values;
        env.flatten(names, values);
        return Value(subquery_has_rows(*e.subquery, names, values, ctx));
      }
      bool found = false;
      match_pattern(e, e.kind == ExprKind::Exists ? e.args[0] : nullptr, env, ctx,
                    [&](const std::vector<std::string>&, const std::vector<Value>&) {
                      found = true;
                      return false;
                    });
      return Value(found);
    }
    case ExprKind::MapProjection:
      return evaluate_map_projection(e, env, ctx);
  }
  return Value();
}

}  // namespace kg::query
