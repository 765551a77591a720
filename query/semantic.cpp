#include "query/semantic.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "query/aggregation.h"
#include "query/engine.h"
#include "query/functions.h"

namespace kg::query {
namespace {

// What is known of a variable's type before running.
enum class VarType { Any, Node, Relationship, RelationshipList, Path, List, Map, String, Bool, Int, Float };

using Scope = std::map<std::string, VarType>;

[[noreturn]] void fail(const std::string& detail, const std::string& message, const Expr* at = nullptr) {
  throw QueryError("SyntaxError", detail, message, true, at ? at->line : 0, at ? at->column : 0);
}

// The kind of value an expression certainly has, when that is known before running.
std::optional<Value::Kind> static_kind(const Expr& e, const Scope& scope) {
  switch (e.kind) {
    case ExprKind::Literal:
      return e.value.kind();
    case ExprKind::ListLiteral:
    case ExprKind::ListComprehension:
    case ExprKind::PatternComprehension:
      return Value::Kind::List;
    case ExprKind::MapLiteral:
    case ExprKind::MapProjection:
      return Value::Kind::Map;
    case ExprKind::Variable: {
      auto it = scope.find(e.name);
      if (it == scope.end()) return std::nullopt;
      switch (it->second) {
        case VarType::Node:
          return Value::Kind::Node;
        case VarType::Relationship:
          return Value::Kind::Relationship;
        case VarType::Path:
          return Value::Kind::Path;
        case VarType::RelationshipList:
        case VarType::List:
          return Value::Kind::List;
        case VarType::Map:
          return Value::Kind::Map;
        case VarType::String:
          return Value::Kind::String;
        case VarType::Bool:
          return Value::Kind::Bool;
        case VarType::Int:
          return Value::Kind::Int;
        case VarType::Float:
          return Value::Kind::Float;
        default:
          return std::nullopt;
      }
    }
    default:
      return std::nullopt;
  }
}

VarType var_type_of(Value::Kind kind) {
  switch (kind) {
    case Value::Kind::List:
      return VarType::List;
    case Value::Kind::Map:
      return VarType::Map;
    case Value::Kind::String:
      return VarType::String;
    case Value::Kind::Bool:
      return VarType::Bool;
    case Value::Kind::Int:
      return VarType::Int;
    case Value::Kind::Float:
      return VarType::Float;
    case Value::Kind::Node:
      return VarType::Node;
    case Value::Kind::Relationship:
      return VarType::Relationship;
    case Value::Kind::Path:
      return VarType::Path;
    default:
      return VarType::Any;
  }
}

// The type of the elements of a list literal, when they all have the same known kind.
VarType element_type(const Expr& list, const Scope& scope) {
  if (list.kind != ExprKind::ListLiteral || list.args.empty()) return VarType::Any;
  std::optional<Value::Kind> common;
  for (const auto& a : list.args) {
    auto k = static_kind(*a, scope);
    if (!k || *k == Value::Kind::Null || (common && *common != *k)) return VarType::Any;
    common = k;
  }
  return var_type_of(*common);
}

// The type a variable gets from the expression it is bound to.
VarType static_var_type(const Expr& e, const Scope& scope) {
  if (e.kind == ExprKind::Variable) {
    auto it = scope.find(e.name);
    return it == scope.end() ? VarType::Any : it->second;
  }
  auto kind = static_kind(e, scope);
  if (!kind || *kind == Value::Kind::Null) return VarType::Any;
  return var_type_of(*kind);
}

std::string_view kind_name(Value::Kind k) {
  switch (k) {
    case Value::Kind::List:
      return "list";
    case Value::Kind::Map:
      return "map";
    case Value::Kind::String:
      return "string";
    case Value::Kind::Bool:
      return "boolean";
    case Value::Kind::Int:
      return "integer";
    case Value::Kind::Float:
      return "float";
    default:
      return "value";
  }
}

[[noreturn]] void type_fail(const std::string& message, const Expr* at) {
  fail("InvalidArgumentType", message, at);
}

// Arguments of known wrong type to boolean operators and entity functions.
void check_argument_types(const Expr& e, const Scope& scope) {
  auto is_not = [&](const Expr& a, std::initializer_list<Value::Kind> allowed) {
    auto k = static_kind(a, scope);
    if (!k || *k == Value::Kind::Null) return false;
    for (auto ok : allowed)
      if (*k == ok) return false;
    return true;
  };
  switch (e.kind) {
    case ExprKind::And:
    case ExprKind::Or:
    case ExprKind::Xor:
    case ExprKind::Not:
      for (const auto& a : e.args)
        if (is_not(*a, {Value::Kind::Bool})) type_fail("boolean operators expect booleans", a.get());
      break;
    case ExprKind::Subtract:
    case ExprKind::Multiply:
    case ExprKind::Divide:
    case ExprKind::Modulo:
    case ExprKind::Power:
    case ExprKind::Negate:
      for (const auto& a : e.args)
        if (is_not(*a, {Value::Kind::Int, Value::Kind::Float}))
          type_fail("arithmetic expects numbers", a.get());
      break;
    case ExprKind::In:
      if (is_not(*e.args[1], {Value::Kind::List})) type_fail("IN expects a list", e.args[1].get());
      break;
    case ExprKind::Property: {
      auto k = static_kind(*e.args[0], scope);
      if (k == Value::Kind::Path) type_fail("a path has no properties", &e);
      if (k && *k != Value::Kind::Null && *k != Value::Kind::Map && *k != Value::Kind::Node &&
          *k != Value::Kind::Relationship && e.args[0]->kind == ExprKind::Variable)
        throw QueryError("TypeError", "InvalidArgumentType",
                         "a " + std::string(kind_name(*k)) + " has no properties", true, e.line, e.column);
      break;
    }
    case ExprKind::FunctionCall: {
      std::string n = e.name;
      for (auto& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (e.args.empty()) break;
      const Expr& a = *e.args[0];
      if (n == "properties" && is_not(a, {Value::Kind::Node, Value::Kind::Relationship, Value::Kind::Map}))
        type_fail("properties() expects a node, a relationship or a map", &a);
      if (n == "labels" && is_not(a, {Value::Kind::Node})) type_fail("labels() expects a node", &a);
      if (n == "type" && is_not(a, {Value::Kind::Relationship}))
        type_fail("type() expects a relationship", &a);
      if (n == "size" && is_not(a, {Value::Kind::List, Value::Kind::String, Value::Kind::Map}))
        type_fail("size() expects a list or a string", &a);
      if (n == "length" && is_not(a, {Value::Kind::Path})) type_fail("length() expects a path", &a);
      break;
    }
    default:
      break;
  }
}

class Analyser {
 public:
  void query(Query& q) {
    bool any_all = false, any_distinct = false;
    for (bool all : q.union_all) (all ? any_all : any_distinct) = true;
    if (any_all && any_distinct) fail("InvalidClauseComposition", "UNION and UNION ALL cannot be mixed");
    std::vector<std::string> columns;
    for (std::size_t i = 0; i < q.parts.size(); ++i) {
      std::vector<std::string> cols = single(q.parts[i], q.parts.size() > 1);
      if (i == 0)
        columns = cols;
      else if (cols != columns)
        fail("DifferentColumnsInUnion", "all parts of a UNION must return the same columns");
    }
  }

 private:
  // Checks one query part; returns its RETURN columns.
  std::vector<std::string> single(SingleQuery& q, bool in_union, Scope scope = {}, bool subquery = false) {
    std::vector<std::string> columns;
    for (std::size_t i = 0; i < q.clauses.size(); ++i) {
      Clause& clause = q.clauses[i];
      bool last = i + 1 == q.clauses.size();
      if (auto* r = std::get_if<ReturnClause>(&clause)) {
        if (!last) fail("InvalidClauseComposition", "RETURN can only be the last clause");
        projection(r->projection, scope, true);
        for (const auto& item : r->projection.items) columns.push_back(item.alias);
      } else if (subquery && !std::holds_alternative<MatchClause>(clause) &&
                 !std::holds_alternative<WithClause>(clause) &&
                 !std::holds_alternative<UnwindClause>(clause)) {
        fail("InvalidClauseComposition", "an EXISTS subquery cannot update the graph");
      } else if (last && !subquery &&
                 (std::holds_alternative<MatchClause>(clause) || std::holds_alternative<WithClause>(clause) ||
                  std::holds_alternative<UnwindClause>(clause))) {
        fail("InvalidClauseComposition", "a query cannot end with this clause; add RETURN");
      } else {
        check_clause(clause, scope);
      }
    }
    if (in_union && columns.empty())
      fail("InvalidClauseComposition", "each part of a UNION must end with RETURN");
    return columns;
  }

  void check_clause(Clause& clause, Scope& scope) {
    if (auto* m = std::get_if<MatchClause>(&clause)) {
      pattern(m->pattern, scope, PatternUse::Match);
      if (m->where) predicate(*m->where, scope);
    } else if (auto* u = std::get_if<UnwindClause>(&clause)) {
      expression(*u->list, scope, false);
      if (scope.count(u->variable))
        fail("VariableAlreadyBound", "variable `" + u->variable + "` already declared");
      scope[u->variable] = VarType::Any;
    } else if (auto* w = std::get_if<WithClause>(&clause)) {
      Scope before = scope;
      projection(w->projection, scope, false);
      if (w->where) {
        Scope where_scope = scope;
        for (const auto& [name, type] : before) where_scope.emplace(name, type);
        predicate(*w->where, where_scope);
      }
    } else if (auto* c = std::get_if<CreateClause>(&clause)) {
      pattern(c->pattern, scope, PatternUse::Create);
    } else if (auto* mg = std::get_if<MergeClause>(&clause)) {
      Pattern p{mg->part};
      pattern(p, scope, PatternUse::Merge);
      for (auto* items : {&mg->on_create, &mg->on_match}) set_items(*items, scope);
    } else if (auto* s = std::get_if<SetClause>(&clause)) {
      set_items(s->items, scope);
    } else if (auto* r = std::get_if<RemoveClause>(&clause)) {
      set_items(r->items, scope);
    } else if (auto* d = std::get_if<DeleteClause>(&clause)) {
      for (const auto& t : d->targets) {
        if (t->kind == ExprKind::HasLabels)
          fail("InvalidDelete", "DELETE removes nodes and relationships, not labels", t.get());
        auto k = static_kind(*t, scope);
        if (k && *k != Value::Kind::Null && *k != Value::Kind::Node && *k != Value::Kind::Relationship &&
            *k != Value::Kind::Path)
          type_fail("DELETE expects a node, a relationship or a path", t.get());
        if (!k && t->kind != ExprKind::Variable && t->kind != ExprKind::Property &&
            t->kind != ExprKind::Index && t->kind != ExprKind::FunctionCall && t->kind != ExprKind::Case)
          type_fail("DELETE expects a node, a relationship or a path", t.get());
        expression(*t, scope, false);
      }
    }
  }

  void predicate(Expr& e, const Scope& scope) {
    auto k = static_kind(e, scope);
    if (k && *k != Value::Kind::Bool && *k != Value::Kind::Null) type_fail("WHERE expects a boolean", &e);
    ++pattern_predicates_allowed_;
    expression(e, scope, false);
    --pattern_predicates_allowed_;
  }

  int pattern_predicates_allowed_ = 0;  // > 0 inside WHERE and exists()

  void set_items(std::vector<SetItem>& items, const Scope& scope) {
    for (auto& item : items) {
      expression(*item.target, scope, false);
      if (item.value) expression(*item.value, scope, false);
    }
  }

  enum class PatternUse { Match, Create, Merge, Expression };

  static const char* type_name(VarType t) {
    switch (t) {
      case VarType::Node:
        return "a node";
      case VarType::Relationship:
        return "a relationship";
      case VarType::RelationshipList:
        return "a list of relationships";
      case VarType::Path:
        return "a path";
      default:
        return "a value";
    }
  }

  // The position of the pattern element being checked, for errors.
  int pattern_line_ = 0, pattern_column_ = 0;

  [[noreturn]] void fail_at_pattern(const std::string& detail, const std::string& message) const {
    throw QueryError("SyntaxError", detail, message, true, pattern_line_, pattern_column_);
  }

  void bind(Scope& scope, const std::string& name, VarType type) {
    auto it = scope.find(name);
    if (it == scope.end()) {
      scope[name] = type;
      return;
    }
    if (it->second != type && it->second != VarType::Any)
      fail_at_pattern("VariableTypeConflict",
                      "variable `" + name + "` is " + type_name(it->second) + ", not " + type_name(type));
    if (it->second == VarType::Any && type != VarType::Node)
      fail_at_pattern("VariableTypeConflict",
                      "variable `" + name + "` is not " + std::string(type_name(type)));
  }

  void pattern(Pattern& p, Scope& scope, PatternUse use) {
    Scope before = scope;
    std::set<std::string> rels_here;
    for (auto& part : p) {
      if (!part.path_variable.empty() && scope.count(part.path_variable))
        fail_at_pattern("VariableAlreadyBound", "variable `" + part.path_variable + "` already declared");
      bool creating = use == PatternUse::Create || use == PatternUse::Merge;
      for (std::size_t i = 0; i < part.nodes.size(); ++i) {
        NodePattern& n = part.nodes[i];
        pattern_line_ = n.line;
        pattern_column_ = n.column;
        if (n.properties) {
          if (n.properties->kind == ExprKind::Parameter && use != PatternUse::Create)
            fail("InvalidParameterUse", "a parameter cannot give the properties of a pattern here",
                 n.properties.get());
          expression(*n.properties, scope, false);
        }
        if (n.variable.empty()) continue;
        bool was_bound = scope.count(n.variable) > 0;
        if (creating && was_bound && (!n.labels.empty() || n.properties || part.nodes.size() == 1))
          fail_at_pattern("VariableAlreadyBound", "variable `" + n.variable + "` already declared");
        if (was_bound && scope[n.variable] == VarType::Any && use != PatternUse::Expression) {
          // A value of unknown type (from WITH or UNWIND) used as a node: checked when run,
          // except for obvious non-nodes.
          continue;
        }
        bind(scope, n.variable, VarType::Node);
      }
      for (auto& r : part.rels) {
        pattern_line_ = r.line;
        pattern_column_ = r.column;
        if (r.properties) {
          if (r.properties->kind == ExprKind::Parameter && use != PatternUse::Create)
            fail("InvalidParameterUse", "a parameter cannot give the properties of a pattern here",
                 r.properties.get());
          expression(*r.properties, scope, false);
        }
        if (creating && !r.variable.empty() && scope.count(r.variable))
          fail_at_pattern("VariableAlreadyBound", "variable `" + r.variable + "` already declared");
        if (creating) {
          if (r.types.size() != 1)
            fail_at_pattern("NoSingleRelationshipType", "a relationship to create needs exactly one type");
          if (r.direction == Direction::Both && use == PatternUse::Create)
            fail_at_pattern("RequiresDirectedRelationship", "a relationship to create needs a direction");
          if (r.variable_length)
            fail_at_pattern("CreatingVarLength", "variable length relationships cannot be created");
        }
        if (r.variable.empty()) continue;
        if (!rels_here.insert(r.variable).second)
          fail_at_pattern("RelationshipUniquenessViolation",
                          "relationship `" + r.variable + "` appears twice in the pattern");
        VarType t = r.variable_length ? VarType::RelationshipList : VarType::Relationship;
        auto it = scope.find(r.variable);
        if (it != scope.end() &&
            (it->second == VarType::Any || (it->second == VarType::List && r.variable_length)))
          continue;
        if (it != scope.end() && r.variable_length && it->second == VarType::Relationship)
          fail_at_pattern("VariableTypeConflict", "variable `" + r.variable + "` is a relationship");
        bind(scope, r.variable, t);
      }
      if (!part.path_variable.empty()) {
        if (scope.count(part.path_variable))
          fail_at_pattern("VariableAlreadyBound", "variable `" + part.path_variable + "` already declared");
        scope[part.path_variable] = VarType::Path;
      }
    }
  }

  // Checks an expression; `aggregates_allowed` in WITH/RETURN items and ORDER BY.
  void expression(Expr& e, const Scope& scope, bool aggregates_allowed, bool inside_aggregate = false) {
    check_argument_types(e, scope);
    switch (e.kind) {
      case ExprKind::Variable:
        if (!scope.count(e.name)) fail("UndefinedVariable", "variable `" + e.name + "` not defined", &e);
        return;
      case ExprKind::FunctionCall: {
        bool aggregate = is_aggregate_function(e.name);
        if (aggregate) {
          if (!aggregates_allowed) fail("InvalidAggregation", "aggregation is not allowed here", &e);
          if (inside_aggregate) fail("NestedAggregation", "aggregations cannot be nested", &e);
          for (auto& a : e.args) {
            expression(*a, scope, aggregates_allowed, true);
            if (e.args.size() > 0 && is_nondeterministic(*a))
              fail("NonConstantExpression", "aggregating a random value", &e);
          }
          return;
        }
        if (!is_scalar_function(e.name)) fail("UnknownFunction", "unknown function " + e.name + "()", &e);
        auto [lo, hi] = function_arity(e.name);
        if (e.args.size() < lo || e.args.size() > hi)
          fail("InvalidNumberOfArguments", "wrong number of arguments to " + e.name + "()", &e);
        bool exists = e.name.size() == 6 && (e.name == "exists" || e.name == "EXISTS" || e.name == "Exists");
        if (exists) ++pattern_predicates_allowed_;
        for (auto& a : e.args) expression(*a, scope, aggregates_allowed, inside_aggregate);
        if (exists) --pattern_predicates_allowed_;
        return;
      }
      case ExprKind::CountStar:
        if (!aggregates_allowed) fail("InvalidAggregation", "aggregation is not allowed here", &e);
        if (inside_aggregate) fail("NestedAggregation", "aggregations cannot be nested", &e);
        return;
      case ExprKind::ListComprehension:
      case ExprKind::Quantifier: {
        expression(*e.args[0], scope, aggregates_allowed, inside_aggregate);
        Scope inner = scope;
        inner[e.name] = element_type(*e.args[0], scope);
        for (std::size_t i = 1; i < e.args.size(); ++i)
          if (e.args[i]) expression(*e.args[i], inner, false, inside_aggregate);
        return;
      }
      case ExprKind::Reduce: {
        expression(*e.args[0], scope, aggregates_allowed, inside_aggregate);
        expression(*e.args[1], scope, aggregates_allowed, inside_aggregate);
        Scope inner = scope;
        inner[e.keys[0]] = VarType::Any;
        inner[e.name] = VarType::Any;
        expression(*e.args[2], inner, false, inside_aggregate);
        return;
      }
      case ExprKind::PatternPredicate: {
        if (pattern_predicates_allowed_ == 0)
          fail("UnexpectedSyntax", "a pattern can only be used as a predicate, in WHERE", &e);
        Scope inner = scope;
        for (auto& part : *e.pattern) {
          for (auto& n : part.nodes)
            if (!n.variable.empty() && !scope.count(n.variable))
              fail("UndefinedVariable", "variable `" + n.variable + "` not defined", &e);
          for (auto& r : part.rels)
            if (!r.variable.empty() && !scope.count(r.variable))
              fail("UndefinedVariable", "variable `" + r.variable + "` not defined", &e);
        }
        pattern(*e.pattern, inner, PatternUse::Expression);
        return;
      }
      case ExprKind::Exists:
        if (e.subquery) {
          single(*e.subquery, false, scope, true);
          return;
        }
        [[fallthrough]];
      case ExprKind::PatternComprehension: {
        Scope inner = scope;
        pattern(*e.pattern, inner, PatternUse::Expression);
        for (auto& a : e.args)
          if (a) expression(*a, inner, false, inside_aggregate);
        return;
      }
      case ExprKind::MapProjection:
        expression(*e.args[0], scope, aggregates_allowed, inside_aggregate);
        for (auto& item : e.projection) {
          if (item.value) expression(*item.value, scope, aggregates_allowed, inside_aggregate);
          if (item.kind == MapProjectionItem::Kind::Variable && !scope.count(item.key))
            fail("UndefinedVariable", "variable `" + item.key + "` not defined", &e);
        }
        return;
      default:
        break;
    }
    for (auto& a : e.args)
      if (a) expression(*a, scope, aggregates_allowed, inside_aggregate);
  }

  static bool is_nondeterministic(const Expr& e) {
    if (e.kind == ExprKind::FunctionCall && (e.name == "rand" || e.name == "RAND")) return true;
    for (const auto& a : e.args)
      if (a && is_nondeterministic(*a)) return true;
    return false;
  }

  void projection(Projection& p, Scope& scope, bool is_return) {
    if (p.star) {
      std::vector<ProjectionItem> items;
      for (const auto& [name, type] : scope) {
        auto v = make_expr(ExprKind::Variable);
        v->name = name;
        items.push_back({v, name, true});
      }
      if (items.empty() && is_return) fail("NoVariablesInScope", "RETURN * has no variables to return");
      items.insert(items.end(), p.items.begin(), p.items.end());
      p.items = std::move(items);
      p.star = false;
    }
    std::set<std::string> aliases;
    bool aggregating = false;
    for (auto& item : p.items) {
      expression(*item.expr, scope, true);
      if (!aliases.insert(item.alias).second)
        fail("ColumnNameConflict", "column `" + item.alias + "` appears twice");
      aggregating = aggregating || contains_aggregate(*item.expr);
    }
    if (aggregating) check_grouping(p);
    Scope next;
    for (const auto& item : p.items) {
      next[item.alias] = static_var_type(*item.expr, scope);
    }
    // ORDER BY sees the projected columns, and the variables before unless
    // the projection aggregates or de-duplicates.
    Scope order_scope = next;
    for (const auto& [name, type] : scope) order_scope.emplace(name, type);
    for (auto& s : p.order_by) {
      expression(*s.expr, order_scope, aggregating, false);
      if (aggregating || p.distinct) check_order_after_aggregation(*s.expr, p, next, aggregating);
    }
    for (const auto& item : p.items)
      if (!is_return && !item.has_alias && item.expr->kind != ExprKind::Variable)
        fail("NoExpressionAlias", "expression in WITH must be aliased (use AS)", item.expr.get());
    for (auto* e : {&p.skip, &p.limit}) {
      if (!*e) continue;
      if (uses_variables(**e)) fail("NonConstantExpression", "SKIP and LIMIT must be constants", e->get());
      expression(**e, Scope{}, false);
      if ((*e)->kind == ExprKind::Literal) {
        const Value& v = (*e)->value;
        if (v.is_int() && v.as_int() < 0)
          fail("NegativeIntegerArgument", "SKIP and LIMIT must not be negative", e->get());
        if (!v.is_int()) fail("InvalidArgumentType", "SKIP and LIMIT must be integers", e->get());
      }
    }
    scope = std::move(next);
  }

  static bool uses_variables(const Expr& e) {
    if (e.kind == ExprKind::Variable) return true;
    for (const auto& a : e.args)
      if (a && uses_variables(*a)) return true;
    return false;
  }

  static std::string text_key(const Expr& e) {
    // A structural key: kind, names and children.
    std::string k = std::to_string(static_cast<int>(e.kind)) + "(" + e.name;
    if (e.kind == ExprKind::Literal) k += "=" + std::string(e.value.type_name()) + format_value(e.value);
    for (const auto& key : e.keys) k += "," + key;
    for (const auto& a : e.args) k += "," + (a ? text_key(*a) : std::string("-"));
    return k + ")";
  }
  static std::string format_value(const Value& v) {
    if (v.is_int()) return std::to_string(v.as_int());
    if (v.is_string()) return v.as_string();
    if (v.is_float()) return format_float(v.as_float());
    if (v.is_bool()) return v.as_bool() ? "true" : "false";
    return "";
  }

  // The rules for expressions mixing aggregates and other values, and for
  // ORDER BY after DISTINCT or aggregation: outside aggregates, only grouping
  // keys (variables or their properties, as projected) may be used.
  struct GroupingRules {
    std::set<std::string> keys;            // structural keys of the non-aggregate items
    std::set<std::string> item_vars;       // variables used anywhere in the items
    std::set<std::string> aggregate_keys;  // structural keys of the aggregate calls in the items
    const Scope* projected = nullptr;      // aliases (ORDER BY only)
    bool distinct_only = false;            // DISTINCT without aggregation
  };

  static void collect_vars(const Expr& e, std::set<std::string>& out) {
    if (e.kind == ExprKind::Variable) out.insert(e.name);
    for (const auto& a : e.args)
      if (a) collect_vars(*a, out);
  }

  static void collect_aggregates(const Expr& e, std::set<std::string>& out) {
    if (e.kind == ExprKind::CountStar ||
        (e.kind == ExprKind::FunctionCall && is_aggregate_function(e.name))) {
      out.insert(text_key(e));
      return;
    }
    for (const auto& a : e.args)
      if (a) collect_aggregates(*a, out);
  }

  static GroupingRules grouping_rules(const Projection& p) {
    GroupingRules rules;
    for (const auto& item : p.items) {
      collect_aggregates(*item.expr, rules.aggregate_keys);
      if (!contains_aggregate(*item.expr)) rules.keys.insert(text_key(*item.expr));
      collect_vars(*item.expr, rules.item_vars);
    }
    return rules;
  }

  void check_grouped(const Expr& e, const GroupingRules& rules, bool whole_match) {
    bool simple = e.kind == ExprKind::Variable ||
                  (e.kind == ExprKind::Property && e.args[0]->kind == ExprKind::Variable);
    if ((whole_match || simple) && rules.keys.count(text_key(e))) return;
    if (e.kind == ExprKind::CountStar ||
        (e.kind == ExprKind::FunctionCall && is_aggregate_function(e.name))) {
      if (rules.distinct_only) fail("InvalidAggregation", "aggregation in ORDER BY after DISTINCT", &e);
      if (rules.projected && !rules.aggregate_keys.count(text_key(e))) {
        std::set<std::string> vars;
        collect_vars(e, vars);
        for (const auto& v : vars)
          if (!rules.projected->count(v))
            fail("UndefinedVariable", "variable `" + v + "` is not projected", &e);
      }
      return;
    }
    if (e.kind == ExprKind::Variable) {
      if (rules.projected && rules.projected->count(e.name)) return;
      if (rules.distinct_only || !rules.item_vars.count(e.name))
        fail("UndefinedVariable", "variable `" + e.name + "` is not projected", &e);
      fail("AmbiguousAggregationExpression", "`" + e.name + "` is neither aggregated nor a grouping key", &e);
    }
    if (e.kind == ExprKind::ListComprehension || e.kind == ExprKind::Quantifier || e.kind == ExprKind::Reduce)
      return;
    for (const auto& a : e.args)
      if (a) check_grouped(*a, rules, false);
  }

  void check_grouping(const Projection& p) {
    GroupingRules rules = grouping_rules(p);
    for (const auto& item : p.items)
      if (contains_aggregate(*item.expr)) check_grouped(*item.expr, rules, false);
  }

  void check_order_after_aggregation(const Expr& e, const Projection& p, const Scope& next,
                                     bool aggregating) {
    GroupingRules rules = grouping_rules(p);
    rules.projected = &next;
    rules.distinct_only = !aggregating;
    check_grouped(e, rules, !contains_aggregate(e));
  }
};

}  // namespace

void analyse(Query& query) { Analyser().query(query); }

}  // namespace kg::query
