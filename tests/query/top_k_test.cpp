// ORDER BY ... LIMIT keeps only the best SKIP + LIMIT rows while it reads;
// the rows must be those of sorting everything, ties in arrival order.
#include <doctest/doctest.h>

#include "query/engine.h"
#include "tests/query/result_rows.h"

using namespace kg;
using namespace kg::query;
using namespace kg::query::testing;

TEST_CASE("top k rows, ties kept in arrival order") {
  PropertyGraph g;
  CHECK(rows_of(g, "UNWIND [5, 1, 4, 1, 5, 9, 2, 6] AS x RETURN x ORDER BY x DESC LIMIT 3") ==
        std::vector<std::string>{"9", "6", "5"});
  CHECK(rows_of(g, "UNWIND [[1, 'a'], [0, 'b'], [1, 'c'], [1, 'd']] AS p "
                   "RETURN p[1] AS tag ORDER BY p[0] DESC LIMIT 2") == std::vector<std::string>{"'a'", "'c'"});
  CHECK(rows_of(g, "UNWIND range(1, 100) AS x RETURN x ORDER BY x % 10, x SKIP 2 LIMIT 3") ==
        std::vector<std::string>{"30", "40", "50"});
  CHECK(rows_of(g, "UNWIND range(1, 5) AS x RETURN x ORDER BY x LIMIT 0").empty());
}

TEST_CASE("top k groups of an aggregation") {
  PropertyGraph g;
  CHECK(rows_of(g, "UNWIND range(1, 1000) AS x RETURN x % 7 AS k, count(*) AS n ORDER BY n DESC, k LIMIT 2") ==
        std::vector<std::string>{"1 | 143", "2 | 143"});
}
