#include "extract/relations.h"

#include <algorithm>
#include <array>
#include <bit>
#include <tuple>

#include "extract/amounts.h"
#include "extract/matcher.h"
#include "extract/rule_index.h"
#include "extract/vocabulary.h"

namespace kg::extract {

namespace {

// Token distance from position t to the span [first, last); 0 inside.
std::size_t distance(std::size_t t, std::size_t first, std::size_t last) {
  if (t < first) return first - t;
  if (t >= last) return t - last + 1;
  return 0;
}

bool has_word(const Document& doc, std::size_t from, std::size_t to, const WordSet& words) {
  for (std::size_t t = from; t < to; ++t)
    if (words.contains(doc.tokens[t])) return true;
  return false;
}

// Whether `relation` is not in `seen` yet; adds it. A sentence states few
// relations. The entities are compared before the type's text.
bool first_time(std::vector<std::tuple<std::string_view, int, int>>& seen,
                const std::tuple<std::string_view, int, int>& relation) {
  auto same = [&](const std::tuple<std::string_view, int, int>& other) {
    return std::get<1>(other) == std::get<1>(relation) && std::get<2>(other) == std::get<2>(relation) &&
           std::get<0>(other) == std::get<0>(relation);
  };
  if (std::any_of(seen.begin(), seen.end(), same)) return false;
  seen.push_back(relation);
  return true;
}

// The amount inside the match, else the nearest one in the sentence.
const Amount* pick_amount(const std::vector<Amount>& amounts, std::size_t first, std::size_t last) {
  const Amount* best = nullptr;
  std::size_t best_distance = 0;
  for (const Amount& a : amounts) {
    std::size_t d = a.first >= first && a.last <= last ? 0 : std::min(distance(a.first, first, last), distance(a.last - 1, first, last));
    if (!best || d < best_distance) {
      best = &a;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace

namespace {

// The statuses, in the order of their classes in status_words(), which breaks ties.
constexpr std::array<const char*, 4> kStatuses{"talks", "planned", "announced", "completed"};

using StatusWords = std::array<const WordSet*, kStatuses.size()>;

StatusWords status_words(const RuleSet& rules) {
  const KnownClasses& known = rules.known();
  return {&known.status_talks, &known.status_planned, &known.status_announced, &known.status_completed};
}

// The words of one sentence that decide the fate of its matches: negations,
// denials and deal statuses, found in one pass over its tokens when the
// sentence's first match needs them, instead of once per match and relation.
// A thread keeps one from article to article, with the room of its vectors.
class SentenceCues {
 public:
  // Looks for the classes of `rules`; until the next call, `rules` must live.
  void use(const RuleSet& rules) {
    known_ = &rules.known();
    statuses_ = status_words(rules);
    stems_ = !known_->negation.stems.empty() || !known_->denial.stems.empty() ||
             std::any_of(statuses_.begin(), statuses_.end(), [](const WordSet* w) { return !w->stems.empty(); });
  }

  // Finds the cues of tokens [first, last).
  void scan(const Document& doc, std::size_t first, std::size_t last) {
    negations_.clear();
    statuses_found_.clear();
    first_denial_ = last;
    for (std::size_t t = first; t < last; ++t) {
      unsigned bits = cue_bits(doc.tokens[t]);
      if (bits == 0) continue;
      if (bits & KnownClasses::kNegationCue) negations_.push_back(t);
      if ((bits & KnownClasses::kDenialCue) && first_denial_ == last) first_denial_ = t;
      // The first class of the token: a later class loses the tie.
      if (unsigned statuses = bits / KnownClasses::kStatusCue; statuses != 0)
        statuses_found_.push_back({t, static_cast<std::size_t>(std::countr_zero(statuses))});
    }
  }

  // Whether a NEGATION word lies in tokens [from, to).
  bool negation_in(std::size_t from, std::size_t to) const {
    return std::any_of(negations_.begin(), negations_.end(), [&](std::size_t t) { return t >= from && t < to; });
  }
  // Whether a DENIAL word lies before token `to`.
  bool denial_before(std::size_t to) const { return first_denial_ < to; }

  // The status word nearest to the match [match_first, match_last); at equal
  // distance the earlier class, then the earlier word. Empty when none.
  const char* nearest_status(std::size_t match_first, std::size_t match_last) const {
    const char* status = "";
    std::size_t best_distance = 0, best_class = 0;
    bool found = false;
    for (const auto& [t, c] : statuses_found_) {
      std::size_t d = distance(t, match_first, match_last);
      if (!found || d < best_distance || (d == best_distance && c < best_class)) {
        status = kStatuses[c];
        best_distance = d;
        best_class = c;
        found = true;
      }
    }
    return status;
  }

 private:
  // The KnownClasses cue bits of a token: one load for a word, but every class
  // tested when one has stems.
  unsigned cue_bits(const Token& token) const {
    if (!stems_) {
      std::uint32_t word = vocabulary::word_of(token);
      return word < known_->relation_cues.size() ? known_->relation_cues[word] : 0;
    }
    unsigned bits = (known_->negation.contains(token) ? KnownClasses::kNegationCue : 0u) |
                    (known_->denial.contains(token) ? KnownClasses::kDenialCue : 0u);
    for (std::size_t c = 0; c < statuses_.size(); ++c)
      if (statuses_[c]->contains(token)) bits |= KnownClasses::kStatusCue << c;
    return bits;
  }

  const KnownClasses* known_ = nullptr;
  StatusWords statuses_{};
  bool stems_ = false;  // whether a class has stems: then every token is tested
  std::vector<std::size_t> negations_;
  std::size_t first_denial_ = 0;
  std::vector<std::pair<std::size_t, std::size_t>> statuses_found_;  // (token, class), in text order
};

}  // namespace

std::string deal_status(const Document& doc, std::size_t first, std::size_t last, std::size_t match_first,
                        std::size_t match_last, const RuleSet& rules) {
  SentenceCues cues;
  cues.use(rules);
  cues.scan(doc, first, last);
  return cues.nearest_status(match_first, match_last);
}

void extract_relations(Document& doc, const RuleSet& rules) {
  doc.relations.clear();
  const RuleIndex& index = rules.index(Rule::Action::Relation);
  const KnownClasses& known = rules.known();
  Coordination coordination{&known.coord, &known.conj, &known.article};
  const WordSet& hypothetical = known.hypothetical;
  const WordSet& talks = known.status_talks;
  thread_local SentenceCues cues;
  cues.use(rules);
  // Kept by the thread from one article to the next, with their room: made
  // anew, they were a fifth of the allocations of an article.
  // The (graph type, subject, object) relations of the current sentence, to give each once.
  thread_local std::vector<std::tuple<std::string_view, int, int>> seen;
  // The relation type of each rule, looked up by name once per article.
  thread_local std::vector<const RelationType*> types;
  types.assign(rules.rules.size(), nullptr);
  thread_local std::vector<RuleIndex::Candidate> candidates;
  Matcher matcher(doc, coordination);
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sentence = doc.sentences[s];
    if (!index.worth_trying(doc, s)) continue;
    matcher.set_sentence(s);
    std::span<const Item> items = matcher.items();
    index.select(matcher, candidates);
    if (candidates.empty()) continue;
    seen.clear();
    bool hypothetical_deal = hypothetical.contains(doc.tokens[sentence.first]) &&
                             !has_word(doc, sentence.first, sentence.last, talks);
    std::optional<std::vector<Amount>> amounts;
    bool cues_found = false;
    for (const auto& [r, last_start] : candidates) {
      const Rule& rule = rules.rules[r];
      if (!types[r]) types[r] = &rules.relations.at(rule.relation);
      const RelationType& type = *types[r];
      if (type.deal && hypothetical_deal) continue;
      for (const Match& match : matcher.find_all(rule.pattern, last_start)) {
        std::size_t first = items[match.first].first, last = items[match.last - 1].last;
        if (!cues_found) {
          cues.scan(doc, sentence.first, sentence.last);
          cues_found = true;
        }
        if (cues.negation_in(first > sentence.first + 3 ? first - 3 : sentence.first, last) || cues.denial_before(last))
          continue;
        for (int sm : match.subjects)
          for (int om : match.objects) {
            int subject = doc.mentions[static_cast<std::size_t>(sm)].entity;
            int object = doc.mentions[static_cast<std::size_t>(om)].entity;
            if (subject == object || !first_time(seen, {type.graph_type, subject, object})) continue;
            Relation rel;
            rel.type = type.graph_type;
            rel.subject = subject;
            rel.object = object;
            rel.sentence = s;
            rel.start = doc.start_char(first);
            rel.end = doc.end_char(last - 1);
            rel.rule = rule.origin;
            if (type.deal) {
              if (!amounts) amounts = find_amounts(doc, sentence.first, sentence.last, rules);
              if (const Amount* a = pick_amount(*amounts, first, last)) {
                rel.deal.amount_min = a->min;
                rel.deal.amount_max = a->max;
                rel.deal.currency = a->currency;
              }
              rel.deal.status = cues.nearest_status(first, last);
            }
            doc.relations.push_back(std::move(rel));
          }
      }
    }
  }
}

}  // namespace kg::extract
