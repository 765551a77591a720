// Cypher's temporal values: Date, LocalTime, Time, LocalDateTime, DateTime
// and Duration, with their calendar arithmetic, string form and order.
//
// Instants keep their local fields (days since 1970-01-01 and nanoseconds of
// the day) plus, when zoned, the UTC offset in force and the zone's name. The
// proleptic Gregorian calendar is computed here with 64-bit day counts, so the
// TCK's far years (-999999999..999999999) need no library; only named zones
// need the tz database (graph/time_zone.h). Parsing the ISO 8601 forms lives
// in graph/temporal_parse.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kg {

constexpr std::int64_t kNanosPerSecond = 1'000'000'000;
constexpr std::int64_t kSecondsPerDay = 86'400;
constexpr std::int64_t kNanosPerDay = kSecondsPerDay * kNanosPerSecond;

// openCypher's duration: months, days and seconds are independent, because a
// month has no fixed number of days nor a day a fixed number of seconds (DST).
// Invariant: 0 <= nanos < 1e9 (seconds carries the sign of the sub-day part).
struct Duration {
  std::int64_t months = 0;
  std::int64_t days = 0;
  std::int64_t seconds = 0;
  std::int64_t nanos = 0;
};

// A Duration with nanos brought into [0, 1e9), carrying into seconds.
Duration normalized(Duration d);

struct Temporal {
  // Listed in ORDER BY order: datetimes first, durations last.
  enum class Type { DateTime, LocalDateTime, Date, Time, LocalTime, Duration };
  Type type = Type::Date;
  // The local date (Date, LocalDateTime, DateTime): days since 1970-01-01.
  std::int64_t days = 0;
  // The local time of day (all but Date and Duration), in nanoseconds.
  std::int64_t nanos = 0;
  // Seconds east of UTC (Time, DateTime).
  std::int32_t offset = 0;
  // The IANA zone name of a DateTime made in a named zone; empty otherwise.
  std::string zone;
  // Only for Type::Duration.
  Duration duration;

  bool has_date() const { return type == Type::Date || type == Type::LocalDateTime || type == Type::DateTime; }
  bool has_time() const { return type != Type::Date && type != Type::Duration; }
  bool has_offset() const { return type == Type::Time || type == Type::DateTime; }
};

// Cypher's name of the type: "DATE", "LOCAL TIME", "ZONED TIME", "LOCAL
// DATETIME", "ZONED DATETIME", "DURATION".
std::string_view temporal_type_name(Temporal::Type type);

// Proleptic Gregorian calendar.
std::int64_t days_from_civil(std::int64_t year, std::int64_t month, std::int64_t day);
struct CivilDate {
  std::int64_t year, month, day;
};
CivilDate civil_from_days(std::int64_t days);
bool is_leap_year(std::int64_t year);
int days_in_month(std::int64_t year, std::int64_t month);
// ISO day of week: Monday = 1 ... Sunday = 7.
int iso_weekday(std::int64_t days);
// Days of the Monday of ISO week 1 of `week_year`.
std::int64_t iso_week_one(std::int64_t week_year);
// The ISO week-based year and week of a date.
struct IsoWeek {
  std::int64_t year, week;
};
IsoWeek iso_week(std::int64_t days);

// Constructors; they do not validate (callers check field ranges first).
Temporal make_date(std::int64_t days);
Temporal make_local_time(std::int64_t nanos);
Temporal make_time(std::int64_t nanos, std::int32_t offset);
Temporal make_local_datetime(std::int64_t days, std::int64_t nanos);
// A DateTime at a fixed offset, or in `zone` (then `offset` must be the
// zone's offset at that local time).
Temporal make_datetime(std::int64_t days, std::int64_t nanos, std::int32_t offset, std::string zone = {});
Temporal make_duration(Duration d);

// The string form of toString() and of the TCK's expected results:
// 2015-07-21, 21:40:32.142, 21:40:32.142+01:00, 2015-07-21T21:40:32.142,
// 2015-07-21T21:40:32.142+02:00[Europe/Stockholm], P12Y5M14DT16H13M10.5S.
std::string to_string(const Temporal& t);
// +01:00, Z, +02:05:59.
std::string format_offset(std::int32_t offset);

// Seconds since the epoch in UTC (times: since midnight UTC) and nanos.
struct Instant {
  std::int64_t seconds;
  std::int64_t nanos;
};
Instant utc_instant(const Temporal& t);

// Cypher's `=` for two temporals: the same type and, for Time and DateTime,
// the same instant; durations are equal when all their fields are.
bool temporal_equals(const Temporal& a, const Temporal& b);
// Cypher's `<`: the sign of a - b, nullopt for different types or durations.
std::optional<int> temporal_compare(const Temporal& a, const Temporal& b);
// ORDER BY's total order: by type (as in Temporal::Type), then by instant,
// then by representation, so that only identical values compare equal.
int temporal_order(const Temporal& a, const Temporal& b);
// A hash consistent with temporal_order() == 0.
std::size_t temporal_hash(const Temporal& t);

// Duration arithmetic; throws std::overflow_error when a field overflows.
Duration add(const Duration& a, const Duration& b);
Duration negate(const Duration& d);
// Multiplies each field by `factor`, cascading fractions into smaller units
// (a month is 30.436875 days, a day 86400 seconds).
Duration scale(const Duration& d, double factor);
// A Duration from fractional amounts of each unit, cascaded like scale().
Duration duration_from_parts(double months, double days, double seconds, std::int64_t extra_nanos = 0);

// `t + d` for an instant (months and days first, then seconds). Dates ignore
// the sub-day part beyond whole days; times wrap around midnight. Throws
// std::out_of_range when the result leaves the supported years.
Temporal add(const Temporal& t, const Duration& d);

}  // namespace kg
