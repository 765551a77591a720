// The pattern matcher: finds every way a MATCH pattern fits the graph,
// extending an input row with the pattern's variables.
//
// Relationship uniqueness holds across the whole pattern: one relationship is
// never matched twice in the same match.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "query/evaluator.h"
#include "query/planner.h"
#include "query/property_comparison.h"

namespace kg::query {

class PatternMatcher {
 public:
  // `input_names` are the variables of the rows run() is given; `where`, when
  // not null, filters the matches (it belongs to the pattern for OPTIONAL MATCH).
  PatternMatcher(const Pattern& pattern, std::vector<std::string> input_names, const PropertyGraph& graph,
                 const Expr* where);

  // The input names followed by the variables the pattern introduces.
  const std::vector<std::string>& output_names() const { return output_names_; }

  // Receives one output row (its own copy, free to move from); returns false to stop matching.
  using Emit = std::function<bool(std::vector<Value>&)>;

  // Calls `emit` for every match extending `input` (input_names().size()
  // values). Returns false when `emit` stopped it.
  bool run(const Value* input, EvalContext& ctx, const Emit& emit) const;

 private:
  struct Step {
    // Choose: goes on with the next step, or with step `index` when that
    // order starts from a node with fewer relationships (see add_either_order());
    // Jump: goes on with step `index`.
    enum class Kind { Start, StartRelationship, Expand, Shortest, BindPath, Choose, Jump } kind;
    std::size_t part = 0;
    std::size_t index = 0;  // Start: node index; StartRelationship, Expand: relationship index
    bool forward = true;    // Expand: from nodes[index] to nodes[index + 1]
    StartPlan start;        // Start
  };
  // The relationship types one pattern relationship accepts, as type codes.
  struct TypeCodes {
    bool any = true;                   // no type named
    std::vector<std::uint32_t> codes;  // else the named types the graph has
    bool accepts(std::uint32_t code) const {
      return any || std::find(codes.begin(), codes.end(), code) != codes.end();
    }
  };
  // A WHERE conjunct, with its fast form when it compares a property with a constant.
  struct Filter {
    const Expr* expr;
    std::optional<PropertyComparison> comparison;
    std::size_t prepared = 0;  // comparison: its index in State::prepared
  };
  struct State;

  bool run_step(std::size_t i, State& s) const;
  bool start(const Step& step, State& s) const;
  bool start_relationship(const Step& step, State& s) const;
  bool expand(const Step& step, State& s) const;
  bool expand_variable(const Step& step, State& s) const;
  bool shortest(const Step& step, State& s) const;
  bool bind_path(const Step& step, State& s) const;
  bool node_fits(const NodePattern& pattern, NodeId node, const Map* properties, State& s) const;
  // True when the relationship has the properties (always with none wanted).
  bool rel_properties_fit(RelId rel, const Map* properties, State& s) const;
  // Binds `slot` to `node` (or checks it is the node already bound there)
  // when the node fits the pattern, then goes on with `then()`.
  template <typename Then>
  bool bind_node(std::size_t slot, const NodePattern& pattern, NodeId node, const Map* properties, State& s,
                 Then then) const;
  // bind_node() going on with step `next`.
  bool bind_node_then(std::size_t slot, const NodePattern& pattern, NodeId node, const Map* properties,
                      std::size_t next, State& s) const;
  // Calls `visit(adjacent)` for each relationship of `from` that the pattern
  // relationship of `step`, traversed forward or backward, can use by its
  // direction and type; stops when `visit` returns false.
  template <typename Visit>
  bool for_each_candidate(const Step& step, NodeId from, bool forward, State& s, Visit visit) const;
  // How many relationships for_each_candidate() would visit.
  std::size_t candidate_count(const RelPattern& pattern, NodeId from, bool forward, State& s) const;
  NodeId other_end(RelId rel, NodeId from, State& s) const;

  // Appends the steps that match one pattern part as planned.
  void add_part_steps(const PartPlan& plan);
  // For two one-relationship parts planned one after the other, the first
  // starting from a node bound before it (`bound`: the variables bound
  // then) and the second also touching such a node: adds steps that match
  // them in either order, chosen per row by which start node has fewer
  // relationships (a hub's neighbours are then only checked, never walked).
  // False, adding nothing, when the parts are not of that kind.
  bool add_either_order(const PartPlan& first, const PartPlan& second, const std::vector<std::string>& bound);
  // How many relationships the Start step `start` of a one-relationship part
  // would walk from its node, as bound now (0 when it is not a node).
  std::size_t start_candidates(const Step& start, State& s) const;
  // Splits WHERE into its conjuncts and files each under the first step (or
  // the first relationship binding inside a step) at which all its variables
  // are bound, so that it prunes as early as it can.
  void place_filters(const Expr* where);
  // True when every filter holds for the variables bound so far.
  bool passes(const std::vector<Filter>& filters, State& s) const;

  const Pattern& pattern_;
  std::vector<std::string> output_names_;
  std::size_t input_size_;
  std::size_t slot_count_;
  std::vector<std::vector<std::size_t>> node_slots_, rel_slots_;
  std::vector<std::size_t> path_slots_;  // npos when the part has no path variable
  std::vector<Step> steps_;
  std::vector<std::vector<Filter>> filters_;  // filters_[i]: checked before step i (or at the end)
  // rel_filters_[i]: checked inside step i as soon as its relationship is
  // bound, before the node it leads to is looked at.
  std::vector<std::vector<Filter>> rel_filters_;
  std::size_t comparison_count_ = 0;  // filters with a PropertyComparison
};

}  // namespace kg::query
