// The planner: decides where each part of a MATCH pattern starts and in which
// order the parts are matched.
//
// A part starts at a node already bound by an earlier clause or part when it
// has one; else at a node found through the name index (a `name` given in the
// pattern or as `x.name = ...` in WHERE); else at the node with the smallest
// label, or at the relationships of one type when there are fewer of them
// than the label's nodes times the average degree; else with a scan of all nodes. Parts sharing bound nodes
// with what is already matched go first, so that later parts start from a bound node.
#pragma once

#include <string>
#include <vector>

#include "graph/property_graph.h"
#include "query/ast.h"

namespace kg::query {

// How the first node of a pattern part is found.
struct StartPlan {
  // RelationshipType: the part starts with the relationships of one type,
  // binding both their ends (cheaper than a label when the label is large).
  enum class Source { Bound, Name, Label, Scan, RelationshipType } source = Source::Scan;
  std::size_t node = 0;  // index of the start node in the part (RelationshipType: of the relationship)
  std::string label;     // Label (and the fallback of Name)
  ExprPtr name;          // Name: the expression giving the name
};

struct PartPlan {
  std::size_t part = 0;
  StartPlan start;
};

// The order in which to match the parts of `pattern`, and where each starts.
// `bound` are the variables bound before the pattern is matched.
std::vector<PartPlan> plan_pattern(const Pattern& pattern, const std::vector<std::string>& bound,
                                   const PropertyGraph& graph, const Expr* where);

}  // namespace kg::query
