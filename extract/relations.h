// Stage 8: relation extraction. Every `rule` line of the rule set is matched
// against every sentence; each match gives one relation per (subject, object)
// pair of conjuncts. A match is dropped when a word of class NEGATION appears
// in it or just before it ("n'investira pas", "no plans to"), or a word of
// class DENIAL anywhere before its end ("X denied a report that it had ..."); a deal is
// also dropped when the sentence opens with a word of class HYPOTHETICAL
// ("Si", "If") and holds no word of class STATUS_TALKS. Relations of a `deal` type get their amount,
// currency and status (see amounts.h and deal_status()).
#pragma once

#include "extract/document.h"
#include "extract/rule_file.h"

namespace kg::extract {

// Fills doc.relations (one per distinct type, subject, object and sentence).
void extract_relations(Document& doc, const RuleSet& rules);

// The status of a deal stated in tokens [first, last): the class among
// STATUS_TALKS, STATUS_PLANNED, STATUS_ANNOUNCED, STATUS_COMPLETED with a word
// nearest to the matched tokens [match_first, match_last) (inside counts as
// nearest; ties go to that order). Empty when the sentence holds none.
std::string deal_status(const Document& doc, std::size_t first, std::size_t last,
                        std::size_t match_first, std::size_t match_last, const RuleSet& rules);

}  // namespace kg::extract
