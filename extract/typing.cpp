#include "extract/typing.h"

#include <algorithm>

#include "extract/matcher.h"
#include "extract/rule_index.h"

namespace kg::extract {

EntityType shape_type(const Document& doc, std::size_t first, std::size_t last, const RuleSet& rules) {
  if (last - first < 2) return EntityType::Organization;
  if (rules.known().org_suffix.has_word(doc.tokens[last - 1])) return EntityType::Organization;
  for (std::size_t t = first; t < last; ++t) {
    const Token& tok = doc.tokens[t];
    if (!tok.is_word || tok.is_number || !tok.capitalized || tok.all_caps || tok.inner_caps)
      return EntityType::Organization;
  }
  // A last word of one letter or with a digit ("Series B", "Lifter X2")
  // names a thing, not a person.
  std::string_view end = doc.tokens[last - 1].text.view();
  if (end.size() == 1 || std::any_of(end.begin(), end.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return EntityType::Organization;
  return EntityType::Person;
}

namespace {

// Whether a rule may still type mention `m`: known places keep their type,
// and the first rule to type a mention wins.
bool open_to_rules(const Mention& m) { return m.kind == MentionKind::Name && m.place < 0 && !m.sure_type; }

}  // namespace

void assign_types(Document& doc, const RuleSet& rules) {
  for (Mention& m : doc.mentions)
    if (!m.type) m.type = shape_type(doc, m.first, m.last, rules);
  const RuleIndex& index = rules.index(Rule::Action::Type);
  const KnownClasses& known = rules.known();
  Coordination coordination{&known.coord, &known.conj, &known.article};
  // Kept by the thread with its room: made anew, one allocation an article.
  thread_local std::vector<RuleIndex::Candidate> candidates;
  Matcher matcher(doc, coordination);
  // The mentions are sorted by position: those of sentence s follow those
  // of the sentences before it.
  std::size_t next_mention = 0;
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    // A sentence none of whose mentions a rule may type is passed over, and
    // so are the rules left once a sentence's last open mention is typed.
    std::size_t open = 0;
    for (; next_mention < doc.mentions.size() && doc.mentions[next_mention].first < doc.sentences[s].last;
         ++next_mention)
      if (open_to_rules(doc.mentions[next_mention])) ++open;
    if (open == 0 || !index.worth_trying(doc, s)) continue;
    matcher.set_sentence(s);
    index.select(matcher, candidates);
    for (const auto& [r, last_start] : candidates) {
      const Rule& rule = rules.rules[r];
      for (const Match& match : matcher.find_all(rule.pattern, last_start))
        for (int target : match.targets) {
          Mention& m = doc.mentions[static_cast<std::size_t>(target)];
          if (!open_to_rules(m)) continue;
          m.type = rule.type;
          m.sure_type = true;
          --open;
        }
      if (open == 0) break;
    }
  }
}

}  // namespace kg::extract
