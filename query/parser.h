// The parser: a hand-written recursive-descent parser from tokens to the AST.
//
// It follows the openCypher grammar (oC_Cypher in the openCypher EBNF) for the
// clauses and expressions kg supports. Errors are QueryError with class
// SyntaxError, a TCK detail code and the position of the offending token.
#pragma once

#include <string_view>

#include "query/ast.h"

namespace kg::query {

// Parses one statement (no trailing `;` needed, one allowed).
Query parse_query(std::string_view source);

// Parses a single expression that fills the whole of `source` (used for --param values).
ExprPtr parse_expression(std::string_view source);

// A hyphenated relationship type as written in the design card (`invests-in`)
// in Cypher's upper snake case (`INVESTS_IN`).
std::string normalize_relationship_type(std::string_view written);

}  // namespace kg::query
