#include "query/parser.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "query/engine.h"
#include "graph/text_fold.h"
#include "query/lexer.h"

namespace kg::query {

ExprPtr make_expr(ExprKind kind, std::vector<ExprPtr> args) {
  auto e = std::make_shared<Expr>();
  e->kind = kind;
  e->args = std::move(args);
  return e;
}

std::string normalize_relationship_type(std::string_view written) {
  if (written.find('-') == std::string_view::npos) return std::string(written);
  std::string out;
  for (char c : written)
    out += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

class Parser {
 public:
  explicit Parser(std::string_view source) : source_(source), tokens_(tokenize(source)) {}

  Query query() {
    Query q;
    q.parts.push_back(single_query());
    while (accept_keyword("UNION")) {
      q.union_all.push_back(accept_keyword("ALL"));
      q.parts.push_back(single_query());
    }
    accept_symbol(";");
    if (peek().kind != TokenKind::End) fail_here("UnexpectedSyntax", "unexpected '" + peek().text + "'");
    return q;
  }

  ExprPtr whole_expression() {
    ExprPtr e = expression();
    if (peek().kind != TokenKind::End) fail_here("UnexpectedSyntax", "unexpected '" + peek().text + "'");
    return e;
  }

 private:
  std::string_view source_;
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  int nesting_ = 0;  // expressions open inside each other, bounded by kMaxNesting

  // Deeper nesting is refused rather than risking the stack here and in every
  // recursive pass after the parser (semantic analysis, planning, evaluation).
  static constexpr int kMaxNesting = 256;
  // The same for the height of an expression tree, which a long chain of
  // operators (1 + 1 + ... + 1) builds without any nesting.
  static constexpr int kMaxHeight = 1000;

  // Counts one level of nesting for as long as it lives.
  class Nested {
   public:
    explicit Nested(Parser& parser) : parser_(parser) {
      if (++parser_.nesting_ > kMaxNesting)
        parser_.fail_here("NestingTooDeep", "expression nested deeper than " + std::to_string(kMaxNesting) + " levels");
    }
    ~Nested() { --parser_.nesting_; }
    Nested(const Nested&) = delete;
    Nested& operator=(const Nested&) = delete;

   private:
    Parser& parser_;
  };

  // ---- Token helpers ---------------------------------------------------
  const Token& peek(std::size_t ahead = 0) const {
    std::size_t i = std::min(pos_ + ahead, tokens_.size() - 1);
    return tokens_[i];
  }
  const Token& next() {
    const Token& t = tokens_[pos_];
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return t;
  }
  bool is_keyword(std::string_view kw, std::size_t ahead = 0) const {
    const Token& t = peek(ahead);
    return t.kind == TokenKind::Identifier && iequals(t.text, kw);
  }
  bool is_symbol(std::string_view s, std::size_t ahead = 0) const {
    const Token& t = peek(ahead);
    return t.kind == TokenKind::Symbol && t.text == s;
  }
  bool accept_keyword(std::string_view kw) {
    if (!is_keyword(kw)) return false;
    next();
    return true;
  }
  bool accept_symbol(std::string_view s) {
    if (!is_symbol(s)) return false;
    next();
    return true;
  }
  void expect_keyword(std::string_view kw) {
    if (!accept_keyword(kw)) fail_here("UnexpectedSyntax", "expected " + std::string(kw));
  }
  void expect_symbol(std::string_view s) {
    if (!accept_symbol(s)) fail_here("UnexpectedSyntax", "expected '" + std::string(s) + "'");
  }
  [[noreturn]] void fail_at(const Token& t, const std::string& detail, const std::string& message) const {
    throw QueryError("SyntaxError", detail, message, true, t.line, t.column);
  }
  [[noreturn]] void fail_here(const std::string& detail, const std::string& message) const {
    const Token& t = peek();
    fail_at(t, detail, t.kind == TokenKind::End ? message + " at the end of the input" : message);
  }
  bool is_name_token(std::size_t ahead = 0) const {
    auto k = peek(ahead).kind;
    return k == TokenKind::Identifier || k == TokenKind::QuotedIdentifier;
  }
  // A symbolic name: any identifier (keywords included) or a quoted name.
  std::string name() {
    if (!is_name_token()) fail_here("UnexpectedSyntax", "expected a name");
    return next().text;
  }
  // A variable name: an identifier that is not a reserved word of a clause.
  std::string variable_name() {
    static const char* const reserved[] = {
        "MATCH",  "RETURN", "WITH",  "WHERE",     "CREATE",     "MERGE",    "SET",    "DELETE",   "REMOVE",
        "UNWIND", "UNION",  "ORDER", "SKIP",      "LIMIT",      "OPTIONAL", "DETACH", "AND",      "OR",
        "XOR",    "NOT",    "IN",    "AS",        "IS",         "NULL",     "TRUE",   "FALSE",    "CASE",
        "WHEN",   "THEN",   "ELSE",  "END",       "DISTINCT",   "STARTS",   "ENDS",   "CONTAINS", "ON",
        "BY",     "ASC",    "DESC",  "ASCENDING", "DESCENDING", "CALL",     "YIELD"};
    if (peek().kind == TokenKind::Identifier)
      for (const char* r : reserved)
        if (iequals(peek().text, r)) fail_here("UnexpectedSyntax", "unexpected '" + peek().text + "'");
    return name();
  }
  bool at_variable() const {
    if (peek().kind == TokenKind::QuotedIdentifier) return true;
    return peek().kind == TokenKind::Identifier;
  }
  ExprPtr finish(ExprPtr e, const Token& first) {
    int below = 0;
    for (const ExprPtr& arg : e->args)
      if (arg) below = std::max(below, arg->height);
    e->height = below + 1;
    if (e->height > kMaxHeight)
      fail_at(first, "NestingTooDeep",
              "expression deeper than " + std::to_string(kMaxHeight) + " levels (nesting or a chain of operators)");
    e->begin = first.begin;
    e->end = tokens_[pos_ > 0 ? pos_ - 1 : 0].end;
    e->line = first.line;
    e->column = first.column;
    return e;
  }

  // ---- Clauses ---------------------------------------------------------
  SingleQuery single_query() {
    SingleQuery q;
    for (;;) {
      if (is_keyword("UNION") || is_symbol(";") || is_symbol("}") || peek().kind == TokenKind::End) break;
      q.clauses.push_back(clause());
    }
    if (q.clauses.empty()) fail_here("UnexpectedSyntax", "expected a clause");
    return q;
  }

  Clause clause() {
    if (accept_keyword("OPTIONAL")) {
      expect_keyword("MATCH");
      return match_clause(true);
    }
    if (accept_keyword("MATCH")) return match_clause(false);
    if (accept_keyword("UNWIND")) {
      UnwindClause u;
      u.list = expression();
      expect_keyword("AS");
      u.variable = variable_name();
      return u;
    }
    if (accept_keyword("WITH")) {
      WithClause w;
      w.projection = projection();
      if (accept_keyword("WHERE")) w.where = expression();
      return w;
    }
    if (accept_keyword("RETURN")) return ReturnClause{projection()};
    if (accept_keyword("CREATE")) return CreateClause{pattern()};
    if (accept_keyword("MERGE")) return merge_clause();
    if (accept_keyword("SET")) return SetClause{set_items()};
    if (accept_keyword("REMOVE")) return remove_clause();
    if (accept_keyword("DETACH")) {
      expect_keyword("DELETE");
      return delete_clause(true);
    }
    if (accept_keyword("DELETE")) return delete_clause(false);
    if (accept_keyword("CALL")) {
      CallClause c;
      c.procedure = name();
      while (accept_symbol(".")) c.procedure += "." + name();
      // Arguments and YIELD are skipped: no procedure exists.
      int depth = 0;
      while (peek().kind != TokenKind::End) {
        if (depth == 0 && (is_keyword("RETURN") || is_keyword("WITH") || is_symbol(";"))) break;
        if (is_symbol("(")) ++depth;
        if (is_symbol(")")) --depth;
        next();
      }
      return c;
    }
    fail_here("UnexpectedSyntax", "expected a clause, found '" + peek().text + "'");
  }

  MatchClause match_clause(bool optional) {
    MatchClause m;
    m.optional = optional;
    m.pattern = pattern();
    if (accept_keyword("WHERE")) m.where = expression();
    return m;
  }

  MergeClause merge_clause() {
    MergeClause m;
    m.part = pattern_part();
    while (accept_keyword("ON")) {
      bool create = accept_keyword("CREATE");
      if (!create) expect_keyword("MATCH");
      expect_keyword("SET");
      auto items = set_items();
      auto& dest = create ? m.on_create : m.on_match;
      dest.insert(dest.end(), items.begin(), items.end());
    }
    return m;
  }

  std::vector<SetItem> set_items() {
    std::vector<SetItem> items;
    do {
      SetItem item;
      const Token& first = peek();
      if (at_variable() && (is_symbol("=", 1) || is_symbol("+=", 1) || is_symbol(":", 1))) {
        item.target = finish(variable_expr(variable_name()), first);
        if (accept_symbol("=")) {
          item.kind = SetItem::Kind::Replace;
          item.value = expression();
        } else if (accept_symbol("+=")) {
          item.kind = SetItem::Kind::Merge;
          item.value = expression();
        } else {
          item.kind = SetItem::Kind::Labels;
          item.labels = labels();
        }
      } else {
        ExprPtr target = postfix_expression();
        if (target->kind != ExprKind::Property)
          fail_at(first, "UnexpectedSyntax", "expected a property to set");
        item.kind = SetItem::Kind::Property;
        item.key = target->name;
        item.target = target->args[0];
        expect_symbol("=");
        item.value = expression();
      }
      items.push_back(std::move(item));
    } while (accept_symbol(","));
    return items;
  }

  RemoveClause remove_clause() {
    RemoveClause r;
    do {
      SetItem item;
      const Token& first = peek();
      if (at_variable() && is_symbol(":", 1)) {
        item.kind = SetItem::Kind::Labels;
        item.target = finish(variable_expr(variable_name()), first);
        item.labels = labels();
      } else {
        ExprPtr target = postfix_expression();
        if (target->kind != ExprKind::Property)
          fail_at(first, "UnexpectedSyntax", "expected a property or labels to remove");
        item.kind = SetItem::Kind::Property;
        item.key = target->name;
        item.target = target->args[0];
      }
      r.items.push_back(std::move(item));
    } while (accept_symbol(","));
    return r;
  }

  DeleteClause delete_clause(bool detach) {
    DeleteClause d;
    d.detach = detach;
    do d.targets.push_back(expression());
    while (accept_symbol(","));
    return d;
  }

  Projection projection() {
    Projection p;
    p.distinct = accept_keyword("DISTINCT");
    p.star = accept_symbol("*");
    if (!p.star || accept_symbol(",")) {
      do {
        ProjectionItem item;
        const Token& first = peek();
        item.expr = expression();
        if (accept_keyword("AS")) {
          item.alias = variable_name();
          item.has_alias = true;
        } else {
          item.alias = std::string(source_.substr(first.begin, tokens_[pos_ - 1].end - first.begin));
        }
        p.items.push_back(std::move(item));
      } while (accept_symbol(","));
    }
    if (accept_keyword("ORDER")) {
      expect_keyword("BY");
      do {
        SortItem s;
        s.expr = expression();
        if (accept_keyword("DESC") || accept_keyword("DESCENDING"))
          s.ascending = false;
        else if (accept_keyword("ASC") || accept_keyword("ASCENDING"))
          s.ascending = true;
        p.order_by.push_back(std::move(s));
      } while (accept_symbol(","));
    }
    if (accept_keyword("SKIP")) p.skip = expression();
    if (accept_keyword("LIMIT")) p.limit = expression();
    return p;
  }

  // ---- Patterns --------------------------------------------------------
  Pattern pattern() {
    Pattern p;
    do p.push_back(pattern_part());
    while (accept_symbol(","));
    return p;
  }

  PatternPart pattern_part() {
    PatternPart part;
    if (at_variable() && is_symbol("=", 1)) {
      part.path_variable = variable_name();
      next();
    }
    if ((is_keyword("shortestPath") || is_keyword("allShortestPaths")) && is_symbol("(", 1)) {
      part.kind =
          is_keyword("shortestPath") ? PatternPart::Kind::ShortestPath : PatternPart::Kind::AllShortestPaths;
      next();
      next();
      chain(part);
      expect_symbol(")");
      return part;
    }
    chain(part);
    return part;
  }

  void chain(PatternPart& part) {
    // A parenthesised pattern part: ((a)-->(b)) is the same as (a)-->(b).
    if (is_symbol("(") && is_symbol("(", 1)) {
      Nested level(*this);
      next();
      chain(part);
      expect_symbol(")");
      return;
    }
    part.nodes.push_back(node_pattern());
    while (is_symbol("-") || (is_symbol("<") && is_symbol("-", 1))) {
      part.rels.push_back(rel_pattern());
      part.nodes.push_back(node_pattern());
    }
  }

  NodePattern node_pattern() {
    NodePattern n;
    n.line = peek().line;
    n.column = peek().column;
    expect_symbol("(");
    if (at_variable() && !is_symbol("(", 1)) n.variable = variable_name();
    if (is_symbol(":")) n.labels = labels();
    if (is_symbol("{") || peek().kind == TokenKind::Parameter) n.properties = properties();
    expect_symbol(")");
    return n;
  }

  ExprPtr properties() {
    if (peek().kind == TokenKind::Parameter) return atom();
    return map_literal();
  }

  std::vector<std::string> labels() {
    std::vector<std::string> out;
    while (accept_symbol(":")) out.push_back(name());
    return out;
  }

  RelPattern rel_pattern() {
    RelPattern r;
    const Token& first = peek();
    r.line = first.line;
    r.column = first.column;
    bool left = accept_symbol("<");
    expect_symbol("-");
    if (accept_symbol("[")) {
      if (at_variable() && !is_symbol("(", 1)) r.variable = variable_name();
      if (accept_symbol(":")) {
        r.types.push_back(relationship_type());
        while (accept_symbol("|")) {
          accept_symbol(":");
          r.types.push_back(relationship_type());
        }
      }
      if (is_symbol("..") || (is_symbol("*") && is_symbol("-", 1)))
        fail_here("InvalidRelationshipPattern", "a variable length relationship is written *, *n, *n..m");
      if (accept_symbol("*")) {
        r.variable_length = true;
        if (peek().kind == TokenKind::Integer) r.min_hops = integer_value(next());
        if (accept_symbol("..")) {
          if (peek().kind == TokenKind::Integer) r.max_hops = integer_value(next());
        } else if (r.min_hops) {
          r.max_hops = r.min_hops;
        }
      }
      if (is_symbol("{") || peek().kind == TokenKind::Parameter) r.properties = properties();
      expect_symbol("]");
    }
    expect_symbol("-");
    bool right = accept_symbol(">");
    // <--> is an undirected relationship, like --.
    r.direction = left == right ? Direction::Both : left ? Direction::Incoming : Direction::Outgoing;
    return r;
  }

  // A type name, possibly hyphenated as the design card writes it (invests-in).
  std::string relationship_type() {
    std::string written = name();
    bool hyphenated = false;
    while (is_symbol("-") && peek().begin == tokens_[pos_ - 1].end && is_name_token(1) &&
           peek(1).begin == peek().end) {
      next();
      written += "-" + next().text;
      hyphenated = true;
    }
    return hyphenated ? normalize_relationship_type(written) : written;
  }

  // ---- Expressions -----------------------------------------------------
  ExprPtr expression() {
    Nested level(*this);
    return or_expression();
  }

  ExprPtr binary(ExprKind kind, ExprPtr a, ExprPtr b, const Token& first) {
    return finish(make_expr(kind, {std::move(a), std::move(b)}), first);
  }

  ExprPtr or_expression() {
    const Token& first = peek();
    ExprPtr e = xor_expression();
    while (accept_keyword("OR")) e = binary(ExprKind::Or, e, xor_expression(), first);
    return e;
  }
  ExprPtr xor_expression() {
    const Token& first = peek();
    ExprPtr e = and_expression();
    while (accept_keyword("XOR")) e = binary(ExprKind::Xor, e, and_expression(), first);
    return e;
  }
  ExprPtr and_expression() {
    const Token& first = peek();
    ExprPtr e = not_expression();
    while (accept_keyword("AND")) e = binary(ExprKind::And, e, not_expression(), first);
    return e;
  }
  ExprPtr not_expression() {
    const Token& first = peek();
    if (accept_keyword("NOT")) {
      Nested level(*this);
      return finish(make_expr(ExprKind::Not, {not_expression()}), first);
    }
    return comparison();
  }

  // a < b <= c means a < b AND b <= c.
  ExprPtr comparison() {
    const Token& first = peek();
    ExprPtr left = predicate_expression();
    ExprPtr result;
    for (;;) {
      ExprKind kind;
      if (is_symbol("="))
        kind = ExprKind::Equal;
      else if (is_symbol("<>") || is_symbol("!="))
        kind = ExprKind::NotEqual;
      else if (is_symbol("<"))
        kind = ExprKind::Less;
      else if (is_symbol("<="))
        kind = ExprKind::LessEqual;
      else if (is_symbol(">"))
        kind = ExprKind::Greater;
      else if (is_symbol(">="))
        kind = ExprKind::GreaterEqual;
      else
        break;
      next();
      ExprPtr right = predicate_expression();
      ExprPtr cmp = binary(kind, left, right, first);
      result = result ? binary(ExprKind::And, result, cmp, first) : cmp;
      left = right;
    }
    return result ? result : left;
  }

  // STARTS WITH, ENDS WITH, CONTAINS, =~, IN, IS [NOT] NULL.
  ExprPtr predicate_expression() {
    const Token& first = peek();
    ExprPtr e = additive();
    for (;;) {
      if (is_keyword("STARTS") && is_keyword("WITH", 1)) {
        next();
        next();
        e = binary(ExprKind::StartsWith, e, additive(), first);
      } else if (is_keyword("ENDS") && is_keyword("WITH", 1)) {
        next();
        next();
        e = binary(ExprKind::EndsWith, e, additive(), first);
      } else if (accept_keyword("CONTAINS")) {
        e = binary(ExprKind::Contains, e, additive(), first);
      } else if (accept_symbol("=~")) {
        e = binary(ExprKind::RegexMatch, e, additive(), first);
      } else if (accept_keyword("IN")) {
        e = binary(ExprKind::In, e, additive(), first);
      } else if (is_keyword("IS")) {
        next();
        bool negated = accept_keyword("NOT");
        expect_keyword("NULL");
        e = finish(make_expr(negated ? ExprKind::IsNotNull : ExprKind::IsNull, {e}), first);
      } else {
        return e;
      }
    }
  }

  ExprPtr additive() {
    const Token& first = peek();
    ExprPtr e = multiplicative();
    for (;;) {
      if (accept_symbol("+"))
        e = binary(ExprKind::Add, e, multiplicative(), first);
      else if (accept_symbol("-"))
        e = binary(ExprKind::Subtract, e, multiplicative(), first);
      else
        return e;
    }
  }
  ExprPtr multiplicative() {
    const Token& first = peek();
    ExprPtr e = power();
    for (;;) {
      if (accept_symbol("*"))
        e = binary(ExprKind::Multiply, e, power(), first);
      else if (accept_symbol("/"))
        e = binary(ExprKind::Divide, e, power(), first);
      else if (accept_symbol("%"))
        e = binary(ExprKind::Modulo, e, power(), first);
      else
        return e;
    }
  }
  ExprPtr power() {
    const Token& first = peek();
    ExprPtr e = unary();
    while (accept_symbol("^")) e = binary(ExprKind::Power, e, unary(), first);
    return e;
  }
  ExprPtr unary() {
    const Token& first = peek();
    if (accept_symbol("-")) {
      // -9223372036854775808 is a valid literal although 9223372036854775808 is not.
      if (peek().kind == TokenKind::Float && !is_postfix_start(1)) {
        const Token& t = next();
        return literal(Value(0.0 - float_value(t)), first);  // -0.0 is 0.0
      }
      if (peek().kind == TokenKind::Integer && !is_postfix_start(1)) {
        const Token& t = next();
        auto lit = make_expr(ExprKind::Literal);
        lit->value = Value(integer_value(t, true));
        return finish(lit, first);
      }
      Nested level(*this);
      return finish(make_expr(ExprKind::Negate, {unary()}), first);
    }
    if (accept_symbol("+")) {
      Nested level(*this);
      return finish(make_expr(ExprKind::Plus, {unary()}), first);
    }
    return postfix_expression();
  }
  bool is_postfix_start(std::size_t ahead) const { return is_symbol(".", ahead) || is_symbol("[", ahead); }

  // An atom followed by property lookups, indexes, slices and label tests.
  ExprPtr postfix_expression() {
    const Token& first = peek();
    ExprPtr e = atom();
    for (;;) {
      if (is_symbol(".") && is_name_token(1)) {
        next();
        auto p = make_expr(ExprKind::Property, {e});
        p->name = next().text;
        e = finish(p, first);
      } else if (accept_symbol("[")) {
        ExprPtr from, to;
        if (!is_symbol("..")) from = expression();
        if (accept_symbol("..")) {
          if (!is_symbol("]")) to = expression();
          expect_symbol("]");
          auto s = make_expr(ExprKind::Slice, {e, from, to});
          e = finish(s, first);
        } else {
          expect_symbol("]");
          e = finish(make_expr(ExprKind::Index, {e, from}), first);
        }
      } else if (is_symbol(":") && is_name_token(1)) {
        auto h = make_expr(ExprKind::HasLabels, {e});
        h->keys = labels();
        e = finish(h, first);
      } else {
        return e;
      }
    }
  }

  std::int64_t integer_value(const Token& t, bool negative = false) {
    const std::string& s = t.text;
    int base = 10;
    std::size_t start = 0;
    if (s.size() > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
      base = 16, start = 2;
    else if (s.size() > 1 && s[0] == '0' && (s[1] == 'o' || s[1] == 'O'))
      base = 8, start = 2;
    if (start == s.size()) fail_at(t, "InvalidNumberLiteral", "invalid number literal " + s);
    unsigned long long limit =
        negative ? 9223372036854775808ULL
                 : static_cast<unsigned long long>(std::numeric_limits<std::int64_t>::max());
    unsigned long long v = 0;
    for (std::size_t i = start; i < s.size(); ++i) {
      char c = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
      int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
              : (c >= 'a' && c <= 'f')                    ? c - 'a' + 10
                                                          : 99;
      if (d >= base) fail_at(t, "InvalidNumberLiteral", "invalid number literal " + s);
      if (v > (limit - static_cast<unsigned long long>(d)) / static_cast<unsigned long long>(base))
        fail_at(t, "IntegerOverflow", "integer literal " + s + " is too large");
      v = v * static_cast<unsigned long long>(base) + static_cast<unsigned long long>(d);
    }
    if (negative)
      return v == 9223372036854775808ULL ? std::numeric_limits<std::int64_t>::min()
                                         : -static_cast<std::int64_t>(v);
    return static_cast<std::int64_t>(v);
  }

  double float_value(const Token& t) {
    for (char c : t.text)
      if (std::isalpha(static_cast<unsigned char>(c)) && c != 'e' && c != 'E')
        fail_at(t, "InvalidNumberLiteral", "invalid number literal " + t.text);
    errno = 0;
    char* end = nullptr;
    double d = std::strtod(t.text.c_str(), &end);
    if (end != t.text.c_str() + t.text.size())
      fail_at(t, "InvalidNumberLiteral", "invalid number literal " + t.text);
    if (std::isinf(d)) fail_at(t, "FloatingPointOverflow", "float literal " + t.text + " is too large");
    return d;
  }

  ExprPtr variable_expr(std::string n) {
    auto v = make_expr(ExprKind::Variable);
    v->name = std::move(n);
    return v;
  }

  ExprPtr literal(Value v, const Token& first) {
    auto e = make_expr(ExprKind::Literal);
    e->value = std::move(v);
    return finish(e, first);
  }

  ExprPtr map_literal() {
    const Token& first = peek();
    expect_symbol("{");
    auto m = make_expr(ExprKind::MapLiteral);
    if (!is_symbol("}")) {
      do {
        m->keys.push_back(name());
        expect_symbol(":");
        m->args.push_back(expression());
      } while (accept_symbol(","));
    }
    expect_symbol("}");
    return finish(m, first);
  }

  // Tries to parse a relationship pattern at the current position; restores
  // the position and returns nullopt when there is none.
  std::optional<PatternPart> try_pattern_part(bool allow_path_variable) {
    std::size_t saved = pos_;
    try {
      if (!allow_path_variable && at_variable() && is_symbol("=", 1)) return std::nullopt;
      PatternPart part = pattern_part();
      if (!part.rels.empty()) return part;
    } catch (const QueryError&) {
    }
    pos_ = saved;
    return std::nullopt;
  }

  ExprPtr atom() {
    const Token& first = peek();
    switch (first.kind) {
      case TokenKind::Integer:
        next();
        return literal(Value(integer_value(first)), first);
      case TokenKind::Float:
        next();
        return literal(Value(float_value(first)), first);
      case TokenKind::String:
        next();
        return literal(Value(first.text), first);
      case TokenKind::Parameter: {
        next();
        auto p = make_expr(ExprKind::Parameter);
        p->name = first.text;
        return finish(p, first);
      }
      case TokenKind::End:
        fail_here("UnexpectedSyntax", "expected an expression");
      default:
        break;
    }
    if (is_symbol("[")) return list_atom();
    if (is_symbol("{")) return map_literal();
    if (is_symbol("(")) {
      if (auto part = try_pattern_part(false)) {
        auto e = make_expr(ExprKind::PatternPredicate);
        e->pattern = std::make_shared<Pattern>(Pattern{std::move(*part)});
        return finish(e, first);
      }
      next();
      ExprPtr inner = expression();
      expect_symbol(")");
      return inner;
    }
    if (first.kind == TokenKind::Symbol) fail_here("UnexpectedSyntax", "unexpected '" + first.text + "'");
    if (first.kind == TokenKind::Identifier) {
      if (accept_keyword("NULL")) return literal(Value(), first);
      if (accept_keyword("TRUE")) return literal(Value(true), first);
      if (accept_keyword("FALSE")) return literal(Value(false), first);
      if (is_keyword("NaN") && !is_symbol("(", 1)) {
        next();
        return literal(Value(std::nan("")), first);
      }
      if (is_keyword("Infinity") && !is_symbol("(", 1)) {
        next();
        return literal(Value(std::numeric_limits<double>::infinity()), first);
      }
      if (is_keyword("CASE")) return case_expression();
      if (is_keyword("EXISTS") && is_symbol("{", 1)) return exists_subquery();
      if (is_symbol("(", 1)) return function_like();
      // namespaced function: a.b.c(...)
      std::size_t ahead = 1;
      while (is_symbol(".", ahead) && is_name_token(ahead + 1)) ahead += 2;
      if (ahead > 1 && is_symbol("(", ahead)) return function_like();
    }
    std::string var = variable_name();
    auto v = finish(variable_expr(var), first);
    if (is_symbol("{") && (is_symbol(".", 1) || is_name_token(1) || is_symbol("}", 1)))
      return map_projection(v, first);
    return v;
  }

  ExprPtr map_projection(ExprPtr var, const Token& first) {
    auto e = make_expr(ExprKind::MapProjection, {var});
    e->name = var->name;
    expect_symbol("{");
    if (!is_symbol("}")) {
      do {
        MapProjectionItem item;
        if (accept_symbol(".")) {
          if (accept_symbol("*")) {
            item.kind = MapProjectionItem::Kind::AllProperties;
          } else {
            item.kind = MapProjectionItem::Kind::Property;
            item.key = name();
          }
        } else {
          item.key = name();
          if (accept_symbol(":")) {
            item.kind = MapProjectionItem::Kind::Literal;
            item.value = expression();
          } else {
            item.kind = MapProjectionItem::Kind::Variable;
          }
        }
        e->projection.push_back(std::move(item));
      } while (accept_symbol(","));
    }
    expect_symbol("}");
    return finish(e, first);
  }

  ExprPtr list_atom() {
    const Token& first = peek();
    expect_symbol("[");
    // [x IN list WHERE p | e]
    if (at_variable() && is_keyword("IN", 1)) {
      auto c = make_expr(ExprKind::ListComprehension);
      c->name = variable_name();
      next();
      ExprPtr list = expression();
      ExprPtr where, map;
      if (accept_keyword("WHERE")) where = expression();
      if (accept_symbol("|")) map = expression();
      expect_symbol("]");
      c->args = {list, where, map};
      return finish(c, first);
    }
    // [(a)-->(b) WHERE p | e]
    if (is_symbol("(") || (at_variable() && is_symbol("=", 1))) {
      std::size_t saved = pos_;
      if (auto part = try_pattern_part(true)) {
        if (is_keyword("WHERE") || is_symbol("|")) {
          auto c = make_expr(ExprKind::PatternComprehension);
          c->pattern = std::make_shared<Pattern>(Pattern{std::move(*part)});
          ExprPtr where;
          if (accept_keyword("WHERE")) where = expression();
          expect_symbol("|");
          ExprPtr map = expression();
          expect_symbol("]");
          c->args = {where, map};
          return finish(c, first);
        }
      }
      pos_ = saved;
    }
    auto l = make_expr(ExprKind::ListLiteral);
    if (!is_symbol("]")) {
      do l->args.push_back(expression());
      while (accept_symbol(","));
    }
    expect_symbol("]");
    return finish(l, first);
  }

  ExprPtr case_expression() {
    const Token& first = peek();
    expect_keyword("CASE");
    auto c = make_expr(ExprKind::Case);
    if (!is_keyword("WHEN")) {
      c->has_subject = true;
      c->args.push_back(expression());
    }
    if (!is_keyword("WHEN")) fail_here("UnexpectedSyntax", "expected WHEN");
    while (accept_keyword("WHEN")) {
      c->args.push_back(expression());
      expect_keyword("THEN");
      c->args.push_back(expression());
    }
    if (accept_keyword("ELSE")) {
      c->has_else = true;
      c->args.push_back(expression());
    }
    expect_keyword("END");
    return finish(c, first);
  }

  // True when the braces after EXISTS hold more than one clause (a MATCH
  // followed by another clause at the same nesting level).
  bool query_ahead() const {
    if (!is_keyword("MATCH")) return false;
    int depth = 0;
    for (std::size_t i = 1; peek(i).kind != TokenKind::End; ++i) {
      const Token& t = peek(i);
      if (t.kind == TokenKind::Symbol && (t.text == "{" || t.text == "(" || t.text == "[")) ++depth;
      if (t.kind == TokenKind::Symbol && (t.text == "}" || t.text == ")" || t.text == "]")) {
        if (depth == 0) return false;
        --depth;
      }
      if (depth == 0 && t.kind == TokenKind::Identifier) {
        for (const char* kw :
             {"RETURN", "WITH", "MATCH", "UNWIND", "SET", "CREATE", "DELETE", "MERGE", "REMOVE", "DETACH"})
          if (iequals(t.text, kw)) return true;
      }
    }
    return false;
  }

  ExprPtr exists_subquery() {
    const Token& first = peek();
    next();
    expect_symbol("{");
    auto e = make_expr(ExprKind::Exists);
    // EXISTS { MATCH ... RETURN ... }: a whole query.
    if (is_keyword("OPTIONAL") || is_keyword("WITH") || is_keyword("UNWIND") || is_keyword("CALL") ||
        query_ahead()) {
      e->subquery = std::make_shared<SingleQuery>(single_query());
      expect_symbol("}");
      e->args = {nullptr};
      return finish(e, first);
    }
    accept_keyword("MATCH");
    e->pattern = std::make_shared<Pattern>(pattern());
    ExprPtr where;
    if (accept_keyword("WHERE")) where = expression();
    expect_symbol("}");
    e->args = {where};
    return finish(e, first);
  }

  // A function call, count(*), a quantifier, or reduce().
  ExprPtr function_like() {
    const Token& first = peek();
    std::string fname = next().text;
    while (accept_symbol(".")) fname += "." + next().text;
    expect_symbol("(");
    if (iequals(fname, "count") && accept_symbol("*")) {
      expect_symbol(")");
      return finish(make_expr(ExprKind::CountStar), first);
    }
    bool quantifier =
        iequals(fname, "all") || iequals(fname, "any") || iequals(fname, "none") || iequals(fname, "single");
    if (quantifier && at_variable() && is_keyword("IN", 1)) {
      auto q = make_expr(ExprKind::Quantifier);
      q->keys = {fname};
      for (auto& ch : q->keys[0]) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      q->name = variable_name();
      next();
      ExprPtr list = expression();
      ExprPtr where;
      if (accept_keyword("WHERE")) where = expression();
      expect_symbol(")");
      q->args = {list, where};
      return finish(q, first);
    }
    if (iequals(fname, "reduce")) {
      auto r = make_expr(ExprKind::Reduce);
      r->keys = {variable_name()};
      expect_symbol("=");
      ExprPtr init = expression();
      expect_symbol(",");
      r->name = variable_name();
      expect_keyword("IN");
      ExprPtr list = expression();
      expect_symbol("|");
      ExprPtr body = expression();
      expect_symbol(")");
      r->args = {init, list, body};
      return finish(r, first);
    }
    auto f = make_expr(ExprKind::FunctionCall);
    f->name = fname;
    f->distinct = accept_keyword("DISTINCT");
    if (!is_symbol(")")) {
      do f->args.push_back(expression());
      while (accept_symbol(","));
    }
    expect_symbol(")");
    return finish(f, first);
  }
};

}  // namespace

namespace {

// Statements are UTF-8 text: strings in them become property values that kg
// saves as JSON, which must be valid UTF-8.
void require_utf8(std::string_view source) {
  std::size_t bad = 0;
  if (valid_utf8(source, &bad)) return;
  std::size_t line_start = source.rfind('\n', bad == 0 ? 0 : bad - 1);
  line_start = line_start == std::string_view::npos || bad == 0 ? 0 : line_start + 1;
  int line = 1 + static_cast<int>(std::count(source.begin(), source.begin() + bad, '\n'));
  throw QueryError("SyntaxError", "InvalidEncoding", "invalid UTF-8 at byte " + std::to_string(bad), true, line,
                   static_cast<int>(bad - line_start) + 1);
}

}  // namespace

Query parse_query(std::string_view source) {
  require_utf8(source);
  return Parser(source).query();
}

ExprPtr parse_expression(std::string_view source) {
  require_utf8(source);
  return Parser(source).whole_expression();
}

}  // namespace kg::query
