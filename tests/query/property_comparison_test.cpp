// WHERE conjuncts comparing a property with a constant are checked by
// PropertyComparison in the matcher; they must answer as the evaluator does,
// and leave to it what they cannot decide.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "graph/literal_format.h"
#include "query/engine.h"
#include "query/parser.h"
#include "query/property_comparison.h"

using namespace kg;
using namespace kg::query;

namespace {

// The sorted rows of a statement's result in Cypher literal notation.
std::vector<std::string> sorted_rows(PropertyGraph& g, const std::string& statement,
                                     const Parameters& parameters = {}) {
  std::vector<std::string> out;
  for (const auto& row : run_statement(g, statement, parameters).rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) line += (i ? " | " : "") + format_literal(row[i], g);
    out.push_back(line);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Deals whose amounts are integers, floats, NaN, a string, or missing.
PropertyGraph deals() {
  PropertyGraph g;
  run_statement(g,
                "CREATE (a:Org {name: 'a'}), (b:Org {name: 'b'}),"
                " (a)-[:DEAL {id: 1, amount: 10}]->(b), (a)-[:DEAL {id: 2, amount: 10.5}]->(b),"
                " (a)-[:DEAL {id: 3, amount: 0.0 / 0.0}]->(b), (a)-[:DEAL {id: 4, amount: 'ten'}]->(b),"
                " (a)-[:DEAL {id: 5}]->(b)");
  return g;
}

}  // namespace

TEST_CASE("integers and floats compare by value; NaN, strings and missing properties never pass") {
  PropertyGraph g = deals();
  CHECK(sorted_rows(g, "MATCH ()-[r:DEAL]->() WHERE r.amount >= 10.0 RETURN r.id") ==
        std::vector<std::string>{"1", "2"});
  CHECK(sorted_rows(g, "MATCH ()-[r:DEAL]->() WHERE r.amount > 10 RETURN r.id") == std::vector<std::string>{"2"});
  CHECK(sorted_rows(g, "MATCH ()-[r:DEAL]->() WHERE r.amount = 10.0 RETURN r.id") == std::vector<std::string>{"1"});
  CHECK(sorted_rows(g, "MATCH ()-[r:DEAL]->() WHERE r.amount <> 10 RETURN r.id") ==
        std::vector<std::string>{"2", "3", "4"});
  CHECK(sorted_rows(g, "MATCH ()-[r:DEAL]->() WHERE r.amount < 'z' RETURN r.id") == std::vector<std::string>{"4"});
  CHECK(sorted_rows(g, "MATCH ()-[r:DEAL]->() WHERE r.missing < 1 RETURN r.id").empty());
  CHECK(sorted_rows(g, "MATCH ()-[r:DEAL]->() WHERE r.amount >= null RETURN r.id").empty());
}

TEST_CASE("integers beyond a double's precision compare exactly, on nodes too") {
  PropertyGraph g;
  run_statement(g, "CREATE (:Big {id: 1, n: 9007199254740993}), (:Big {id: 2, n: 9007199254740992})");
  CHECK(sorted_rows(g, "MATCH (b:Big) WHERE b.n > 9007199254740992 RETURN b.id") == std::vector<std::string>{"1"});
  CHECK(sorted_rows(g, "MATCH (b:Big) WHERE b.n = 9007199254740992.0 RETURN b.id") ==
        std::vector<std::string>{"2"});
}

TEST_CASE("the constant may come first, be a parameter, and the property may be a node's") {
  PropertyGraph g = deals();
  CHECK(sorted_rows(g, "MATCH ()-[r:DEAL]->() WHERE 10 < r.amount RETURN r.id") == std::vector<std::string>{"2"});
  CHECK(sorted_rows(g, "MATCH ()-[r:DEAL]->() WHERE r.amount <= $most RETURN r.id", {{"most", Value(10)}}) ==
        std::vector<std::string>{"1"});
  CHECK(sorted_rows(g, "MATCH (o:Org)-[r:DEAL]->() WHERE o.name = 'a' AND r.id = 5 RETURN o.name") ==
        std::vector<std::string>{"'a'"});
}

TEST_CASE("what only the evaluator can answer still gets its answer") {
  PropertyGraph g = deals();
  CHECK_THROWS_AS(run_statement(g, "MATCH ()-[r:DEAL]->() WHERE r.amount > $missing RETURN r.id"), QueryError);
  // A variable bound to a map, or to null, by an earlier clause.
  CHECK(sorted_rows(g, "WITH {amount: 3} AS r MATCH (o:Org) WHERE r.amount > 2 RETURN o.name") ==
        std::vector<std::string>{"'a'", "'b'"});
  CHECK(sorted_rows(g, "OPTIONAL MATCH (x:None) WITH x MATCH (o:Org) WHERE x.name = 'a' RETURN o.name").empty());
  CHECK_THROWS_AS(run_statement(g, "WITH 3 AS r MATCH (o:Org) WHERE r.amount > 2 RETURN o.name"), QueryError);
}

TEST_CASE("only a property of a pattern variable against a literal or parameter is recognised") {
  std::vector<std::string> slots{"r", "n"};
  auto recognised = [&](const std::string& condition) {
    ExprPtr e = parse_expression(condition);
    auto c = PropertyComparison::recognise(*e, slots);
    return c ? static_cast<long>(c->slot()) : -1L;
  };
  CHECK(recognised("r.year >= 2020") == 0);
  CHECK(recognised("$least < n.age") == 1);
  CHECK(recognised("n.age < r.year") == -1);
  CHECK(recognised("m.age < 3") == -1);
  CHECK(recognised("n.age + 1 < 3") == -1);
  CHECK(recognised("n.name STARTS WITH 'a'") == -1);
}
