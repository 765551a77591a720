// Stage 7: coreference within one article. Builds Document::entities:
//  - name mentions with the same folded form are one entity; a known place is
//    one entity whatever name or adjective is used;
//  - a one-word name that is the last word of a person's name ("Doe" for
//    "Jane Doe"), the first word of an organisation's name ("Nova" for "Nova
//    Robotics") or its initials ("NR") joins that entity;
//  - descriptions found by the `describe` rules ("la firme", "the firm",
//    "cette initiative") in apposition ("X, la firme ...") are aliases of X;
//    elsewhere they become mentions of the latest entity of their type in
//    their sentence other than its first (its subject) and not just before
//    (six tokens away at least), else of the most
//    mentioned earlier entity of their type (a sentence's first mention
//    counts twice; ties: the most recent);
//  - pronouns of class PRONOUN_PERSON (he), PRONOUN_ORG (it), PRONOUN_ANY
//    (il, elle: a person or an organisation), and possessives of class
//    POSSESSIVE up to three words before a word of class POSSESSED ("son
//    modèle"): a pronoun
//    refers to the first mention of its type earlier in its sentence, else in
//    the nearest of the two sentences before (a subject, most often; an
//    opening phrase "Fondée en 2020 par X," is skipped); a possessive to the
//    latest organisation before it (at a sentence start: like a pronoun).
// Every form used is kept: the longest name is the entity's name, the other
// names and the descriptions its aliases.
#pragma once

#include "extract/document.h"
#include "extract/rule_file.h"

namespace kg::extract {

// Fills doc.entities (replacing any it holds, in their memory), sets
// Mention::entity, and adds Description and Pronoun mentions (doc.mentions
// stays sorted). Precondition: doc.mentions are sorted by position and do
// not overlap, as detect_mentions() leaves them. Keeps its working buffers
// from one call to the next on each thread, so that an article allocates
// little here.
void resolve_coreference(Document& doc, const RuleSet& rules);

}  // namespace kg::extract
