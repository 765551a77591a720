// Offsets of IANA time zones ('Europe/Stockholm'), for DateTime values made
// in a named zone.
//
// The rules come from the system's tz database (/usr/share/zoneinfo, Debian's
// tzdata) read by Howard Hinnant's date/tz (Debian: libhowardhinnant-date-dev).
// GCC 12's libstdc++ has no std::chrono::tzdb, and reading TZif files here
// would duplicate a maintained library that std::chrono's tzdb is based on.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kg {

// True when `name` is a zone of the tz database.
bool is_time_zone(std::string_view name);

// A local date-time placed in a zone.
struct ZonedLocal {
  // Seconds east of UTC in force.
  std::int32_t offset;
  // The local time, moved later by the length of the gap when the asked time
  // does not exist (spring forward), as java.time does.
  std::int64_t local_seconds;
};

// Places `local_seconds` (seconds since 1970-01-01T00:00 local time) in `zone`;
// an ambiguous time (fall back) takes the earlier offset. Throws
// std::runtime_error for an unknown zone.
ZonedLocal resolve_local(const std::string& zone, std::int64_t local_seconds);

// The offset in force in `zone` at `utc_seconds` since the epoch.
std::int32_t offset_at_utc(const std::string& zone, std::int64_t utc_seconds);

}  // namespace kg
