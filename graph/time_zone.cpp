#include "graph/time_zone.h"

#include <date/tz.h>

#include <chrono>
#include <stdexcept>

namespace kg {

namespace {

const date::time_zone* find_zone(std::string_view name) {
  try {
    return date::locate_zone(name);
  } catch (const std::runtime_error&) {
    return nullptr;
  }
}

const date::time_zone& zone_or_throw(const std::string& name) {
  const date::time_zone* zone = find_zone(name);
  if (zone == nullptr) throw std::runtime_error("unknown time zone " + name);
  return *zone;
}

std::int32_t seconds_of(std::chrono::seconds s) { return static_cast<std::int32_t>(s.count()); }

}  // namespace

bool is_time_zone(std::string_view name) { return find_zone(name) != nullptr; }

ZonedLocal resolve_local(const std::string& zone, std::int64_t local_seconds) {
  date::local_seconds local{std::chrono::seconds(local_seconds)};
  date::local_info info = zone_or_throw(zone).get_info(local);
  switch (info.result) {
    case date::local_info::nonexistent: {
      std::int32_t gap = seconds_of(info.second.offset - info.first.offset);
      return {seconds_of(info.second.offset), local_seconds + gap};
    }
    default:
      return {seconds_of(info.first.offset), local_seconds};
  }
}

std::int32_t offset_at_utc(const std::string& zone, std::int64_t utc_seconds) {
  date::sys_seconds utc{std::chrono::seconds(utc_seconds)};
  return seconds_of(zone_or_throw(zone).get_info(utc).offset);
}

}  // namespace kg
