// Stage 5: mention detection, from the shape of the text alone. Finds
//  - known places by name ("Nouvelle-Zélande") and by adjective ("japonaise"),
//  - proper names: runs of capitalised, all-caps or camel-case words, joined
//    by connectors ("Banque de X", "X & Y"), a glued "!" kept ("Boomly!"),
//  - a government designated by its country ("le gouvernement norvégien"),
//    and an institution word of class INSTITUTION with its place adjective
//    ("l'Agence norvégienne", "the Norwegian Agency").
// Sentence-initial capitals are names only when the word is not a function
// word and is never written in lower case elsewhere in the article.
#pragma once

#include "extract/document.h"
#include "extract/rule_file.h"

namespace kg::extract {

// Fills doc.mentions (sorted, non-overlapping) from doc.tokens and
// doc.sentences. Places get type Place and their RuleSet::places index.
void detect_mentions(Document& doc, const RuleSet& rules);

}  // namespace kg::extract
