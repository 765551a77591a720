#include "query/engine.h"

#include "query/executor.h"
#include "query/parser.h"
#include "query/semantic.h"

namespace kg::query {
namespace {

std::string full_message(const std::string& error_class, const std::string& detail,
                         const std::string& message) {
  return error_class + ": " + (detail.empty() ? "" : detail + ": ") + message;
}

}  // namespace

QueryError::QueryError(std::string error_class, std::string detail, std::string message, bool at_compile_time,
                       int line, int column)
    : std::runtime_error(full_message(error_class, detail, message)),
      error_class_(std::move(error_class)),
      detail_(std::move(detail)),
      message_(std::move(message)),
      at_compile_time_(at_compile_time),
      line_(line),
      column_(column) {}

std::string QueryError::caret_message(std::string_view statement) const {
  std::string out = what();
  if (line_ <= 0) return out;
  std::size_t start = 0;
  for (int l = 1; l < line_; ++l) {
    std::size_t nl = statement.find('\n', start);
    if (nl == std::string_view::npos) return out;
    start = nl + 1;
  }
  std::size_t end = statement.find('\n', start);
  std::string_view text =
      statement.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  out += " (line " + std::to_string(line_) + ", column " + std::to_string(column_) + ")\n";
  out += std::string(text) + "\n";
  // Tabs are kept so that the caret lines up under the token.
  for (int c = 1; c < column_ && static_cast<std::size_t>(c - 1) < text.size(); ++c)
    out += text[static_cast<std::size_t>(c - 1)] == '\t' ? '\t' : ' ';
  out += "^";
  return out;
}

Result run_statement(PropertyGraph& graph, std::string_view statement, const Parameters& parameters,
                     const Limits& limits) {
  Query query = parse_query(statement);
  analyse(query);
  Result result;
  ExecContext ctx{EvalContext{graph, parameters}, limits, ChangeCounter(graph)};
  ctx.eval.check_limits = [&ctx] { ctx.check(); };
  ctx.eval.memory = &ctx.memory;
  bool own_journal = !graph.journal_open();
  if (own_journal) graph.begin_journal();
  try {
    execute(query, ctx, result);
  } catch (const QueryError&) {
    if (own_journal) graph.rollback_journal();
    throw;
  } catch (const std::exception& e) {
    if (own_journal) graph.rollback_journal();
    throw QueryError("DatabaseError", "", e.what(), false);
  }
  if (own_journal) graph.commit_journal();
  return result;
}

std::vector<std::string> split_statements(std::string_view script) {
  std::vector<std::string> out;
  std::string current;
  bool meaningful = false;  // the statement holds more than spaces and comments
  auto flush = [&] {
    if (meaningful) out.push_back(current);
    current.clear();
    meaningful = false;
  };
  for (std::size_t i = 0; i < script.size(); ++i) {
    char c = script[i];
    if (c == ';') {
      flush();
      continue;
    }
    if (c == '/' && i + 1 < script.size() && script[i + 1] == '/') {
      std::size_t end = script.find('\n', i);
      if (end == std::string_view::npos) end = script.size();
      current += script.substr(i, end - i);
      i = end - 1;
      continue;
    }
    if (c == '/' && i + 1 < script.size() && script[i + 1] == '*') {
      std::size_t end = script.find("*/", i + 2);
      end = end == std::string_view::npos ? script.size() : end + 2;
      current += script.substr(i, end - i);
      i = end - 1;
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') {
      std::size_t j = i + 1;
      while (j < script.size() && script[j] != c) j += (script[j] == '\\' && c != '`') ? 2 : 1;
      j = std::min(j, script.size() - 1);
      current += script.substr(i, j - i + 1);
      meaningful = true;
      i = j;
      continue;
    }
    if (!std::isspace(static_cast<unsigned char>(c))) meaningful = true;
    current += c;
  }
  flush();
  return out;
}

Value parse_value(std::string_view literal) {
  ExprPtr e = parse_expression(literal);
  PropertyGraph empty;
  Parameters none;
  EvalContext ctx{empty, none};
  Env env;
  return evaluate(*e, env, ctx);
}

}  // namespace kg::query
