#include "query/aggregation.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_set>

namespace kg::query {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_aggregate_call(const Expr& e) {
  return e.kind == ExprKind::CountStar || (e.kind == ExprKind::FunctionCall && is_aggregate_function(e.name));
}

void require_number(const Value& v, std::string_view fn) {
  if (!v.is_number())
    runtime_error("TypeError", "InvalidArgumentType",
                  std::string(fn) + "() expects numbers, got " + std::string(v.type_name()));
}

// percentileCont() and percentileDisc() of numbers, at percentile `p`.
Value percentile(const List& xs, double p, bool continuous) {
  if (xs.empty()) return Value();
  std::vector<Value> sorted = xs;
  std::sort(sorted.begin(), sorted.end(),
            [](const Value& a, const Value& b) { return a.as_number() < b.as_number(); });
  std::size_t n = sorted.size();
  if (continuous) {
    double pos = p * static_cast<double>(n - 1);
    auto lo = static_cast<std::size_t>(std::floor(pos));
    auto hi = static_cast<std::size_t>(std::ceil(pos));
    double a = sorted[lo].as_number(), b = sorted[hi].as_number();
    return Value(a + (b - a) * (pos - static_cast<double>(lo)));
  }
  double idx = p * static_cast<double>(n);
  std::size_t i = idx <= 0 ? 0 : static_cast<std::size_t>(std::ceil(idx)) - 1;
  return sorted[std::min(i, n - 1)];
}

// The sample (or population) standard deviation of numbers.
Value standard_deviation(const List& xs, bool population) {
  std::size_t n = xs.size();
  if (n == 0 || (!population && n == 1)) return Value(0.0);
  double mean = 0;
  for (const Value& x : xs) mean += x.as_float();
  mean /= static_cast<double>(n);
  double ss = 0;
  for (const Value& x : xs) ss += (x.as_float() - mean) * (x.as_float() - mean);
  return Value(std::sqrt(ss / static_cast<double>(population ? n : n - 1)));
}

}  // namespace

bool is_aggregate_function(std::string_view name) {
  static const std::unordered_set<std::string> names = {
      "count", "sum", "avg", "min", "max", "collect", "stdev", "stdevp", "percentilecont", "percentiledisc"};
  return names.count(lower(name)) > 0;
}

bool contains_aggregate(const Expr& e) {
  if (is_aggregate_call(e)) return true;
  for (const auto& a : e.args)
    if (a && contains_aggregate(*a)) return true;
  for (const auto& item : e.projection)
    if (item.value && contains_aggregate(*item.value)) return true;
  return false;
}

std::string aggregate_variable(std::size_t i) { return "  aggregate " + std::to_string(i); }

ExprPtr extract_aggregates(const ExprPtr& expr, std::vector<ExprPtr>& aggregates) {
  if (!expr) return expr;
  if (is_aggregate_call(*expr)) {
    auto v = make_expr(ExprKind::Variable);
    v->name = aggregate_variable(aggregates.size());
    aggregates.push_back(expr);
    return v;
  }
  if (!contains_aggregate(*expr)) return expr;
  auto copy = std::make_shared<Expr>(*expr);
  for (auto& a : copy->args) a = extract_aggregates(a, aggregates);
  for (auto& item : copy->projection) item.value = extract_aggregates(item.value, aggregates);
  return copy;
}

Aggregate::Aggregate(const Expr& call) {
  if (call.kind == ExprKind::CountStar) {
    count_nulls_ = true;
    return;
  }
  distinct_ = call.distinct;
  std::string name = lower(call.name);
  if (name == "count")
    kind_ = Kind::Count;
  else if (name == "sum")
    kind_ = Kind::Sum;
  else if (name == "avg")
    kind_ = Kind::Avg;
  else if (name == "min")
    kind_ = Kind::Min;
  else if (name == "max")
    kind_ = Kind::Max;
  else if (name == "collect")
    kind_ = Kind::Collect;
  else if (name == "stdev")
    kind_ = Kind::StDev;
  else if (name == "stdevp")
    kind_ = Kind::StDevP;
  else if (name == "percentilecont")
    kind_ = Kind::PercentileCont;
  else
    kind_ = Kind::PercentileDisc;
}

std::size_t Aggregate::add(AggregateState& state, const std::vector<Value>& args) const {
  if (count_nulls_) {
    ++state.count;
    return 0;
  }
  if (args.empty() || args[0].is_null()) return 0;
  const Value& a = args[0];
  std::size_t bytes = 0;
  if (distinct_) {
    if (!state.seen) state.seen = std::make_unique<std::unordered_set<Value, ValueHash, ValueEquivalent>>();
    if (!state.seen->insert(a).second) return 0;
    bytes += approximate_bytes(a) + 32;  // a hash node
  }
  switch (kind_) {
    case Kind::Count:
      ++state.count;
      break;
    case Kind::Sum:
      require_number(a, "sum");
      if (a.is_float()) {
        state.any_float = true;
        state.total += a.as_float();
      } else if (__builtin_add_overflow(state.count, a.as_int(), &state.count)) {
        runtime_error("ArithmeticError", "IntegerOverflow", "integer overflow in sum()");
      }
      break;
    case Kind::Avg:
      require_number(a, "avg");
      state.total += a.as_number();
      ++state.count;
      break;
    case Kind::Min:
    case Kind::Max: {
      int c = state.best.is_null() ? 1 : order_compare(a, state.best);
      // NaN sorts above every number in ORDER BY but max() ignores it when a number exists.
      if (state.best.is_null() || (kind_ == Kind::Max ? c > 0 : c < 0)) {
        bytes += approximate_bytes(a);  // the value replaced was charged too: an over-estimate
        state.best = a;
      }
      break;
    }
    case Kind::Collect:
      state.values.push_back(a);
      bytes += approximate_bytes(a);
      break;
    case Kind::StDev:
    case Kind::StDevP:
      require_number(a, "stDev");
      state.values.push_back(Value(a.as_number()));
      bytes += sizeof(Value);
      break;
    case Kind::PercentileCont:
    case Kind::PercentileDisc: {
      bool continuous = kind_ == Kind::PercentileCont;
      require_number(a, continuous ? "percentileCont" : "percentileDisc");
      if (args.size() < 2 || !args[1].is_number())
        runtime_error("TypeError", "InvalidArgumentType", "the percentile must be a number");
      state.percentile = args[1].as_number();
      if (state.percentile < 0 || state.percentile > 1)
        runtime_error("ArgumentError", "NumberOutOfRange", "the percentile must be between 0.0 and 1.0");
      state.values.push_back(a);
      bytes += approximate_bytes(a);
      break;
    }
  }
  return bytes;
}

Value Aggregate::result(const AggregateState& state) const {
  switch (kind_) {
    case Kind::Count:
      return Value(state.count);
    case Kind::Sum:
      return state.any_float ? Value(state.total + static_cast<double>(state.count)) : Value(state.count);
    case Kind::Avg:
      return state.count == 0 ? Value() : Value(state.total / static_cast<double>(state.count));
    case Kind::Min:
    case Kind::Max:
      return state.best;
    case Kind::Collect:
      return Value(state.values);
    case Kind::StDev:
    case Kind::StDevP:
      return standard_deviation(state.values, kind_ == Kind::StDevP);
    case Kind::PercentileCont:
    case Kind::PercentileDisc:
      return percentile(state.values, state.percentile, kind_ == Kind::PercentileCont);
  }
  return Value();
}

}  // namespace kg::query
