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

class Count : public Aggregator {
  std::int64_t n_ = 0;
  std::size_t accumulate(const std::vector<Value>&) override {
    ++n_;
    return 0;
  }

 public:
  Value result() const override { return Value(n_); }
};

class Sum : public Aggregator {
  std::int64_t int_sum_ = 0;
  double float_sum_ = 0;
  bool any_float_ = false;
  std::size_t accumulate(const std::vector<Value>& a) override {
    require_number(a[0], "sum");
    if (a[0].is_float()) {
      any_float_ = true;
      float_sum_ += a[0].as_float();
    } else if (__builtin_add_overflow(int_sum_, a[0].as_int(), &int_sum_)) {
      runtime_error("ArithmeticError", "IntegerOverflow", "integer overflow in sum()");
    }
    return 0;
  }

 public:
  Value result() const override {
    return any_float_ ? Value(float_sum_ + static_cast<double>(int_sum_)) : Value(int_sum_);
  }
};

class Avg : public Aggregator {
  double sum_ = 0;
  std::int64_t n_ = 0;
  std::size_t accumulate(const std::vector<Value>& a) override {
    require_number(a[0], "avg");
    sum_ += a[0].as_number();
    ++n_;
    return 0;
  }

 public:
  Value result() const override { return n_ == 0 ? Value() : Value(sum_ / static_cast<double>(n_)); }
};

class Extreme : public Aggregator {
  bool max_;
  Value best_;
  std::size_t accumulate(const std::vector<Value>& a) override {
    int c = best_.is_null() ? 1 : order_compare(a[0], best_);
    // NaN sorts above every number in ORDER BY but max() ignores it when a number exists.
    if (best_.is_null() || (max_ ? c > 0 : c < 0)) {
      std::size_t more = approximate_bytes(a[0]);
      best_ = a[0];
      return more;  // the value replaced was charged too: an over-estimate
    }
    return 0;
  }

 public:
  explicit Extreme(bool max) : max_(max) {}
  Value result() const override { return best_; }
};

class Collect : public Aggregator {
  List items_;
  std::size_t accumulate(const std::vector<Value>& a) override {
    items_.push_back(a[0]);
    return approximate_bytes(a[0]);
  }

 public:
  Value result() const override { return Value(items_); }
};

class StDev : public Aggregator {
  bool population_;
  std::vector<double> xs_;
  std::size_t accumulate(const std::vector<Value>& a) override {
    require_number(a[0], "stDev");
    xs_.push_back(a[0].as_number());
    return sizeof(double);
  }

 public:
  explicit StDev(bool population) : population_(population) {}
  Value result() const override {
    std::size_t n = xs_.size();
    if (n == 0 || (!population_ && n == 1)) return Value(0.0);
    double mean = 0;
    for (double x : xs_) mean += x;
    mean /= static_cast<double>(n);
    double ss = 0;
    for (double x : xs_) ss += (x - mean) * (x - mean);
    return Value(std::sqrt(ss / static_cast<double>(population_ ? n : n - 1)));
  }
};

class Percentile : public Aggregator {
  bool continuous_;
  std::vector<Value> xs_;
  double p_ = 0;
  std::size_t accumulate(const std::vector<Value>& a) override {
    require_number(a[0], continuous_ ? "percentileCont" : "percentileDisc");
    if (a.size() < 2 || !a[1].is_number())
      runtime_error("TypeError", "InvalidArgumentType", "the percentile must be a number");
    p_ = a[1].as_number();
    if (p_ < 0 || p_ > 1)
      runtime_error("ArgumentError", "NumberOutOfRange", "the percentile must be between 0.0 and 1.0");
    xs_.push_back(a[0]);
    return approximate_bytes(a[0]);
  }

 public:
  explicit Percentile(bool continuous) : continuous_(continuous) {}
  Value result() const override {
    if (xs_.empty()) return Value();
    std::vector<Value> sorted = xs_;
    std::sort(sorted.begin(), sorted.end(),
              [](const Value& a, const Value& b) { return a.as_number() < b.as_number(); });
    std::size_t n = sorted.size();
    if (continuous_) {
      double pos = p_ * static_cast<double>(n - 1);
      auto lo = static_cast<std::size_t>(std::floor(pos));
      auto hi = static_cast<std::size_t>(std::ceil(pos));
      double a = sorted[lo].as_number(), b = sorted[hi].as_number();
      return Value(a + (b - a) * (pos - static_cast<double>(lo)));
    }
    double idx = p_ * static_cast<double>(n);
    std::size_t i = idx <= 0 ? 0 : static_cast<std::size_t>(std::ceil(idx)) - 1;
    return sorted[std::min(i, n - 1)];
  }
};

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

std::size_t Aggregator::add(const std::vector<Value>& args) {
  std::size_t bytes = 0;
  if (!count_nulls_) {
    if (args.empty() || args[0].is_null()) return 0;
    if (distinct_) {
      if (!seen_.insert(args[0]).second) return 0;
      bytes += approximate_bytes(args[0]) + 32;  // a hash node
    }
  }
  return bytes + accumulate(args);
}

std::unique_ptr<Aggregator> make_aggregator(const Expr& call) {
  std::unique_ptr<Aggregator> a;
  if (call.kind == ExprKind::CountStar) {
    a = std::make_unique<Count>();
    a->count_nulls_ = true;
    return a;
  }
  std::string name = lower(call.name);
  if (name == "count")
    a = std::make_unique<Count>();
  else if (name == "sum")
    a = std::make_unique<Sum>();
  else if (name == "avg")
    a = std::make_unique<Avg>();
  else if (name == "min")
    a = std::make_unique<Extreme>(false);
  else if (name == "max")
    a = std::make_unique<Extreme>(true);
  else if (name == "collect")
    a = std::make_unique<Collect>();
  else if (name == "stdev")
    a = std::make_unique<StDev>(false);
  else if (name == "stdevp")
    a = std::make_unique<StDev>(true);
  else if (name == "percentilecont")
    a = std::make_unique<Percentile>(true);
  else
    a = std::make_unique<Percentile>(false);
  a->distinct_ = call.distinct;
  return a;
}

}  // namespace kg::query
