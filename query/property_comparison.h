// A WHERE conjunct that compares a property of a pattern variable with a
// constant (`r.year >= 2020`, `$least < n.age`), checked by reading the stored
// value in place: the key's code is looked up once per match run rather than
// once per candidate, and no expression tree is walked and no Value built.
// Its answer is the evaluator's: the same compare() decides.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "query/evaluator.h"

namespace kg::query {

class PropertyComparison {
 public:
  // `conjunct` as a comparison of `variable.key` with a literal or a
  // parameter, either side, where the variable is slot_names[slot()];
  // nullopt when it has another form.
  static std::optional<PropertyComparison> recognise(const Expr& conjunct,
                                                     const std::vector<std::string>& slot_names);

  // The slot of the variable whose property is compared.
  std::size_t slot() const { return slot_; }

  // What one match run resolves: the key's code and the constant.
  struct Prepared {
    std::optional<PropertyKey> key;   // nullopt: no entity has the key
    const Value* constant = nullptr;  // nullptr: a missing parameter (the evaluator reports it)
  };
  // Resolves the key and the constant against the graph and parameters as they are now.
  Prepared prepare(const EvalContext& ctx) const;

  // Whether the conjunct holds (null counts as not) when the variable is
  // `entity`; nullopt when only the evaluator can tell (the entity is not a
  // node or relationship that exists, or the constant is missing).
  std::optional<bool> holds(const Value& entity, const Prepared& prepared, const PropertyGraph& graph) const;

 private:
  PropertyComparison(const Expr& conjunct, std::size_t slot, bool property_left);

  const Expr* conjunct_;
  std::size_t slot_;
  bool property_left_;  // `v.key op constant` rather than `constant op v.key`
};

}  // namespace kg::query
