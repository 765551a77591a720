// The abstract syntax tree of a Cypher statement, as the parser builds it.
//
// Expressions are one node type (Expr) tagged by ExprKind, with children in
// `args`; this keeps the evaluator a single switch. Clauses are one struct
// per clause kind in a std::variant.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "graph/value.h"

namespace kg::query {

struct Expr;
using ExprPtr = std::shared_ptr<Expr>;
struct PatternPart;
struct SingleQuery;

enum class ExprKind {
  Literal,      // value
  Parameter,    // name
  Variable,     // name
  Property,     // args[0].name
  Index,        // args[0][args[1]]
  Slice,        // args[0][args[1]..args[2]] (either bound may be null)
  ListLiteral,  // [args...]
  MapLiteral,   // {keys[i]: args[i]}
  Not,
  Negate,
  Plus,
  And,
  Or,
  Xor,
  Add,
  Subtract,
  Multiply,
  Divide,
  Modulo,
  Power,
  Equal,
  NotEqual,
  Less,
  LessEqual,
  Greater,
  GreaterEqual,
  In,
  StartsWith,
  EndsWith,
  Contains,
  RegexMatch,
  IsNull,
  IsNotNull,
  HasLabels,             // args[0]:labels...
  FunctionCall,          // name(args), `distinct` for aggregates
  CountStar,             // count(*)
  Case,                  // args = [subject?] + when/then pairs + [else?]; see has_subject, has_else
  ListComprehension,     // [name IN args[0] WHERE args[1] | args[2]] (args[1], args[2] may be null)
  Quantifier,            // name(variable IN args[0] WHERE args[1]); `name` in keys[0]: any/all/none/single
  Reduce,                // reduce(keys[0] = args[0], name IN args[1] | args[2])
  PatternComprehension,  // [pattern WHERE args[0] | args[1]]
  PatternPredicate,      // a pattern used as a boolean: (a)-->(b)
  Exists,                // EXISTS { pattern WHERE args[0] }, or EXISTS { subquery }
  MapProjection,         // name{.key, key: args[i], .*}; see MapProjectionItem
};

// One element of a map projection n{.name, .*, k: expr, v}.
struct MapProjectionItem {
  enum class Kind { Property, AllProperties, Literal, Variable } kind;
  std::string key;
  ExprPtr value;  // Literal only
};

struct Expr {
  ExprKind kind;
  Value value;                    // Literal
  std::string name;               // Parameter/Variable/Property/FunctionCall/comprehension variable
  std::vector<std::string> keys;  // MapLiteral keys, HasLabels labels, Quantifier kind, Reduce accumulator
  std::vector<ExprPtr> args;
  bool distinct = false;                              // FunctionCall
  bool has_subject = false;                           // Case
  bool has_else = false;                              // Case
  std::shared_ptr<std::vector<PatternPart>> pattern;  // pattern expressions
  std::shared_ptr<SingleQuery> subquery;              // EXISTS { MATCH ... RETURN ... }
  std::vector<MapProjectionItem> projection;          // MapProjection
  std::size_t begin = 0, end = 0;                     // source span, for column names and errors
  int line = 0, column = 0;
  int height = 1;  // nodes on the longest path down to a leaf; the parser bounds it
};

ExprPtr make_expr(ExprKind kind, std::vector<ExprPtr> args = {});

enum class Direction { Outgoing, Incoming, Both };

struct NodePattern {
  std::string variable;  // "" when anonymous
  int line = 0, column = 0;
  std::vector<std::string> labels;
  ExprPtr properties;  // map literal or parameter, or null
};

struct RelPattern {
  std::string variable;
  std::vector<std::string> types;  // alternatives; empty means any
  Direction direction = Direction::Both;
  ExprPtr properties;
  bool variable_length = false;
  std::optional<std::int64_t> min_hops, max_hops;  // for variable_length
  int line = 0, column = 0;
};

// A chain (n0)-[r0]-(n1)-...-(nk); nodes.size() == rels.size() + 1.
struct PatternPart {
  enum class Kind { Normal, ShortestPath, AllShortestPaths } kind = Kind::Normal;
  std::string path_variable;
  std::vector<NodePattern> nodes;
  std::vector<RelPattern> rels;
};
using Pattern = std::vector<PatternPart>;

struct ProjectionItem {
  ExprPtr expr;
  std::string alias;  // the column name: the alias, else the expression as written
  bool has_alias = false;
};

struct SortItem {
  ExprPtr expr;
  bool ascending = true;
};

// What WITH and RETURN share.
struct Projection {
  bool distinct = false;
  bool star = false;  // `*` (items holds any further ones)
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order_by;
  ExprPtr skip, limit;
};

struct MatchClause {
  bool optional = false;
  Pattern pattern;
  ExprPtr where;
};
struct UnwindClause {
  ExprPtr list;
  std::string variable;
};
struct WithClause {
  Projection projection;
  ExprPtr where;
};
struct ReturnClause {
  Projection projection;
};
struct CreateClause {
  Pattern pattern;
};

// One item of SET (or ON CREATE / ON MATCH SET) or REMOVE.
struct SetItem {
  enum class Kind {
    Property,  // target.key = value        (REMOVE target.key: value null)
    Replace,   // variable = map
    Merge,     // variable += map
    Labels     // variable:Label:Other      (SET adds, REMOVE removes)
  } kind;
  ExprPtr target;  // Property: the entity expression; others: a Variable
  std::string key;
  std::vector<std::string> labels;
  ExprPtr value;
};

struct MergeClause {
  PatternPart part;
  std::vector<SetItem> on_create, on_match;
};
struct SetClause {
  std::vector<SetItem> items;
};
struct RemoveClause {
  std::vector<SetItem> items;
};
struct DeleteClause {
  bool detach = false;
  std::vector<ExprPtr> targets;
};
struct CallClause {
  std::string procedure;
};

using Clause = std::variant<MatchClause, UnwindClause, WithClause, ReturnClause, CreateClause, MergeClause,
                            SetClause, RemoveClause, DeleteClause, CallClause>;

// Clauses up to (and including) an optional final RETURN.
struct SingleQuery {
  std::vector<Clause> clauses;
};

// SingleQuery (UNION [ALL] SingleQuery)*.
struct Query {
  std::vector<SingleQuery> parts;
  std::vector<bool> union_all;  // union_all[i] joins parts[i] and parts[i + 1]
};

}  // namespace kg::query
