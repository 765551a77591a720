#include "graph/temporal.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>
#include <tuple>

#include "graph/time_zone.h"

namespace kg {

namespace {

// Floor division and modulo, for negative day and nanosecond counts.
std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
std::int64_t floor_mod(std::int64_t a, std::int64_t b) { return a - floor_div(a, b) * b; }

std::int64_t checked_add(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_add_overflow(a, b, &r)) throw std::overflow_error("duration overflow");
  return r;
}

std::int64_t checked_mul(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_mul_overflow(a, b, &r)) throw std::overflow_error("duration overflow");
  return r;
}

void append_padded(std::string& out, std::int64_t v, int width) {
  std::string digits = std::to_string(v);
  if (digits.size() < static_cast<std::size_t>(width)) out.append(width - digits.size(), '0');
  out += digits;
}

// ".142" for 142000000 nanoseconds: trailing zeros dropped; nothing for 0.
void append_fraction(std::string& out, std::int64_t nanos) {
  if (nanos == 0) return;
  std::string digits = std::to_string(nanos);
  digits.insert(0, 9 - digits.size(), '0');
  while (digits.back() == '0') digits.pop_back();
  out += '.';
  out += digits;
}

void append_date(std::string& out, std::int64_t days) {
  CivilDate c = civil_from_days(days);
  if (c.year < 0) {
    out += '-';
    append_padded(out, -c.year, 4);
  } else {
    if (c.year > 9999) out += '+';
    append_padded(out, c.year, 4);
  }
  out += '-';
  append_padded(out, c.month, 2);
  out += '-';
  append_padded(out, c.day, 2);
}

// HH:MM, then :SS and the fraction only when they are not zero.
void append_time(std::string& out, std::int64_t nanos) {
  std::int64_t seconds = nanos / kNanosPerSecond;
  std::int64_t fraction = nanos % kNanosPerSecond;
  append_padded(out, seconds / 3600, 2);
  out += ':';
  append_padded(out, seconds / 60 % 60, 2);
  if (seconds % 60 != 0 || fraction != 0) {
    out += ':';
    append_padded(out, seconds % 60, 2);
    append_fraction(out, fraction);
  }
}

void append_unit(std::string& out, std::int64_t amount, char unit) {
  if (amount == 0) return;
  out += std::to_string(amount);
  out += unit;
}

std::string duration_string(const Duration& d) {
  std::string out = "P";
  append_unit(out, d.months / 12, 'Y');
  append_unit(out, d.months % 12, 'M');
  append_unit(out, d.days, 'D');
  // The sub-day part prints as signed hours, minutes and seconds of its
  // absolute value, each with the sign: -60.001 s is T-1M-0.001S.
  bool negative = d.seconds < 0;
  std::int64_t seconds = d.seconds, nanos = d.nanos;
  if (negative && nanos > 0) {
    seconds += 1;
    nanos = kNanosPerSecond - nanos;
  }
  if (seconds != 0 || nanos != 0) {
    out += 'T';
    append_unit(out, seconds / 3600, 'H');
    append_unit(out, seconds % 3600 / 60, 'M');
    std::int64_t s = seconds % 60;
    if (s != 0 || nanos != 0) {
      if (negative && s == 0) out += '-';
      out += std::to_string(s);
      append_fraction(out, nanos);
      out += 'S';
    }
  }
  if (out == "P") out += "T0S";
  return out;
}

// Months, then days: the day of month is clamped to the new month's length.
std::int64_t add_months_and_days(std::int64_t days, std::int64_t months, std::int64_t add_days) {
  if (months != 0) {
    CivilDate c = civil_from_days(days);
    std::int64_t index = checked_add(c.year * 12 + (c.month - 1), months);
    std::int64_t year = floor_div(index, 12), month = floor_mod(index, 12) + 1;
    days = days_from_civil(year, month, std::min<std::int64_t>(c.day, days_in_month(year, month)));
  }
  days = checked_add(days, add_days);
  // Far beyond the supported years; checked before any seconds are counted.
  constexpr std::int64_t kFarDays = 400'000'000'000;
  if (days > kFarDays || days < -kFarDays) throw std::out_of_range("date out of range");
  return days;
}

// A local date-time in a named zone at `utc` seconds (plus `fraction` nanos).
void place_in_zone(Temporal& t, std::int64_t utc, std::int64_t fraction) {
  t.offset = offset_at_utc(t.zone, utc);
  std::int64_t local = utc + t.offset;
  t.days = floor_div(local, kSecondsPerDay);
  t.nanos = floor_mod(local, kSecondsPerDay) * kNanosPerSecond + fraction;
}

std::tuple<int, std::int64_t, std::int64_t, std::int64_t, std::int32_t, const std::string&> order_key(
    const Temporal& t) {
  Instant i = utc_instant(t);
  return {static_cast<int>(t.type), i.seconds, i.nanos, t.days, t.offset, t.zone};
}

}  // namespace

Duration normalized(Duration d) {
  d.seconds = checked_add(d.seconds, floor_div(d.nanos, kNanosPerSecond));
  d.nanos = floor_mod(d.nanos, kNanosPerSecond);
  return d;
}

std::string_view temporal_type_name(Temporal::Type type) {
  switch (type) {
    case Temporal::Type::Date: return "DATE";
    case Temporal::Type::LocalTime: return "LOCAL TIME";
    case Temporal::Type::Time: return "ZONED TIME";
    case Temporal::Type::LocalDateTime: return "LOCAL DATETIME";
    case Temporal::Type::DateTime: return "ZONED DATETIME";
    case Temporal::Type::Duration: return "DURATION";
  }
  return "DURATION";
}

// Howard Hinnant's days_from_civil / civil_from_days, over 64-bit counts.
std::int64_t days_from_civil(std::int64_t year, std::int64_t month, std::int64_t day) {
  year -= month <= 2;
  const std::int64_t era = floor_div(year, 400);
  const std::int64_t yoe = year - era * 400;
  const std::int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = floor_div(days, 146097);
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
  return {yoe + era * 400 + (month <= 2), month, day};
}

bool is_leap_year(std::int64_t year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

int days_in_month(std::int64_t year, std::int64_t month) {
  static constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : lengths[month - 1];
}

int iso_weekday(std::int64_t days) { return static_cast<int>(floor_mod(days + 3, 7)) + 1; }

std::int64_t iso_week_one(std::int64_t week_year) {
  std::int64_t jan4 = days_from_civil(week_year, 1, 4);
  return jan4 - (iso_weekday(jan4) - 1);
}

IsoWeek iso_week(std::int64_t days) {
  std::int64_t year = civil_from_days(days).year;
  if (days >= iso_week_one(year + 1)) ++year;
  else if (days < iso_week_one(year)) --year;
  return {year, (days - iso_week_one(year)) / 7 + 1};
}

Temporal make_date(std::int64_t days) {
  Temporal t;
  t.type = Temporal::Type::Date;
  t.days = days;
  return t;
}

Temporal make_local_time(std::int64_t nanos) {
  Temporal t;
  t.type = Temporal::Type::LocalTime;
  t.nanos = nanos;
  return t;
}

Temporal make_time(std::int64_t nanos, std::int32_t offset) {
  Temporal t;
  t.type = Temporal::Type::Time;
  t.nanos = nanos;
  t.offset = offset;
  return t;
}

Temporal make_local_datetime(std::int64_t days, std::int64_t nanos) {
  Temporal t;
  t.type = Temporal::Type::LocalDateTime;
  t.days = days;
  t.nanos = nanos;
  return t;
}

Temporal make_datetime(std::int64_t days, std::int64_t nanos, std::int32_t offset, std::string zone) {
  Temporal t;
  t.type = Temporal::Type::DateTime;
  t.days = days;
  t.nanos = nanos;
  t.offset = offset;
  t.zone = std::move(zone);
  return t;
}

Temporal make_duration(Duration d) {
  Temporal t;
  t.type = Temporal::Type::Duration;
  t.duration = normalized(d);
  return t;
}

std::string format_offset(std::int32_t offset) {
  if (offset == 0) return "Z";
  std::string out(1, offset < 0 ? '-' : '+');
  std::int32_t a = offset < 0 ? -offset : offset;
  append_padded(out, a / 3600, 2);
  out += ':';
  append_padded(out, a / 60 % 60, 2);
  if (a % 60 != 0) {
    out += ':';
    append_padded(out, a % 60, 2);
  }
  return out;
}

std::string to_string(const Temporal& t) {
  std::string out;
  switch (t.type) {
    case Temporal::Type::Date:
      append_date(out, t.days);
      break;
    case Temporal::Type::LocalTime:
      append_time(out, t.nanos);
      break;
    case Temporal::Type::Time:
      append_time(out, t.nanos);
      out += format_offset(t.offset);
      break;
    case Temporal::Type::LocalDateTime:
      append_date(out, t.days);
      out += 'T';
      append_time(out, t.nanos);
      break;
    case Temporal::Type::DateTime:
      append_date(out, t.days);
      out += 'T';
      append_time(out, t.nanos);
      out += format_offset(t.offset);
      if (!t.zone.empty()) out += '[' + t.zone + ']';
      break;
    case Temporal::Type::Duration:
      out = duration_string(t.duration);
      break;
  }
  return out;
}

Instant utc_instant(const Temporal& t) {
  std::int64_t seconds = t.days * kSecondsPerDay + t.nanos / kNanosPerSecond - t.offset;
  return {seconds, t.nanos % kNanosPerSecond};
}

bool temporal_equals(const Temporal& a, const Temporal& b) {
  if (a.type != b.type) return false;
  if (a.type == Temporal::Type::Duration) {
    const Duration &x = a.duration, &y = b.duration;
    return x.months == y.months && x.days == y.days && x.seconds == y.seconds && x.nanos == y.nanos;
  }
  Instant x = utc_instant(a), y = utc_instant(b);
  return x.seconds == y.seconds && x.nanos == y.nanos;
}

std::optional<int> temporal_compare(const Temporal& a, const Temporal& b) {
  if (a.type != b.type || a.type == Temporal::Type::Duration) return std::nullopt;
  Instant x = utc_instant(a), y = utc_instant(b);
  if (x.seconds != y.seconds) return x.seconds < y.seconds ? -1 : 1;
  if (x.nanos != y.nanos) return x.nanos < y.nanos ? -1 : 1;
  return 0;
}

int temporal_order(const Temporal& a, const Temporal& b) {
  if (a.type == Temporal::Type::Duration && b.type == Temporal::Type::Duration) {
    auto key = [](const Duration& d) { return std::tuple(d.months, d.days, d.seconds, d.nanos); };
    auto x = key(a.duration), y = key(b.duration);
    return x < y ? -1 : (y < x);
  }
  auto x = order_key(a), y = order_key(b);
  return x < y ? -1 : (y < x);
}

std::size_t temporal_hash(const Temporal& t) {
  auto mix = [](std::size_t seed, std::int64_t v) {
    return seed ^ (std::hash<std::int64_t>{}(v) + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
  };
  std::size_t seed = static_cast<std::size_t>(t.type);
  if (t.type == Temporal::Type::Duration) {
    const Duration& d = t.duration;
    return mix(mix(mix(mix(seed, d.months), d.days), d.seconds), d.nanos);
  }
  Instant i = utc_instant(t);
  return mix(mix(mix(seed, i.seconds), i.nanos), t.offset) ^ std::hash<std::string>{}(t.zone);
}

Duration add(const Duration& a, const Duration& b) {
  return normalized({checked_add(a.months, b.months), checked_add(a.days, b.days),
                     checked_add(a.seconds, b.seconds), a.nanos + b.nanos});
}

Duration negate(const Duration& d) {
  return normalized({checked_mul(d.months, -1), checked_mul(d.days, -1), checked_mul(d.seconds, -1), -d.nanos});
}

Duration duration_from_parts(double months, double days, double seconds, std::int64_t extra_nanos) {
  constexpr long double days_per_month = 30.436875L;
  auto whole = [](long double v) {
    long double t = std::trunc(v);
    if (!std::isfinite(t) || std::fabs(t) >= 9.2e18L) throw std::overflow_error("duration overflow");
    return static_cast<std::int64_t>(t);
  };
  long double m = months;
  std::int64_t whole_months = whole(m);
  long double d = days + (m - whole_months) * days_per_month;
  std::int64_t whole_days = whole(d);
  long double s = seconds + (d - whole_days) * kSecondsPerDay;
  std::int64_t whole_seconds = whole(s);
  // Fractions cascaded from larger units are rounded to the nanosecond, so
  // that binary rounding (0.1 s = 0.09999...) does not lose one.
  auto fraction_nanos = static_cast<std::int64_t>(std::llround((s - whole_seconds) * kNanosPerSecond));
  return normalized({whole_months, whole_days, whole_seconds, checked_add(fraction_nanos, extra_nanos)});
}

Duration scale(const Duration& d, double factor) {
  long double f = factor;
  long double nanos = d.nanos * f;
  // Own nanoseconds truncate (half a nanosecond is dropped); cascaded
  // fractions of larger units round in duration_from_parts.
  auto own_nanos = static_cast<std::int64_t>(std::trunc(nanos));
  return duration_from_parts(static_cast<double>(d.months * f), static_cast<double>(d.days * f),
                             static_cast<double>(d.seconds * f), own_nanos);
}

Temporal add(const Temporal& t, const Duration& d) {
  Temporal out = t;
  // Whole days of the sub-day part count for dates; the rest is nanoseconds.
  std::int64_t extra_days = d.seconds / kSecondsPerDay;
  std::int64_t sub_day = d.seconds % kSecondsPerDay * kNanosPerSecond + d.nanos;
  switch (t.type) {
    case Temporal::Type::Duration:
      out.duration = add(t.duration, d);
      return out;
    case Temporal::Type::Date:
      out.days = add_months_and_days(t.days, d.months, checked_add(d.days, extra_days));
      break;
    case Temporal::Type::LocalTime:
    case Temporal::Type::Time:
      out.nanos = floor_mod(t.nanos + sub_day, kNanosPerDay);
      return out;
    case Temporal::Type::LocalDateTime:
    case Temporal::Type::DateTime: {
      // As java.time does: months and days move the local date (in a named
      // zone the offset is then looked up again), seconds move the instant.
      out.days = add_months_and_days(t.days, d.months, checked_add(d.days, extra_days));
      if (!t.zone.empty()) {
        ZonedLocal z = resolve_local(t.zone, out.days * kSecondsPerDay + out.nanos / kNanosPerSecond);
        out.offset = z.offset;
        place_in_zone(out, z.local_seconds - z.offset, out.nanos % kNanosPerSecond);
      }
      std::int64_t nanos = out.nanos + sub_day;
      out.days += floor_div(nanos, kNanosPerDay);
      out.nanos = floor_mod(nanos, kNanosPerDay);
      if (!t.zone.empty()) {
        std::int64_t utc = out.days * kSecondsPerDay + out.nanos / kNanosPerSecond - out.offset;
        place_in_zone(out, utc, out.nanos % kNanosPerSecond);
      }
      break;
    }
  }
  CivilDate c = civil_from_days(out.days);
  if (c.year < -999999999 || c.year > 999999999) throw std::out_of_range("date out of range");
  return out;
}

}  // namespace kg
