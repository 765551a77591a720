// Stage 6: typing. Every name mention gets an entity type:
//  1. from its shape: a company-form suffix as last word (class ORG_SUFFIX:
//     "Labs", "SA", "Inc") → Organization; two or more plain capitalised
//     words ("Jane Doe") → Person; anything else → Organization;
//  2. then from its context, by the `type` rules of the rule file
//     ("la firme T", "le modèle T", "T-based"), which override the shape.
// Known places keep type Place.
#pragma once

#include "extract/document.h"
#include "extract/rule_file.h"

namespace kg::extract {

// Sets Mention::type (and sure_type for rule-typed mentions) on every Name mention.
void assign_types(Document& doc, const RuleSet& rules);

// The type a name gets from its shape alone (tokens [first, last) of doc).
EntityType shape_type(const Document& doc, std::size_t first, std::size_t last, const RuleSet& rules);

}  // namespace kg::extract
