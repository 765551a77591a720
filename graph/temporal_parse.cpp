#include "graph/temporal_parse.h"

#include <cctype>
#include <cmath>
#include <stdexcept>
#include <string>

#include "graph/time_zone.h"

namespace kg {

namespace {

constexpr std::int32_t kMaxOffset = 18 * 3600;

// A cursor over the text with the small steps of the ISO grammar.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool done() const { return pos_ == text_.size(); }
  char peek() const { return done() ? '\0' : text_[pos_]; }
  bool accept(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  // The number of digits that follow.
  std::size_t digits_ahead() const {
    std::size_t n = 0;
    while (pos_ + n < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_ + n]))) ++n;
    return n;
  }
  // Exactly `n` digits as a number; nullopt when fewer follow.
  std::optional<std::int64_t> digits(std::size_t n) {
    if (digits_ahead() < n) return std::nullopt;
    std::int64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v = v * 10 + (text_[pos_++] - '0');
    return v;
  }
  std::string_view rest() const { return text_.substr(pos_); }
  void skip(std::size_t n) { pos_ += n; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

bool valid_date(std::int64_t y, std::int64_t m, std::int64_t d) {
  return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

// A date (the part before 'T'); nullopt when malformed.
std::optional<std::int64_t> parse_date(Scanner& s) {
  std::int64_t sign = 1;
  bool signed_year = false;
  if (s.accept('+')) signed_year = true;
  else if (s.accept('-')) signed_year = true, sign = -1;
  // An unsigned year has four digits, so that 20150721 splits as 2015 07 21.
  std::size_t year_digits = signed_year ? s.digits_ahead() : 4;
  if (signed_year && year_digits > 4 && s.digits_ahead() > 9) year_digits = 9;
  auto year = s.digits(year_digits);
  if (!year || year_digits < 4) return std::nullopt;
  std::int64_t y = sign * *year;
  if (s.done() || s.peek() == 'T') return days_from_civil(y, 1, 1);
  bool extended = s.accept('-');
  if (s.accept('W')) {
    auto week = s.digits(2);
    if (!week) return std::nullopt;
    std::int64_t dow = 1;
    if (!s.done() && s.peek() != 'T') {
      if (extended && !s.accept('-')) return std::nullopt;
      auto d = s.digits(1);
      if (!d) return std::nullopt;
      dow = *d;
    }
    std::int64_t weeks_in_year = (iso_week_one(y + 1) - iso_week_one(y)) / 7;
    if (*week < 1 || *week > weeks_in_year || dow < 1 || dow > 7) return std::nullopt;
    return iso_week_one(y) + (*week - 1) * 7 + (dow - 1);
  }
  std::size_t n = s.digits_ahead();
  if (n == 3) {
    auto ordinal = s.digits(3);
    if (*ordinal < 1 || *ordinal > (is_leap_year(y) ? 366 : 365)) return std::nullopt;
    return days_from_civil(y, 1, 1) + *ordinal - 1;
  }
  auto month = s.digits(2);
  if (!month) return std::nullopt;
  std::int64_t day = 1;
  if (!s.done() && s.peek() != 'T') {
    if (extended && !s.accept('-')) return std::nullopt;
    auto d = s.digits(2);
    if (!d) return std::nullopt;
    day = *d;
  }
  if (!valid_date(y, *month, day)) return std::nullopt;
  return days_from_civil(y, *month, day);
}

// A time of day in nanoseconds; nullopt when malformed.
std::optional<std::int64_t> parse_time(Scanner& s) {
  auto hour = s.digits(2);
  if (!hour) return std::nullopt;
  std::int64_t minute = 0, second = 0, nanos = 0;
  bool extended = s.peek() == ':';
  auto next_field = [&]() {
    if (extended) return s.accept(':') ? s.digits(2) : std::nullopt;
    return s.digits_ahead() >= 2 ? s.digits(2) : std::nullopt;
  };
  if (auto m = next_field()) {
    minute = *m;
    if (auto sec = next_field()) {
      second = *sec;
      if (s.accept('.') || s.accept(',')) {
        std::size_t n = s.digits_ahead();
        if (n == 0 || n > 9) return std::nullopt;
        nanos = *s.digits(n);
        for (std::size_t i = n; i < 9; ++i) nanos *= 10;
      }
    }
  }
  if (*hour > 23 || minute > 59 || second > 59) return std::nullopt;
  return ((*hour * 60 + minute) * 60 + second) * kNanosPerSecond + nanos;
}

struct Zone {
  std::optional<std::int32_t> offset;
  std::string name;
};

// What follows a time: an offset, a [zone name], both or neither.
std::optional<Zone> parse_zone(Scanner& s) {
  Zone zone;
  if (s.peek() == 'Z' || s.peek() == '+' || s.peek() == '-') {
    std::string_view rest = s.rest();
    std::size_t end = rest.find('[');
    std::string_view text = rest.substr(0, end);
    zone.offset = parse_offset(text);
    if (!zone.offset) return std::nullopt;
    s.skip(text.size());
  }
  if (s.accept('[')) {
    std::string_view rest = s.rest();
    if (rest.empty() || rest.back() != ']') return std::nullopt;
    zone.name = std::string(rest.substr(0, rest.size() - 1));
    s.skip(rest.size());
    if (!is_time_zone(zone.name)) throw std::runtime_error("unknown time zone " + zone.name);
  }
  if (!s.done()) return std::nullopt;
  return zone;
}

std::optional<Temporal> parse_duration(std::string_view text) {
  Scanner s(text);
  if (!s.accept('P')) return std::nullopt;
  // The alternative form P2012-02-02T14:37:21.545 (years, months, days, time).
  if (s.digits_ahead() == 4 && text.size() > 5 && text[5] == '-') {
    auto y = s.digits(4);
    if (!s.accept('-')) return std::nullopt;
    auto mo = s.digits(2);
    if (!mo || !s.accept('-')) return std::nullopt;
    auto d = s.digits(2);
    if (!d || !s.accept('T')) return std::nullopt;
    auto t = parse_time(s);
    if (!t || !s.done()) return std::nullopt;
    return make_duration({*y * 12 + *mo, *d, *t / kNanosPerSecond, *t % kNanosPerSecond});
  }
  long double months = 0, days = 0, seconds = 0;
  bool in_time = false, any = false;
  while (!s.done()) {
    if (!in_time && s.accept('T')) {
      in_time = true;
      continue;
    }
    std::string_view rest = s.rest();
    std::size_t len = 0;
    if (len < rest.size() && (rest[len] == '-' || rest[len] == '+')) ++len;
    while (len < rest.size() && (std::isdigit(static_cast<unsigned char>(rest[len])) || rest[len] == '.')) ++len;
    if (len == rest.size()) return std::nullopt;
    std::string number(rest.substr(0, len));
    char* stop = nullptr;
    long double v = std::strtold(number.c_str(), &stop);
    if (number.empty() || stop != number.c_str() + number.size()) return std::nullopt;
    s.skip(len);
    char unit = s.peek();
    s.skip(1);
    any = true;
    if (!in_time && unit == 'Y') months += v * 12;
    else if (!in_time && unit == 'M') months += v;
    else if (!in_time && unit == 'W') days += v * 7;
    else if (!in_time && unit == 'D') days += v;
    else if (in_time && unit == 'H') seconds += v * 3600;
    else if (in_time && unit == 'M') seconds += v * 60;
    else if (in_time && unit == 'S') seconds += v;
    else return std::nullopt;
  }
  if (!any) return std::nullopt;
  return make_duration(duration_from_parts(static_cast<double>(months), static_cast<double>(days),
                                           static_cast<double>(seconds)));
}

}  // namespace

std::optional<std::int32_t> parse_offset(std::string_view text) {
  if (text == "Z") return 0;
  Scanner s(text);
  std::int32_t sign = s.accept('+') ? 1 : s.accept('-') ? -1 : 0;
  if (sign == 0) return std::nullopt;
  auto hours = s.digits(2);
  if (!hours) return std::nullopt;
  std::int64_t minutes = 0, seconds = 0;
  bool extended = s.accept(':');
  if (!s.done()) {
    auto m = s.digits(2);
    if (!m) return std::nullopt;
    minutes = *m;
    if (!s.done()) {
      if (extended && !s.accept(':')) return std::nullopt;
      auto sec = s.digits(2);
      if (!sec) return std::nullopt;
      seconds = *sec;
    }
  }
  if (!s.done() || minutes > 59 || seconds > 59) return std::nullopt;
  std::int64_t total = *hours * 3600 + minutes * 60 + seconds;
  if (total > kMaxOffset) return std::nullopt;
  return static_cast<std::int32_t>(sign * total);
}

std::optional<Temporal> parse_temporal(Temporal::Type type, std::string_view text) {
  if (type == Temporal::Type::Duration) return parse_duration(text);
  Scanner s(text);
  std::int64_t days = 0, nanos = 0;
  if (type == Temporal::Type::Date || type == Temporal::Type::LocalDateTime ||
      type == Temporal::Type::DateTime) {
    auto d = parse_date(s);
    if (!d) return std::nullopt;
    days = *d;
    if (type == Temporal::Type::Date) return s.done() ? std::optional(make_date(days)) : std::nullopt;
    if (!s.done() && !s.accept('T')) return std::nullopt;
  }
  if (!s.done()) {
    auto t = parse_time(s);
    if (!t) return std::nullopt;
    nanos = *t;
  }
  auto zone = parse_zone(s);
  if (!zone) return std::nullopt;
  switch (type) {
    case Temporal::Type::LocalTime: return make_local_time(nanos);
    case Temporal::Type::LocalDateTime: return make_local_datetime(days, nanos);
    case Temporal::Type::Time: return make_time(nanos, zone->offset.value_or(0));
    default: break;
  }
  if (zone->name.empty()) return make_datetime(days, nanos, zone->offset.value_or(0));
  ZonedLocal z = resolve_local(zone->name, days * kSecondsPerDay + nanos / kNanosPerSecond);
  std::int64_t fraction = nanos % kNanosPerSecond;
  return make_datetime(z.local_seconds / kSecondsPerDay - (z.local_seconds % kSecondsPerDay < 0),
                       (z.local_seconds % kSecondsPerDay + kSecondsPerDay) % kSecondsPerDay * kNanosPerSecond + fraction,
                       z.offset, zone->name);
}

}  // namespace kg
