// Temporal values from the ISO 8601 strings openCypher accepts:
//
//   date           2015-07-21  20150721  2015-07  2015-W30-2  2015W302  2015-202  2015
//   local time     21:40:32.142  214032  21:40  21
//   time           21:40:32.142+0100  214032Z  21:40-01:30
//   local datetime 2015-07-21T21:40:32.142  2015W302T2140
//   datetime       2015-07-21T21:40:32.142+01:00  2015-07-21T21:40[Europe/London]
//   duration       P14DT16H12M  P5M1.5D  PT0.75M  P2.5W  P2012-02-02T14:37:21.545
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "graph/temporal.h"

namespace kg {

// Parses `text` as a value of `type`; nullopt when it is not one of the forms
// above or a field is out of range. A time or datetime without an offset is
// in UTC. Throws std::runtime_error for an unknown zone name.
std::optional<Temporal> parse_temporal(Temporal::Type type, std::string_view text);

// A UTC offset: Z, +01, +0100, +01:00, -02:05:59; nullopt when malformed or
// beyond ±18:00.
std::optional<std::int32_t> parse_offset(std::string_view text);

}  // namespace kg
