#include "query/temporal_functions.h"

#include <doctest/doctest.h>

#include "graph/literal_format.h"
#include "query/engine.h"

using namespace kg;
using namespace kg::query;

namespace {

// The single column of a result, one literal per row.
std::vector<std::string> column(PropertyGraph& g, std::string_view statement) {
  Result r = run_statement(g, statement);
  std::vector<std::string> out;
  for (const auto& row : r.rows) out.push_back(format_literal(row.at(0), g));
  return out;
}

std::string one(std::string_view statement) {
  PropertyGraph g;
  auto values = column(g, statement);
  REQUIRE(values.size() == 1);
  return values.front();
}

}  // namespace

TEST_CASE("articles' dates sort and group as dates, not as strings") {
  PropertyGraph g;
  run_statement(g,
                "CREATE (:Article {published: date('2024-03-09')}), (:Article {published: date('2024-11-02')}),"
                " (:Article {published: date({year: 2024, month: 3, day: 9})})");
  CHECK(column(g, "MATCH (a:Article) RETURN DISTINCT a.published AS d ORDER BY d DESC") ==
        std::vector<std::string>{"2024-11-02", "2024-03-09"});
  CHECK(column(g, "MATCH (a:Article) WHERE a.published < date('2024-06-01') RETURN count(*)") ==
        std::vector<std::string>{"2"});
}

TEST_CASE("components, arithmetic and durations between instants") {
  CHECK(one("RETURN date('2015-07-21').week") == "30");
  CHECK(one("RETURN datetime('2015-07-21T21:40:32.142+01:00').epochMillis") == "1437511232142");
  CHECK(one("RETURN duration('P1Y2M').months") == "14");
  CHECK(one("RETURN date('2015-01-31') + duration({months: 1})") == "2015-02-28");
  CHECK(one("RETURN localtime('23:00') - duration('PT90M')") == "21:30");
  CHECK(one("RETURN duration({hours: 1}) * 1.5") == "PT1H30M");
  CHECK(one("RETURN duration.between(date('2015-01-31'), date('2015-03-01'))") == "P1M1D");
  CHECK(one("RETURN duration.inSeconds(datetime('2017-10-29T00:00[Europe/Stockholm]'),"
            " datetime('2017-10-29T04:00[Europe/Stockholm]'))") == "PT5H");
  CHECK(one("RETURN date.truncate('month', date('2015-07-21'))") == "2015-07-01");
}

TEST_CASE("every call to date() in one statement sees the same instant") {
  CHECK(one("RETURN datetime() = datetime() AND localtime() = localtime()") == "true");
}

TEST_CASE("bad temporal input is a runtime error naming the problem") {
  PropertyGraph g;
  CHECK_THROWS_WITH_AS(run_statement(g, "RETURN date('2015-02-30')"),
                       doctest::Contains("cannot parse '2015-02-30' as a date"), QueryError);
  CHECK_THROWS_WITH_AS(run_statement(g, "RETURN date({year: 2015, month: 13})"),
                       doctest::Contains("month must be between 1 and 12"), QueryError);
  CHECK_THROWS_WITH_AS(run_statement(g, "RETURN datetime({year: 2015, timezone: 'Mars/Olympus'})"),
                       doctest::Contains("unknown time zone"), QueryError);
  CHECK_THROWS_AS(run_statement(g, "RETURN date('2015-07-21') + 1"), QueryError);
  CHECK_THROWS_AS(run_statement(g, "RETURN date('2015-07-21').hour"), QueryError);
}
