// WITH and RETURN: projection, aggregation, DISTINCT, ORDER BY, SKIP, LIMIT.
#pragma once

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "query/aggregation.h"
#include "query/ast.h"
#include "query/group_table.h"
#include "query/operator.h"

namespace kg::query {

class ProjectionOp : public Operator {
 public:
  // `input_names` are the variables of incoming rows; `projection.star` must
  // already have been expanded into items. With `carry_input`, each output
  // row starts with the input row's values (for WITH ... WHERE, which sees
  // the variables before WITH too); see output_names().
  ProjectionOp(const Projection& projection, std::vector<std::string> input_names, ExecContext& ctx,
               bool carry_input = false);

  // The column names of the rows this operator produces.
  const std::vector<std::string>& output_names() const { return output_names_; }

  bool push(Row& row) override;
  void finish() override;

 private:
  struct Sorted {
    Row keys, row;
    std::size_t arrival;  // position in the input, to keep ties in order
    std::size_t bytes;    // charged to the memory budget
  };

  // Passes an output row on through DISTINCT, ORDER BY, SKIP and LIMIT;
  // `input` is the row (or group's first row) it was made from.
  // Moves from `out` when it keeps the row.
  bool emit(Row& out, const Env& sort_env, const Row& input);
  bool forward(Row& out);
  std::int64_t count_argument(const ExprPtr& e, const char* clause);
  // ORDER BY's order; ties keep their arrival order.
  bool sorts_before(const Row& a_keys, std::size_t a_arrival, const Row& b_keys, std::size_t b_arrival) const;
  // The states of the group `keys_` belongs to (adding the group, made from
  // `input`, when new); moves from keys_.
  AggregateState* group_states(const Row& input);
  // Finds the input columns kept_columns_ lists (see there).
  void keep_input_columns();
  // Emits one row per group, after the last input row.
  void emit_groups();
  // Adds one row to a group's aggregate states.
  void add_to(AggregateState* states, const Env& env);
  // Whether the keys are all read from one node or relationship (see
  // by_entity_): sets entity_column_.
  bool keys_read_one_entity();
  // Moves the entity groups into groups_, in order, and stops using them.
  void flush_entity_groups();
  // The index of the entity group of `row`'s entity (a node or relationship),
  // adding the group when new.
  std::size_t entity_group(const Row& row);

  ExecContext& ctx_;
  std::vector<std::string> input_names_, output_names_;
  std::vector<ExprPtr> items_;       // aggregates replaced by hidden variables
  std::vector<SortItem> order_by_;   // idem
  std::vector<ExprPtr> aggregates_;  // the aggregate calls, items' and ORDER BY's
  std::vector<Aggregate> aggregate_functions_;  // idem, ready to add rows
  std::vector<std::string> aggregate_names_;
  std::vector<std::size_t> key_items_;  // items without aggregates (the grouping keys)
  bool aggregating_ = false, distinct_ = false, carry_input_ = false;
  std::int64_t skip_ = 0, limit_ = -1;  // -1: no limit
  std::int64_t skipped_ = 0, passed_ = 0;

  // Grouping: each group's keys (in groups_), aggregate states and the input
  // columns its output may still read, by group index (order of first appearance).
  GroupTable groups_{0};
  std::vector<AggregateState> states_;      // aggregates_.size() per group
  std::vector<std::size_t> kept_columns_;   // the input columns items and ORDER BY can read
  std::vector<Value> kept_values_;          // kept_columns_.size() per group: the group's first row's
  // When every grouping key is a property of one node or relationship
  // variable (o.name, o.founded) and every aggregate is a plain count, rows are
  // first grouped by the entity itself, a cheap key; the keys are read once
  // per entity when entity groups are flushed into groups_, their counts
  // added to the groups' states.
  // Entity groups are found by id: group index + 1 (0: none yet) by node id
  // and by relationship id, ids being dense.
  bool by_entity_ = false;
  std::size_t entity_column_ = 0;
  std::vector<std::uint32_t> node_entity_group_, rel_entity_group_;
  std::vector<Value> entities_;  // the entity of each entity group
  std::vector<std::int64_t> entity_counts_;  // aggregates_.size() per entity group
  std::vector<Value> entity_kept_values_;
  Row keys_, args_, sort_keys_;  // buffers reused for each row
  std::unordered_set<Row, RowHash, RowEquivalent> seen_;
  // ORDER BY's rows; with a LIMIT, a heap of the best SKIP + LIMIT so far, worst on top.
  std::vector<Sorted> sorted_;
  std::size_t arrivals_ = 0;
};

}  // namespace kg::query
