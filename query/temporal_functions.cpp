#include "query/temporal_functions.h"

#include <chrono>
#include <cmath>
#include <stdexcept>
#include <unordered_map>

#include "graph/temporal_parse.h"
#include "graph/time_zone.h"
#include "query/evaluator.h"

namespace kg::query {
namespace {

using Type = Temporal::Type;
using Args = std::vector<Value>;

[[noreturn]] void invalid(const std::string& message) {
  runtime_error("ArgumentError", "InvalidArgumentValue", message);
}

[[noreturn]] void wrong_type(std::string_view fn, const Value& v) {
  runtime_error("TypeError", "InvalidArgumentType",
                std::string(fn) + "() does not accept a " + std::string(v.type_name()));
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
std::int64_t floor_mod(std::int64_t a, std::int64_t b) { return a - floor_div(a, b) * b; }

std::string_view function_name(Type type) {
  switch (type) {
    case Type::Date: return "date";
    case Type::LocalTime: return "localtime";
    case Type::Time: return "time";
    case Type::LocalDateTime: return "localdatetime";
    case Type::DateTime: return "datetime";
    case Type::Duration: return "duration";
  }
  return "duration";
}

bool has_date(Type t) { return t == Type::Date || t == Type::LocalDateTime || t == Type::DateTime; }
bool has_time(Type t) { return t != Type::Date && t != Type::Duration; }
bool has_zone(Type t) { return t == Type::Time || t == Type::DateTime; }

// A time zone as a map's `timezone` gives it: an offset or a zone name.
struct ZoneSpec {
  std::int32_t offset = 0;
  std::string name;
};

ZoneSpec zone_spec(const Value& v) {
  if (!v.is_string()) invalid("timezone must be a string");
  const std::string& text = v.as_string();
  if (auto offset = parse_offset(text)) return {*offset, ""};
  if (!is_time_zone(text)) invalid("unknown time zone " + text);
  return {0, text};
}

// Places a local date-time in a zone: a fixed offset, or a named zone's
// offset at that local time.
Temporal zoned(std::int64_t days, std::int64_t nanos, const ZoneSpec& zone) {
  if (zone.name.empty()) return make_datetime(days, nanos, zone.offset);
  ZonedLocal z = resolve_local(zone.name, days * kSecondsPerDay + nanos / kNanosPerSecond);
  std::int64_t fraction = nanos % kNanosPerSecond;
  return make_datetime(floor_div(z.local_seconds, kSecondsPerDay),
                       floor_mod(z.local_seconds, kSecondsPerDay) * kNanosPerSecond + fraction, z.offset,
                       zone.name);
}

// The same instant seen in another zone.
Temporal convert_zone(const Temporal& t, const ZoneSpec& zone) {
  Instant i = utc_instant(t);
  std::int32_t offset = zone.name.empty() ? zone.offset : offset_at_utc(zone.name, i.seconds);
  std::int64_t local = i.seconds + offset;
  Temporal out = t;
  out.days = floor_div(local, kSecondsPerDay);
  out.nanos = floor_mod(local, kSecondsPerDay) * kNanosPerSecond + i.nanos;
  out.offset = offset;
  out.zone = zone.name;
  return out;
}

// The offset of a named zone for a Time, which has no date: the offset in force now.
std::int32_t offset_for_time(const ZoneSpec& zone) {
  if (zone.name.empty()) return zone.offset;
  auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
  return offset_at_utc(zone.name, now.count());
}

std::int64_t clock_now() {
  auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::nanoseconds>(since_epoch).count();
}

// The current time (nanoseconds since the epoch) seen in `zone` as a `type`.
Temporal now_in(Type type, std::int64_t nanos, const ZoneSpec& zone) {
  Temporal utc = make_datetime(floor_div(nanos, kNanosPerDay), floor_mod(nanos, kNanosPerDay), 0);
  Temporal local = convert_zone(utc, zone);
  switch (type) {
    case Type::Date: return make_date(local.days);
    case Type::LocalTime: return make_local_time(local.nanos);
    case Type::Time: return make_time(local.nanos, local.offset);
    case Type::LocalDateTime: return make_local_datetime(local.days, local.nanos);
    default: return local;
  }
}

const Value* find(const Map& m, std::string_view key) {
  auto it = m.find(key);
  return it == m.end() || it->second.is_null() ? nullptr : &it->second;
}

// A number as a whole int64 (floats truncate); throws when it has none.
std::int64_t whole_number(std::string_view what, const Value& v) {
  if (v.is_int()) return v.as_int();
  if (v.is_float() && std::fabs(v.as_float()) < 9.2e18) return static_cast<std::int64_t>(v.as_float());
  invalid(std::string(what) + " must be a number within 64-bit integers");
}

std::int64_t times(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_mul_overflow(a, b, &r)) invalid("the epoch time is out of range");
  return r;
}

std::int64_t int_field(const Map& m, std::string_view key, std::int64_t fallback) {
  const Value* v = find(m, key);
  return v ? whole_number(key, *v) : fallback;
}

void check_range(std::string_view field, std::int64_t v, std::int64_t lo, std::int64_t hi) {
  if (v < lo || v > hi)
    invalid(std::string(field) + " must be between " + std::to_string(lo) + " and " + std::to_string(hi) +
            ", not " + std::to_string(v));
}

// The temporal a map selects from (`{date: d}`, `{time: t}`, `{datetime: dt}`).
const Temporal* base_temporal(const Map& m, std::string_view key) {
  const Value* v = find(m, key);
  if (!v) return nullptr;
  if (!v->is_temporal() || v->as_temporal().type == Type::Duration)
    invalid(std::string(key) + " must be a temporal value");
  return &v->as_temporal();
}

// The date part of a map: calendar, week, ordinal or quarter fields, over a base date.
std::int64_t date_from_map(const Map& m, const Temporal* base) {
  bool based = base && has_date(base->type);
  CivilDate c = based ? civil_from_days(base->days) : CivilDate{1970, 1, 1};
  if (!based && !find(m, "year")) invalid("a date needs a year");
  std::int64_t year = int_field(m, "year", c.year);
  check_range("year", year, -999999999, 999999999);
  if (find(m, "week") || find(m, "dayOfWeek")) {
    IsoWeek w = based ? iso_week(base->days) : IsoWeek{year, 1};
    std::int64_t week_year = int_field(m, "year", w.year);
    std::int64_t week = int_field(m, "week", w.week);
    std::int64_t dow = int_field(m, "dayOfWeek", based ? iso_weekday(base->days) : 1);
    check_range("week", week, 1, (iso_week_one(week_year + 1) - iso_week_one(week_year)) / 7);
    check_range("dayOfWeek", dow, 1, 7);
    return iso_week_one(week_year) + (week - 1) * 7 + (dow - 1);
  }
  if (find(m, "ordinalDay")) {
    std::int64_t ordinal = int_field(m, "ordinalDay", 1);
    check_range("ordinalDay", ordinal, 1, is_leap_year(year) ? 366 : 365);
    return days_from_civil(year, 1, 1) + ordinal - 1;
  }
  if (find(m, "quarter") || find(m, "dayOfQuarter")) {
    std::int64_t base_quarter_start = 1 + (c.month - 1) / 3 * 3;
    std::int64_t quarter = int_field(m, "quarter", (c.month - 1) / 3 + 1);
    std::int64_t base_day_of_quarter =
        based ? base->days - days_from_civil(c.year, base_quarter_start, 1) + 1 : 1;
    std::int64_t day_of_quarter = int_field(m, "dayOfQuarter", base_day_of_quarter);
    check_range("quarter", quarter, 1, 4);
    std::int64_t first = days_from_civil(year, (quarter - 1) * 3 + 1, 1);
    std::int64_t length = days_from_civil(year + (quarter == 4), quarter == 4 ? 1 : quarter * 3 + 1, 1) - first;
    check_range("dayOfQuarter", day_of_quarter, 1, length);
    return first + day_of_quarter - 1;
  }
  std::int64_t month = int_field(m, "month", c.month);
  std::int64_t day = int_field(m, "day", c.day);
  check_range("month", month, 1, 12);
  check_range("day", day, 1, days_in_month(year, month));
  return days_from_civil(year, month, day);
}

// The time part of a map: hour .. nanosecond, over a base time.
std::int64_t time_from_map(const Map& m, const Temporal* base) {
  bool based = base && has_time(base->type);
  std::int64_t b = based ? base->nanos : 0;
  std::int64_t base_seconds = b / kNanosPerSecond, base_fraction = b % kNanosPerSecond;
  std::int64_t hour = int_field(m, "hour", base_seconds / 3600);
  std::int64_t minute = int_field(m, "minute", base_seconds / 60 % 60);
  std::int64_t second = int_field(m, "second", base_seconds % 60);
  check_range("hour", hour, 0, 23);
  check_range("minute", minute, 0, 59);
  check_range("second", second, 0, 59);
  std::int64_t fraction = base_fraction;
  bool ms = find(m, "millisecond") != nullptr, us = find(m, "microsecond") != nullptr,
       ns = find(m, "nanosecond") != nullptr;
  if (ms || us || ns) {
    // Each field replaces its three digits of the base's fraction; the
    // largest one given may also carry the digits below it (microsecond: 645876).
    std::int64_t milli = int_field(m, "millisecond", base_fraction / 1000000);
    std::int64_t micro = int_field(m, "microsecond", base_fraction / 1000 % 1000);
    std::int64_t nano = int_field(m, "nanosecond", base_fraction % 1000);
    if (ms) check_range("millisecond", milli, 0, 999);
    if (us) check_range("microsecond", micro, 0, ms ? 999 : 999999);
    if (ns) check_range("nanosecond", nano, 0, ms || us ? 999 : 999999999);
    if (ns && !ms && !us && nano > 999) fraction = nano;
    else if (us && !ms && micro > 999) fraction = micro * 1000 + nano;
    else fraction = milli * 1000000 + micro * 1000 + nano;
  }
  return ((hour * 60 + minute) * 60 + second) * kNanosPerSecond + fraction;
}

Temporal from_map(Type type, const Map& m) {
  if (type == Type::Duration) {
    auto number = [&](std::string_view key) -> long double {
      const Value* v = find(m, key);
      if (!v) return 0;
      if (!v->is_number()) invalid(std::string(key) + " must be a number");
      return v->is_int() ? static_cast<long double>(v->as_int()) : v->as_float();
    };
    long double months = number("years") * 12 + number("quarters") * 3 + number("months");
    long double days = number("weeks") * 7 + number("days");
    long double seconds = number("hours") * 3600 + number("minutes") * 60 + number("seconds");
    long double nanos = number("milliseconds") * 1000000 + number("microseconds") * 1000 + number("nanoseconds");
    long double whole_nanos = std::trunc(nanos);
    if (!(std::fabs(whole_nanos) < 9.2e18L)) invalid("the duration is out of range");
    seconds += (nanos - whole_nanos) / kNanosPerSecond;
    return make_duration(duration_from_parts(static_cast<double>(months), static_cast<double>(days),
                                             static_cast<double>(seconds), static_cast<std::int64_t>(whole_nanos)));
  }
  if (type == Type::DateTime && (find(m, "epochSeconds") || find(m, "epochMillis"))) {
    std::int64_t nanos = find(m, "epochSeconds") ? times(int_field(m, "epochSeconds", 0), kNanosPerSecond)
                                                 : times(int_field(m, "epochMillis", 0), 1000000);
    std::int64_t nanosecond = int_field(m, "nanosecond", 0);
    check_range("nanosecond", nanosecond, 0, 999999999);
    if (__builtin_add_overflow(nanos, nanosecond, &nanos)) invalid("the epoch time is out of range");
    Temporal utc = make_datetime(floor_div(nanos, kNanosPerDay), floor_mod(nanos, kNanosPerDay), 0);
    return find(m, "timezone") ? convert_zone(utc, zone_spec(*find(m, "timezone"))) : utc;
  }
  const Temporal* date_base = base_temporal(m, "date");
  const Temporal* time_base = base_temporal(m, "time");
  const Temporal* datetime_base = base_temporal(m, "datetime");
  if (datetime_base) date_base = time_base = datetime_base;
  const Value* timezone = find(m, "timezone");
  std::optional<ZoneSpec> zone = timezone ? std::optional(zone_spec(*timezone)) : std::nullopt;
  std::int64_t days = has_date(type) ? date_from_map(m, date_base) : 0;
  // A zoned base time given a new zone is moved to it, keeping its instant on
  // the result's date; the time fields of the map then apply to the moved time.
  Temporal converted;
  if (zone && time_base && has_zone(time_base->type) && has_zone(type)) {
    std::int64_t on_day = has_date(type) ? days : time_base->days;
    Temporal placed = time_base->zone.empty() ? make_datetime(on_day, time_base->nanos, time_base->offset)
                                              : zoned(on_day, time_base->nanos, {0, time_base->zone});
    converted = convert_zone(placed, *zone);
    if (has_date(type)) days = converted.days;
    time_base = &converted;
  }
  std::int64_t nanos = 0;
  if (has_time(type)) nanos = time_from_map(m, time_base);
  if (!zone && time_base && has_zone(time_base->type))
    zone = ZoneSpec{time_base->offset, type == Type::DateTime ? time_base->zone : ""};
  ZoneSpec z = zone.value_or(ZoneSpec{});
  switch (type) {
    case Type::Date: return make_date(days);
    case Type::LocalTime: return make_local_time(nanos);
    case Type::Time: return make_time(nanos, offset_for_time(z));
    case Type::LocalDateTime: return make_local_datetime(days, nanos);
    default: return zoned(days, nanos, z);
  }
}

// date(other), time(other), ...: the parts `type` has, taken from `t`.
Temporal from_temporal(Type type, const Temporal& t) {
  if (t.type == Type::Duration) invalid(std::string(function_name(type)) + "() cannot convert a DURATION");
  if (has_date(type) && !has_date(t.type))
    invalid(std::string(function_name(type)) + "() needs a value with a date");
  switch (type) {
    case Type::Date: return make_date(t.days);
    case Type::LocalTime: return make_local_time(t.nanos);
    case Type::Time: return make_time(t.nanos, has_zone(t.type) ? t.offset : 0);
    case Type::LocalDateTime: return make_local_datetime(t.days, t.has_time() ? t.nanos : 0);
    default:
      if (t.type == Type::DateTime) return t;
      return make_datetime(t.days, t.has_time() ? t.nanos : 0, 0);
  }
}

// Which clock a current-time function reads.
enum class Clock { Statement, Real };

std::int64_t read_clock(Clock clock, EvalContext& ctx) {
  if (clock == Clock::Real) return clock_now();
  if (!ctx.statement_clock) ctx.statement_clock = clock_now();
  return *ctx.statement_clock;
}

Value construct(Type type, Args& a, EvalContext& ctx, Clock clock = Clock::Statement) {
  if (a.empty()) return Value(now_in(type, read_clock(clock, ctx), {}));
  const Value& v = a[0];
  if (v.is_null()) return v;
  try {
    if (v.is_string()) {
      auto t = parse_temporal(type, v.as_string());
      if (!t) invalid("cannot parse " + quote_string(v.as_string()) + " as a " + std::string(function_name(type)));
      return Value(*t);
    }
    if (v.is_map()) {
      const Map& m = v.as_map();
      if (type != Type::Duration && m.size() == 1 && find(m, "timezone"))
        return Value(now_in(type, read_clock(clock, ctx), zone_spec(*find(m, "timezone"))));
      return Value(from_map(type, m));
    }
    if (v.is_temporal() && type != Type::Duration) return Value(from_temporal(type, v.as_temporal()));
  } catch (const std::overflow_error& e) {
    runtime_error("ArgumentError", "InvalidArgumentValue", e.what());
  } catch (const std::out_of_range& e) {
    runtime_error("ArgumentError", "InvalidArgumentValue", e.what());
  }
  wrong_type(function_name(type), v);
}

// The first `unit` boundary at or before t (date.truncate and friends), with
// the fields of `fields` set after truncating.
Temporal truncate(Type type, const std::string& unit, const Temporal& t, const Map& fields) {
  std::int64_t days = t.days, nanos = t.nanos;
  CivilDate c = civil_from_days(days);
  auto start_of_year = [](std::int64_t y) { return days_from_civil(y, 1, 1); };
  bool date_unit = true;
  if (unit == "millennium") days = start_of_year(floor_div(c.year, 1000) * 1000);
  else if (unit == "century") days = start_of_year(floor_div(c.year, 100) * 100);
  else if (unit == "decade") days = start_of_year(floor_div(c.year, 10) * 10);
  else if (unit == "year") days = start_of_year(c.year);
  else if (unit == "weekYear") days = iso_week_one(iso_week(days).year);
  else if (unit == "quarter") days = days_from_civil(c.year, (c.month - 1) / 3 * 3 + 1, 1);
  else if (unit == "month") days = days_from_civil(c.year, c.month, 1);
  else if (unit == "week") days -= iso_weekday(days) - 1;
  else if (unit == "day") {
  } else {
    date_unit = false;
    std::int64_t size = unit == "hour"          ? 3600 * kNanosPerSecond
                        : unit == "minute"      ? 60 * kNanosPerSecond
                        : unit == "second"      ? kNanosPerSecond
                        : unit == "millisecond" ? 1000000
                        : unit == "microsecond" ? 1000
                                                : 0;
    if (size == 0) invalid("unknown truncation unit " + unit);
    nanos -= nanos % size;
  }
  if (date_unit) {
    if (!has_date(t.type) && unit != "day") invalid("cannot truncate a time to " + unit);
    nanos = 0;
  }
  if (has_date(type) && !has_date(t.type)) invalid("cannot truncate a time to a date");
  // The truncated local fields, then the map's fields over them; a zoned
  // result keeps the value's zone unless the map names another (no conversion).
  Map m = fields;
  if (has_date(type)) m["date"] = Value(make_date(days));
  if (has_time(type)) m["time"] = Value(make_local_time(nanos));
  if (has_zone(type) && has_zone(t.type) && !find(fields, "timezone")) {
    bool named = type == Type::DateTime && !t.zone.empty();
    m["timezone"] = Value(named ? t.zone : format_offset(t.offset));
  }
  return from_map(type, m);
}

Value truncate_function(Type type, Args& a) {
  if (a[1].is_null()) return Value();
  if (!a[0].is_string()) wrong_type(std::string(function_name(type)) + ".truncate", a[0]);
  if (!a[1].is_temporal()) wrong_type(std::string(function_name(type)) + ".truncate", a[1]);
  Map fields;
  if (a.size() > 2 && !a[2].is_null()) {
    if (!a[2].is_map()) wrong_type(std::string(function_name(type)) + ".truncate", a[2]);
    fields = a[2].as_map();
  }
  return Value(truncate(type, a[0].as_string(), a[1].as_temporal(), fields));
}

// A value's local date and time as duration.between reads them; a zoned value
// is seen at the other zoned value's offset, so that both line up in time.
struct Point {
  bool dated;
  std::int64_t days, nanos;
};

Point point_of(const Temporal& t, const Temporal& other) {
  Temporal v = t;
  // Compare zoned values at the first one's offset, so the instants line up.
  if (has_zone(t.type) && has_zone(other.type)) v = convert_zone(t, {other.offset, ""});
  return {has_date(t.type), v.days, v.nanos};
}

// `t` as an instant for duration.inSeconds: a value without a zone is read in
// the other value's zone (so DST changes count), a time without a date sits on
// the other value's date, and two local values compare as if both were UTC.
Instant seconds_point(const Temporal& t, const Temporal& other) {
  if (has_zone(t.type) && (has_date(t.type) || !has_date(other.type))) return utc_instant(t);
  std::int64_t days = has_date(t.type) ? t.days : has_date(other.type) ? other.days : 0;
  std::int64_t nanos = has_time(t.type) ? t.nanos : 0;
  if (has_zone(t.type)) return utc_instant(make_datetime(days, nanos, t.offset));
  if (!has_zone(other.type)) return {days * kSecondsPerDay + nanos / kNanosPerSecond, nanos % kNanosPerSecond};
  Temporal placed = other.zone.empty() ? make_datetime(days, nanos, other.offset)
                                       : zoned(days, nanos, {0, other.zone});
  return utc_instant(placed);
}

enum class Between { All, Months, Days, Seconds };

// The months that fit between two local date-times: the last one counts only
// when complete, day of month and time of day included.
std::int64_t whole_months(const Point& a, const Point& b) {
  CivilDate ca = civil_from_days(a.days), cb = civil_from_days(b.days);
  auto moved = [&](std::int64_t m) {
    std::int64_t index = ca.year * 12 + (ca.month - 1) + m;
    std::int64_t y = floor_div(index, 12), month = floor_mod(index, 12) + 1;
    return days_from_civil(y, month, std::min<std::int64_t>(ca.day, days_in_month(y, month)));
  };
  std::int64_t months = (cb.year - ca.year) * 12 + (cb.month - ca.month);
  std::int64_t end = moved(months);
  if (months > 0 && (end > b.days || (end == b.days && a.nanos > b.nanos))) --months;
  if (months < 0 && (end < b.days || (end == b.days && a.nanos < b.nanos))) ++months;
  return months;
}

// The whole days between two local date-times.
std::int64_t whole_days(const Point& a, const Point& b) {
  std::int64_t days = b.days - a.days;
  if (days > 0 && b.nanos < a.nanos) --days;
  if (days < 0 && b.nanos > a.nanos) ++days;
  return days;
}

Duration between(const Temporal& from, const Temporal& to, Between unit) {
  if (unit == Between::Seconds) {
    Instant x = seconds_point(from, to), y = seconds_point(to, from);
    return normalized({0, 0, y.seconds - x.seconds, y.nanos - x.nanos});
  }
  Point a = point_of(from, from), b = point_of(to, from);
  std::int64_t months = 0, days = 0;
  if (a.dated && b.dated) {
    if (unit != Between::Days) {
      months = whole_months(a, b);
      if (unit == Between::Months) return {months, 0, 0, 0};
      a.days = add(make_date(a.days), Duration{months, 0, 0, 0}).days;
    }
    days = whole_days(a, b);
    if (unit == Between::Days) return {0, days, 0, 0};
    a.days += days;
  } else {
    // A time and anything: only the time of day counts.
    if (unit != Between::All) return {};
    a.days = b.days = 0;
  }
  std::int64_t diff = (b.days - a.days) * kNanosPerDay + (b.nanos - a.nanos);
  return normalized({months, days, diff / kNanosPerSecond, diff % kNanosPerSecond});
}

Value between_function(Between unit, Args& a) {
  if (a[0].is_null() || a[1].is_null()) return Value();
  for (const Value& v : a)
    if (!v.is_temporal() || v.as_temporal().type == Type::Duration) wrong_type("duration.between", v);
  return Value(make_duration(between(a[0].as_temporal(), a[1].as_temporal(), unit)));
}

Value from_epoch(Args& a, std::int64_t unit_nanos) {
  for (const Value& v : a)
    if (v.is_null()) return Value();
  for (const Value& v : a)
    if (!v.is_number()) wrong_type("datetime.fromepoch", v);
  std::int64_t nanos = times(whole_number("the epoch time", a[0]), unit_nanos);
  if (a.size() > 1 && __builtin_add_overflow(nanos, whole_number("nanosecond", a[1]), &nanos))
    invalid("the epoch time is out of range");
  return Value(make_datetime(floor_div(nanos, kNanosPerDay), floor_mod(nanos, kNanosPerDay), 0));
}

struct TemporalFunction {
  std::size_t min_args, max_args;
  Value (*fn)(Args&, EvalContext&);
};

const std::unordered_map<std::string, TemporalFunction>& functions() {
  static const std::unordered_map<std::string, TemporalFunction> table = [] {
    std::unordered_map<std::string, TemporalFunction> m;
    m["date"] = {0, 1, [](Args& a, EvalContext& c) { return construct(Type::Date, a, c); }};
    m["localtime"] = {0, 1, [](Args& a, EvalContext& c) { return construct(Type::LocalTime, a, c); }};
    m["time"] = {0, 1, [](Args& a, EvalContext& c) { return construct(Type::Time, a, c); }};
    m["localdatetime"] = {0, 1, [](Args& a, EvalContext& c) { return construct(Type::LocalDateTime, a, c); }};
    m["datetime"] = {0, 1, [](Args& a, EvalContext& c) { return construct(Type::DateTime, a, c); }};
    m["duration"] = {1, 1, [](Args& a, EvalContext& c) { return construct(Type::Duration, a, c); }};
    // A statement is kg's transaction: .statement and .transaction read the
    // statement's clock, .realtime the system clock at each call.
    for (const char* clock : {"statement", "transaction"}) {
      m[std::string("date.") + clock] = m["date"];
      m[std::string("localtime.") + clock] = m["localtime"];
      m[std::string("time.") + clock] = m["time"];
      m[std::string("localdatetime.") + clock] = m["localdatetime"];
      m[std::string("datetime.") + clock] = m["datetime"];
    }
    m["date.realtime"] = {0, 1, [](Args& a, EvalContext& c) { return construct(Type::Date, a, c, Clock::Real); }};
    m["localtime.realtime"] = {
        0, 1, [](Args& a, EvalContext& c) { return construct(Type::LocalTime, a, c, Clock::Real); }};
    m["time.realtime"] = {0, 1, [](Args& a, EvalContext& c) { return construct(Type::Time, a, c, Clock::Real); }};
    m["localdatetime.realtime"] = {
        0, 1, [](Args& a, EvalContext& c) { return construct(Type::LocalDateTime, a, c, Clock::Real); }};
    m["datetime.realtime"] = {
        0, 1, [](Args& a, EvalContext& c) { return construct(Type::DateTime, a, c, Clock::Real); }};
    m["date.truncate"] = {2, 3, [](Args& a, EvalContext&) { return truncate_function(Type::Date, a); }};
    m["localtime.truncate"] = {2, 3, [](Args& a, EvalContext&) { return truncate_function(Type::LocalTime, a); }};
    m["time.truncate"] = {2, 3, [](Args& a, EvalContext&) { return truncate_function(Type::Time, a); }};
    m["localdatetime.truncate"] = {2, 3, [](Args& a, EvalContext&) { return truncate_function(Type::LocalDateTime, a); }};
    m["datetime.truncate"] = {2, 3, [](Args& a, EvalContext&) { return truncate_function(Type::DateTime, a); }};
    m["duration.between"] = {2, 2, [](Args& a, EvalContext&) { return between_function(Between::All, a); }};
    m["duration.inmonths"] = {2, 2, [](Args& a, EvalContext&) { return between_function(Between::Months, a); }};
    m["duration.indays"] = {2, 2, [](Args& a, EvalContext&) { return between_function(Between::Days, a); }};
    m["duration.inseconds"] = {2, 2, [](Args& a, EvalContext&) { return between_function(Between::Seconds, a); }};
    m["datetime.fromepoch"] = {2, 2, [](Args& a, EvalContext&) { return from_epoch(a, kNanosPerSecond); }};
    m["datetime.fromepochmillis"] = {1, 1, [](Args& a, EvalContext&) { return from_epoch(a, 1000000); }};
    return m;
  }();
  return table;
}

Value duration_property(const Duration& d, std::string_view key) {
  std::int64_t millis = d.nanos / 1000000, micros = d.nanos / 1000;
  if (key == "years") return Value(d.months / 12);
  if (key == "quarters") return Value(d.months / 3);
  if (key == "months") return Value(d.months);
  if (key == "weeks") return Value(d.days / 7);
  if (key == "days") return Value(d.days);
  if (key == "hours") return Value(d.seconds / 3600);
  if (key == "minutes") return Value(d.seconds / 60);
  if (key == "seconds") return Value(d.seconds);
  if (key == "milliseconds") return Value(d.seconds * 1000 + millis);
  if (key == "microseconds") return Value(d.seconds * 1000000 + micros);
  if (key == "nanoseconds") return Value(d.seconds * kNanosPerSecond + d.nanos);
  if (key == "quartersOfYear") return Value(d.months % 12 / 3);
  if (key == "monthsOfQuarter") return Value(d.months % 3);
  if (key == "monthsOfYear") return Value(d.months % 12);
  if (key == "daysOfWeek") return Value(d.days % 7);
  if (key == "minutesOfHour") return Value(d.seconds / 60 % 60);
  if (key == "secondsOfMinute") return Value(d.seconds % 60);
  if (key == "millisecondsOfSecond") return Value(millis);
  if (key == "microsecondsOfSecond") return Value(micros);
  if (key == "nanosecondsOfSecond") return Value(d.nanos);
  return Value();
}

}  // namespace

bool is_temporal_function(std::string_view lower_name) {
  return functions().count(std::string(lower_name)) > 0;
}

std::pair<std::size_t, std::size_t> temporal_function_arity(std::string_view lower_name) {
  const auto& f = functions().at(std::string(lower_name));
  return {f.min_args, f.max_args};
}

Value call_temporal_function(std::string_view lower_name, std::vector<Value>& args, EvalContext& ctx) {
  return functions().at(std::string(lower_name)).fn(args, ctx);
}

Value temporal_property(const Temporal& t, std::string_view key) {
  if (t.type == Type::Duration) {
    Value v = duration_property(t.duration, key);
    if (v.is_null()) invalid("a DURATION has no property " + std::string(key));
    return v;
  }
  if (t.has_date()) {
    CivilDate c = civil_from_days(t.days);
    if (key == "year") return Value(c.year);
    if (key == "quarter") return Value((c.month - 1) / 3 + 1);
    if (key == "month") return Value(c.month);
    if (key == "week") return Value(iso_week(t.days).week);
    if (key == "weekYear") return Value(iso_week(t.days).year);
    if (key == "day") return Value(c.day);
    if (key == "ordinalDay") return Value(t.days - days_from_civil(c.year, 1, 1) + 1);
    if (key == "weekDay" || key == "dayOfWeek") return Value(std::int64_t{iso_weekday(t.days)});
    if (key == "dayOfQuarter")
      return Value(t.days - days_from_civil(c.year, (c.month - 1) / 3 * 3 + 1, 1) + 1);
  }
  if (t.has_time()) {
    std::int64_t seconds = t.nanos / kNanosPerSecond, fraction = t.nanos % kNanosPerSecond;
    if (key == "hour") return Value(seconds / 3600);
    if (key == "minute") return Value(seconds / 60 % 60);
    if (key == "second") return Value(seconds % 60);
    if (key == "millisecond") return Value(fraction / 1000000);
    if (key == "microsecond") return Value(fraction / 1000);
    if (key == "nanosecond") return Value(fraction);
  }
  if (t.has_offset()) {
    // .offset is always ±HH:MM; .timezone names the zone as toString() does (Z for UTC).
    std::string offset = t.offset == 0 ? "+00:00" : format_offset(t.offset);
    if (key == "timezone") return Value(t.zone.empty() ? format_offset(t.offset) : t.zone);
    if (key == "offset") return Value(offset);
    if (key == "offsetMinutes") return Value(std::int64_t{t.offset / 60});
    if (key == "offsetSeconds") return Value(std::int64_t{t.offset});
  }
  if (t.type == Type::DateTime) {
    Instant i = utc_instant(t);
    if (key == "epochSeconds") return Value(i.seconds);
    if (key == "epochMillis") return Value(i.seconds * 1000 + i.nanos / 1000000);
  }
  invalid("a " + std::string(temporal_type_name(t.type)) + " has no property " + std::string(key));
}

std::optional<Value> temporal_arithmetic(ExprKind op, const Value& a, const Value& b) {
  if (!a.is_temporal() && !b.is_temporal()) return std::nullopt;
  auto is_duration = [](const Value& v) { return v.is_temporal() && v.as_temporal().type == Type::Duration; };
  try {
    if (op == ExprKind::Add || op == ExprKind::Subtract) {
      if (is_duration(b)) {
        Duration d = op == ExprKind::Add ? b.as_temporal().duration : negate(b.as_temporal().duration);
        if (a.is_temporal()) return Value(add(a.as_temporal(), d));
      } else if (op == ExprKind::Add && is_duration(a) && b.is_temporal()) {
        return Value(add(b.as_temporal(), a.as_temporal().duration));
      }
    } else if (op == ExprKind::Multiply || op == ExprKind::Divide) {
      const Value& d = is_duration(a) ? a : b;
      const Value& n = is_duration(a) ? b : a;
      if (is_duration(d) && n.is_number() && (op == ExprKind::Multiply || &d == &a)) {
        double factor = n.as_number();
        if (op == ExprKind::Divide) {
          if (factor == 0) runtime_error("ArithmeticError", "DivisionByZero", "duration divided by zero");
          factor = 1 / factor;
        }
        return Value(make_duration(scale(d.as_temporal().duration, factor)));
      }
    }
  } catch (const std::overflow_error& e) {
    runtime_error("ArithmeticError", "IntegerOverflow", e.what());
  } catch (const std::out_of_range& e) {
    runtime_error("ArgumentError", "InvalidArgumentValue", e.what());
  }
  runtime_error("TypeError", "InvalidArgumentType",
                "cannot apply an arithmetic operator to " + std::string(a.type_name()) + " and " +
                    std::string(b.type_name()));
}

}  // namespace kg::query
