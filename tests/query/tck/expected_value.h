// Values as the TCK writes them in result tables and parameter tables:
// Cypher literal notation extended with nodes, relationships and paths.
//
//   null  true  42  -1.5e3  NaN  -Inf  'it\'s'  [1, 'a']  {k: 1}
//   (:A:B {k: 1})  [:T {k: 1}]  <(:A)-[:T]->(:B)<-[:U]-()>
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "graph/value.h"

namespace kg::tck {

// A cell that is not valid literal notation.
class ExpectedValueError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One parsed expected value. Which members are meaningful depends on `kind`.
struct Expected {
  enum class Kind { Null, Bool, Int, Float, String, List, Map, Node, Relationship, Path };
  Kind kind = Kind::Null;
  bool boolean = false;
  std::int64_t integer = 0;
  double real = 0;
  // A string's value, or a relationship's type.
  std::string text;
  // A node's labels, in the order written.
  std::vector<std::string> labels;
  // Map entries and node/relationship properties: keys[i] names items[i].
  // List elements are in items (keys empty). A path's items alternate
  // node, relationship, node, ...
  std::vector<std::string> keys;
  std::vector<Expected> items;
  // A relationship inside a path: true when written -[...]->, false for <-[...]-.
  bool forward = true;
};

// Parses one value; throws ExpectedValueError.
Expected parse_expected(std::string_view text);

// Converts a value without graph elements (a parameter) to a kg::Value;
// throws ExpectedValueError for nodes, relationships and paths.
Value to_value(const Expected& expected);

}  // namespace kg::tck
