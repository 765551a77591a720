// The updating clauses: CREATE, MERGE, SET, REMOVE, DELETE.
//
// Each is eager: it first receives every row, so that the clauses before it
// have read the graph completely, then updates the graph row by row and
// passes the rows on. The statement's journal undoes it all on failure.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "query/ast.h"
#include "query/matcher.h"
#include "query/operator.h"

namespace kg::query {

// Base of the updating clauses: collects rows, then calls update() on each.
class UpdateOp : public Operator {
 public:
  bool push(Row& row) override;
  void finish() override;

 protected:
  explicit UpdateOp(ExecContext& ctx) : ctx_(ctx) {}
  // Applies the clause to one row, appending the resulting rows to `out`.
  virtual void update(Row& row, std::vector<Row>& out) = 0;
  // Called once all rows were updated, before they are passed on.
  virtual void after_all() {}

  ExecContext& ctx_;
  std::vector<Row> rows_;
};

class CreateOp : public UpdateOp {
 public:
  CreateOp(const Pattern& pattern, std::vector<std::string> input_names, ExecContext& ctx);
  const std::vector<std::string>& output_names() const { return output_names_; }

 protected:
  void update(Row& row, std::vector<Row>& out) override;

 private:
  const Pattern& pattern_;
  std::vector<std::string> output_names_;
};

class MergeOp : public UpdateOp {
 public:
  MergeOp(const MergeClause& merge, std::vector<std::string> input_names, ExecContext& ctx);
  const std::vector<std::string>& output_names() const { return matcher_.output_names(); }

 protected:
  void update(Row& row, std::vector<Row>& out) override;

 private:
  const MergeClause& merge_;
  Pattern pattern_;  // the one part, as a pattern
  std::vector<std::string> input_names_;
  PatternMatcher matcher_;
};

// SET and REMOVE.
class SetOp : public UpdateOp {
 public:
  SetOp(const std::vector<SetItem>& items, bool remove, std::vector<std::string> names, ExecContext& ctx);

 protected:
  void update(Row& row, std::vector<Row>& out) override;

 private:
  const std::vector<SetItem>& items_;
  bool remove_;
  std::vector<std::string> names_;
};

class DeleteOp : public UpdateOp {
 public:
  DeleteOp(const DeleteClause& clause, std::vector<std::string> names, ExecContext& ctx);

 protected:
  void update(Row& row, std::vector<Row>& out) override;
  void after_all() override;

 private:
  const DeleteClause& clause_;
  std::vector<std::string> names_;
  std::vector<NodeId> nodes_;
  std::vector<RelId> rels_;
};

// Applies SET items to one row (shared by SET and MERGE's ON CREATE / ON MATCH).
void apply_set_items(const std::vector<SetItem>& items, bool remove, const Env& env, ExecContext& ctx);

// Creates the nodes and relationships of `part` not bound in `row` (named by
// `names`, extended with the part's new variables in their order).
void create_part(const PatternPart& part, std::vector<std::string>& names, Row& row, ExecContext& ctx);

}  // namespace kg::query
