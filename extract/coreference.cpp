#include "extract/coreference.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "extract/matcher.h"
#include "graph/text_fold.h"
#include "extract/rule_screen.h"
#include "extract/tokenizer.h"
#include "extract/vocabulary.h"

namespace kg::extract {

namespace {

// A hash of a short string (a name, its folded key) for the tables of
// group_names(): eight bytes at a time, where std::hash costs about twice as
// much on strings this short.
std::size_t short_hash(std::string_view s) {
  constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;
  std::uint64_t h = s.size() * kMultiplier;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, sizeof word);
    h = (h ^ word) * kMultiplier;
  }
  if (i < s.size()) {
    std::uint64_t tail = 0;
    if (s.size() >= 8) {
      std::memcpy(&tail, s.data() + s.size() - 8, sizeof tail);  // the last eight bytes, overlapping
    } else {
      for (; i < s.size(); ++i) tail = tail << 8 | static_cast<unsigned char>(s[i]);
    }
    h = (h ^ tail) * kMultiplier;
  }
  return static_cast<std::size_t>(h ^ (h >> 32));
}

class Resolver {
 public:
  // Resolves `doc` with `rules`. One resolver serves every article of a
  // thread (see resolve_coreference): its buffers keep their memory from one
  // article to the next, and every one of them is reset here or where it is filled.
  void run(Document& doc, const RuleSet& rules) {
    doc_ = &doc;
    rules_ = &rules;
    articles_ = &rules.known().article;
    conjunctions_ = &rules.known().conj;
    appositions_.clear();
    titles_.clear();
    shown_first_.clear();
    group_names();
    join_short_forms();
    finish_entities();
    find_nationalities();
    found_ = doc_->mentions.size();
    read_tokens();
    add_descriptions();
    // Pronouns are found in the mentions in any order (ties cannot occur:
    // no two mentions start at the same token), so one sort serves both.
    add_pronouns();
    sort_mentions();
    collect_aliases();
  }

 private:
  // Sorts the mentions by position, stably. They are sorted but for the few
  // descriptions and pronouns appended at the end: an insertion sort moves
  // each of those down to its place, and reads the others once.
  void sort_mentions() {
    Mention* const mentions = doc_->mentions.data();
    for (std::size_t i = 1; i < doc_->mentions.size(); ++i) {
      if (mentions[i - 1].first <= mentions[i].first) continue;
      Mention moved = mentions[i];
      std::size_t j = i;
      for (; j > 0 && mentions[j - 1].first > moved.first; --j) mentions[j] = mentions[j - 1];
      mentions[j] = moved;
    }
  }

  // The bytes of doc_->text from token `first` to the end of token `last - 1`.
  std::string_view span_view(std::size_t first, std::size_t last) const {
    if (first >= last) return {};
    std::size_t start = doc_->tokens[first].start;
    return std::string_view(doc_->text).substr(start, doc_->tokens[last - 1].end - start);
  }
  std::string_view text_of(const Mention& m) const { return span_view(m.first, m.last); }

  // kg::fold_key of the text of tokens [first, last), a description's,
  // folded once per thread: the same descriptions ("la firme", "the
  // company") recur from article to article, and many are folded from their
  // text ("l'entreprise", "the Oslo-based firm"). Valid until the next article.
  std::string_view folded_span(std::size_t first, std::size_t last) {
    std::string_view text = span_view(first, last);
    auto known = description_keys_.find(text);
    if (known == description_keys_.end())
      known = description_keys_.emplace(text, span_key(doc_->text, doc_->tokens, first, last)).first;
    return known->second;
  }

  // Makes room in place_keys_ for every name of place `place`; done for the
  // article's places before any view of a key is taken.
  void make_room_for_place(std::size_t place) {
    if (place_keys_.size() <= place) place_keys_.resize(place + 1);
    std::size_t names = rules_->places[place].names.size();
    if (place_keys_[place].size() < names) place_keys_[place].resize(names);
  }

  // kg::fold_key of name `n` of place `place`, folded once per thread: the
  // same places recur from article to article. An entry folded from another
  // text (another rule set's place of that number) is folded again.
  std::string_view place_name_key(std::size_t place, std::size_t n) {
    const std::string& name = rules_->places[place].names[n];
    auto& [folded_from, key] = place_keys_[place][n];
    if (folded_from != name) {
      folded_from = name;
      key = fold_key(name);
    }
    return key;
  }

  // Sets `key` to span_key() of tokens [first, last) (not empty) when they
  // are plain words, apart and known to fold as their keys: then the key is
  // their keys joined by spaces, copied into the memory `key` already holds.
  // False for other tokens, which span_key() folds from their text.
  bool assign_plain_key(std::string& key, std::size_t first, std::size_t last) const {
    const Token* const tokens = doc_->tokens.data();
    for (std::size_t k = first; k < last; ++k) {
      bool apart = k == first || tokens[k].start > tokens[k - 1].end;
      if (!apart || !tokens[k].folds_as_key) return false;
    }
    join_keys(doc_->tokens, first, last, key);
    return true;
  }

  // A new entity first mentioned by `m`: its number.
  int new_entity(const Mention& m) {
    protos_.push_back({m.type.value_or(EntityType::Organization), m.place});
    return static_cast<int>(protos_.size() - 1);
  }

  void group_names() {
    // Entities by folded name: an open-addressing table of entity numbers,
    // probed linearly and at most half full, so no node per name. A name of
    // plain words gets its key from its tokens' keys, cheaper than finding
    // its text again; another name written as before is found first by its
    // text, in a table of mention numbers alike, and not folded again.
    std::size_t slots = 2;
    while (slots < 2 * doc_->mentions.size()) slots *= 2;
    std::vector<int>& by_key = by_key_;
    by_key.assign(slots, -1);
    std::vector<int>& by_text = by_text_;
    by_text.clear();  // filled at the first name that is not plain words: most articles have none
    std::vector<std::string_view>& key_of = key_of_;
    key_of.clear();
    by_place_.clear();
    protos_.clear();
    // Read only where written below (the first token of each name), so not cleared.
    if (key_at_.size() < doc_->tokens.size()) key_at_.resize(doc_->tokens.size());
    // One key per mention at most, made room for before any view of them is taken.
    if (name_keys_.size() < doc_->mentions.size()) name_keys_.resize(doc_->mentions.size());
    std::size_t names = 0;
    for (std::size_t i = 0; i < doc_->mentions.size(); ++i) {
      Mention& m = doc_->mentions[i];
      if (m.place >= 0) {
        key_at_[m.first] = {};  // a place is named by the rule set, not by its key
        auto it = std::find_if(by_place_.begin(), by_place_.end(), [&](const auto& p) { return p.first == m.place; });
        if (it == by_place_.end()) {
          it = by_place_.insert(it, {m.place, new_entity(m)});
          key_of.emplace_back();  // places are not in by_key
        }
        m.entity = it->second;
        continue;
      }
      // A one-word name of a plain word: its token's key, not copied (most
      // names). Another name's key is built in name_keys_[names], kept
      // (names advanced) only when no entity has that key yet.
      const Token& word = doc_->tokens[m.first];
      if (m.last - m.first == 1 && word.folds_as_key) {
        join_name(m, word.key.view());
        continue;
      }
      std::string& key = name_keys_[names];
      if (!assign_plain_key(key, m.first, m.last)) {
        if (by_text.empty()) by_text.assign(slots, -1);
        std::string_view text = text_of(m);
        std::size_t text_slot = short_hash(text) & (slots - 1);
        for (; by_text[text_slot] >= 0; text_slot = (text_slot + 1) & (slots - 1)) {
          const Mention& same = doc_->mentions[static_cast<std::size_t>(by_text[text_slot])];
          if (text_of(same) != text) continue;
          m.entity = same.entity;
          key_at_[m.first] = key_at_[same.first];
          break;
        }
        if (by_text[text_slot] >= 0) continue;
        by_text[text_slot] = static_cast<int>(i);
        span_key(doc_->text, doc_->tokens, m.first, m.last, key);
      }
      if (join_name(m, key)) ++names;
    }
  }

  // Gives name mention `m` the entity whose folded name is `key`, made for
  // it when none has it yet (true then: the entity keeps the view `key`).
  bool join_name(Mention& m, std::string_view key) {
    std::vector<int>& by_key = by_key_;
    std::vector<std::string_view>& key_of = key_of_;
    const std::size_t mask = by_key.size() - 1;
    std::size_t slot = short_hash(key) & mask;
    while (by_key[slot] >= 0 && key_of[static_cast<std::size_t>(by_key[slot])] != key) slot = (slot + 1) & mask;
    bool added = by_key[slot] < 0;
    if (added) {
      by_key[slot] = new_entity(m);
      key_of.push_back(key);
    }
    m.entity = by_key[slot];
    key_at_[m.first] = key_of[static_cast<std::size_t>(m.entity)];
    return added;
  }

  // The entity `m` (a one-word name) is a short form of, or -1 when none or
  // several: the entity of a long name that it abbreviates, by its word
  // (long_words_) or, written in capitals, by its initials (long_names_).
  // Which long names match is all that counts, not in which order.
  int long_form_of(const Mention& m) const {
    const Token& word = doc_->tokens[m.first];
    int found = -1;
    // False when `entity` is a second entity that `m` abbreviates.
    auto take = [&](int entity) {
      if (entity == m.entity || entity == found) return true;
      if (found >= 0) return false;
      found = entity;
      return true;
    };
    for (const LongWord& long_word : long_words_)
      if (*long_word.word == word.key && !take(long_word.entity)) return -1;
    if (word.all_caps)
      for (const Mention* name : long_names_)
        if (are_initials(word.key, *name) && !take(name->entity)) return -1;
    return found;
  }

  // Whether `key` is the initials of the capitalised words of `m`, two at
  // least ("nr" for "Nova Robotics"); compared in place, without building them.
  bool are_initials(std::string_view key, const Mention& m) const {
    std::size_t count = 0;
    for (std::size_t t = m.first; t < m.last; ++t) {
      const Token& token = doc_->tokens[t];
      if (!token.capitalized && !token.all_caps) continue;
      if (!key.empty() && (count >= key.size() || key[count] != token.key[0])) return false;
      ++count;
    }
    return key.empty() ? count < 2 : count >= 2 && count == key.size();
  }

  void join_short_forms() {
    long_names_.clear();
    long_words_.clear();
    short_names_.clear();
    for (const Mention& m : doc_->mentions) {
      if (m.kind != MentionKind::Name || m.place >= 0) continue;
      if (m.last - m.first == 1) {
        short_names_.push_back(&m);
      } else {
        long_names_.push_back(&m);
        // A person by the last word ("Vettel"), another entity by the first
        // ("Quarry") unless its type is sure, but for a word and a company
        // suffix ("Quarry Labs"), whatever its type. A name repeated gives
        // the same word again, kept once.
        bool word_and_suffix =
            m.last - m.first == 2 && rules_->known().org_suffix.has_word(doc_->tokens[m.last - 1]);
        const TokenString* word = m.type == EntityType::Person     ? &doc_->tokens[m.last - 1].key
                                  : m.sure_type && !word_and_suffix ? nullptr
                                                                    : &doc_->tokens[m.first].key;
        if (word && std::none_of(long_words_.begin(), long_words_.end(), [&](const LongWord& known) {
              return known.entity == m.entity && *known.word == *word;
            }))
          long_words_.push_back({m.entity, word});
      }
    }
    if (long_names_.empty()) return;  // no short form without a long one
    move_to_.assign(protos_.size(), -1);
    // The word of each entity's latest one-word name that abbreviates no long
    // form: a name repeated is not compared with them again.
    failed_.assign(protos_.size(), nullptr);
    bool moved = false;
    for (const Mention* short_name : short_names_) {
      const Mention& m = *short_name;
      int& target = move_to_[static_cast<std::size_t>(m.entity)];
      if (target >= 0) continue;
      const Token& word = doc_->tokens[m.first];
      const Token*& failed = failed_[static_cast<std::size_t>(m.entity)];
      if (failed && failed->all_caps == word.all_caps && failed->key == word.key) continue;
      target = long_form_of(m);
      if (target < 0) failed = &word;
      moved = moved || target >= 0;
    }
    if (!moved) return;
    for (Mention& m : doc_->mentions)
      if (int target = move_to_[static_cast<std::size_t>(m.entity)]; target >= 0) m.entity = target;
  }

  // Entity `i` of doc_->entities, made anew for this article but in the
  // memory of an entity of an earlier one: its strings and lists are
  // emptied, not freed (about twelve blocks an entity that every article
  // would free and allocate again). Called for i = 0, 1, 2, ... in turn.
  Entity& reuse_entity(std::size_t i) {
    std::vector<Entity>& entities = doc_->entities;
    if (i == entities.size()) {
      if (spare_entities_.empty()) return entities.emplace_back();
      entities.push_back(std::move(spare_entities_.back()));
      spare_entities_.pop_back();
    }
    Entity& e = entities[i];
    e.name.clear();
    e.aliases.clear();
    e.descriptions.clear();
    e.name_key.clear();
    e.alias_keys.clear();
    e.description_keys.clear();
    e.first_sentence = e.first_start = e.first_end = 0;
    e.type = EntityType::Organization;
    e.place = -1;
    return e;
  }

  // Keeps the first `count` entities of doc_->entities; the others are set
  // aside, with their memory, for a later article's reuse_entity().
  void keep_entities(std::size_t count) {
    std::vector<Entity>& entities = doc_->entities;
    for (std::size_t i = count; i < entities.size(); ++i) spare_entities_.push_back(std::move(entities[i]));
    entities.resize(count);
  }

  // Type votes, names and first mentions; drops entities left without mentions.
  void finish_entities() {
    std::vector<int>& renumber = renumber_;
    renumber.assign(protos_.size(), -1);
    // The mentions and the tables through locals: the compiler would load
    // them again after every store (the entities' memory only moves in the
    // first loop, which takes each from reuse_entity()).
    Mention* const mentions = doc_->mentions.data();
    const std::size_t mention_count = doc_->mentions.size();
    int* const numbers = renumber.data();
    std::size_t count = 0;
    for (std::size_t i = 0; i < mention_count; ++i) {
      Mention& m = mentions[i];
      int& number = numbers[static_cast<std::size_t>(m.entity)];
      if (number < 0) {
        number = static_cast<int>(count);
        const Proto& proto = protos_[static_cast<std::size_t>(m.entity)];
        Entity& e = reuse_entity(count++);
        e.type = proto.type;
        e.place = proto.place;
        e.first_sentence = m.sentence;
        e.first_start = doc_->start_char(m.first);
        e.first_end = doc_->end_char(m.last - 1);
      }
      m.entity = number;
    }
    keep_entities(count);
    // Type: the first sure type, else the shape of the longest name.
    names_.assign(count, EntityName{});
    Entity* const entities = doc_->entities.data();
    EntityName* const names = names_.data();
    const std::string_view* const key_at = key_at_.data();
    for (std::size_t i = 0; i < mention_count; ++i) {
      const Mention& m = mentions[i];
      Entity& e = entities[static_cast<std::size_t>(m.entity)];
      EntityName& name = names[static_cast<std::size_t>(m.entity)];
      if (m.sure_type && !name.sure_type) {
        e.type = *m.type;
        name.sure_type = true;
      }
      if (m.kind == MentionKind::Name && m.last - m.first > name.length) {
        name.length = m.last - m.first;
        name.text = text_of(m);
        name.key = key_at[m.first];
        if (!name.sure_type) e.type = m.type.value_or(EntityType::Organization);
      }
    }
    const std::size_t place_name = doc_->language == "en" ? 1 : 0;  // the English name, where there is one
    for (std::size_t i = 0; i < count; ++i) {
      Entity& e = entities[i];
      if (e.place >= 0) {
        const Place& place = rules_->places[static_cast<std::size_t>(e.place)];
        names[i].text = place.names[place.names.size() > place_name ? place_name : 0];
        e.type = EntityType::Place;
      }
      e.name.assign(names[i].text);  // once, the longest name known
    }
    for (std::size_t i = 0; i < mention_count; ++i) mentions[i].type = entities[static_cast<std::size_t>(mentions[i].entity)].type;
  }

  // Whether tokens [first, last) overlap a title found by add_descriptions().
  bool in_a_title(std::size_t first, std::size_t last) const {
    return std::any_of(titles_.begin(), titles_.end(),
                       [&](const Title& t) { return t.is_title && t.first < last && first < t.last; });
  }

  // The entity of `type` that a title or an apposition with the noun of
  // token `noun` ("fonds") named last before token `before`, or -1: "le
  // fonds Orlo ... le fonds" is Orlo, whichever entity is mentioned most.
  // With a place adjective (`place` >= 0), an entity of another nationality
  // is out, as in antecedent().
  int named_by_noun(std::size_t noun, std::size_t before, EntityType type, int place) const {
    int found = -1;
    for (const Title& t : titles_) {
      auto e = static_cast<std::size_t>(t.entity);
      if (t.last <= before && doc_->tokens[t.last - 1].key == doc_->tokens[noun].key &&
          doc_->entities[e].type == type && (place < 0 || nationality_[e] < 0 || nationality_[e] == place))
        found = t.entity;
    }
    return found;
  }

  // Whether a mention holds one of tokens [first, last): among the mentions
  // found (sorted, not overlapping, so sorted by end too) the first that ends
  // after `first` is found by bisection; the few added are all looked at.
  bool overlaps(std::size_t first, std::size_t last) const {
    auto found_end = doc_->mentions.begin() + static_cast<std::ptrdiff_t>(found_);
    auto after = std::partition_point(doc_->mentions.begin(), found_end, [&](const Mention& m) { return m.last <= first; });
    if (after != found_end && after->first < last) return true;
    return std::any_of(found_end, doc_->mentions.end(),
                       [&](const Mention& m) { return m.first < last && first < m.last; });
  }

  // The entity a description of `type` at `before_token` refers to. With a
  // place adjective (`place` >= 0), entities of another nationality are out.
  int antecedent(EntityType type, std::size_t sentence, std::size_t before_token, int place) {
    tally_.assign(doc_->entities.size(), Tally{});  // reuses the buffer of the previous call
    // The tables through locals: the compiler would load them again after every store.
    Tally* const tally = tally_.data();
    const Entity* const entities = doc_->entities.data();
    const int* const nationality = nationality_.data();
    std::size_t previous_sentence = doc_->sentences.size();
    int subject = -1;     // the first entity of the description's sentence
    int neighbour = -1;   // the latest other entity of that sentence, six tokens away at least
    // In the order of doc_->mentions: the mentions found, sorted, up to
    // `before_token`, then the descriptions added, wherever they are.
    const Mention* const mentions = doc_->mentions.data();
    for (std::size_t i = 0; i < doc_->mentions.size(); ++i) {
      const Mention& m = mentions[i];
      if (m.first >= before_token) {
        if (i < found_) i = found_ - 1;
        continue;
      }
      std::size_t e = static_cast<std::size_t>(m.entity);
      if (m.sentence == sentence) {
        tally[e].in_sentence = true;
        bool fits = m.kind != MentionKind::Adjective && entities[e].type == type &&
                    (place < 0 || nationality[e] < 0 || nationality[e] == place);
        if (subject < 0 && m.kind != MentionKind::Adjective) subject = m.entity;
        else if (fits && m.entity != subject && m.last + 6 <= before_token) neighbour = m.entity;
      }
      // A sentence's first mention is usually its subject: it counts twice.
      tally[e].count += m.sentence != previous_sentence ? 2 : 1;
      previous_sentence = m.sentence;
      tally[e].last_seen = std::max(tally[e].last_seen, m.first + 1);
    }
    if (neighbour >= 0) return neighbour;  // "un accord avec X, mais la firme ..."
    int best = -1;
    for (std::size_t e = 0; e < doc_->entities.size(); ++e) {
      const Tally& t = tally[e];
      if (entities[e].type != type || t.count == 0 || t.in_sentence) continue;
      if (place >= 0 && nationality[e] >= 0 && nationality[e] != place) continue;
      if (best >= 0) {
        const Tally& so_far = tally[static_cast<std::size_t>(best)];
        if (t.count < so_far.count || (t.count == so_far.count && t.last_seen <= so_far.last_seen)) continue;
      }
      best = static_cast<int>(e);
    }
    return best;
  }

  void add_descriptions() {
    const std::vector<RuleScreen::Needs>& screened = rules_->describe_screen->rules();
    Matcher matcher(*doc_, Coordination{});
    // What may stand between a title's noun and the name: a place adjective
    // ("norvégienne") or a word of TITLE_ADJECTIVE ("souverain").
    const KnownClasses& known = rules_->known();
    auto in_title = [&](const Item& item) {
      if (item.mention >= 0)
        return doc_->mentions[static_cast<std::size_t>(item.mention)].kind == MentionKind::Adjective;
      return known.title_adjective.contains(doc_->tokens[item.first]);
    };
    // The item after a complement of the title's noun that starts at `from`
    // ("du logiciel" in "le géant du logiciel X"): a word of TITLE_COMPLEMENT,
    // then one or two lower-case words, before a name of the title's `type`
    // ("l'éditeur du logiciel X" describes the maker of product X); `from`
    // itself when there is none.
    auto past_complement = [&](std::span<const Item> items, std::size_t from, EntityType type) {
      if (from >= items.size() || items[from].mention >= 0 ||
          !known.title_complement.contains(doc_->tokens[items[from].first]))
        return from;
      std::size_t end = from + 1;
      while (end < items.size() && end - from <= 2 && items[end].mention < 0) {
        const Token& word = doc_->tokens[items[end].first];
        if (!word.is_word || word.capitalized || word.is_number) break;
        ++end;
      }
      if (end == from + 1 || end >= items.size() || items[end].mention < 0) return from;
      const Mention& name = doc_->mentions[static_cast<std::size_t>(items[end].mention)];
      return name.type == type ? end : from;
    };
    for (std::size_t s = 0; s < doc_->sentences.size(); ++s) {
      // The rules whose words the sentence holds, searched from every start
      // (a match cannot start where a rule's words are missing, so no bound
      // on the start changes what is found); no items for other sentences.
      const RuleScreen::Elements present = sentence_elements_[s];
      std::span<const Item> items;
      for (const auto& [r, needed] : screened) {
        if (!RuleScreen::holds(needed, present)) continue;
        if (items.empty()) {
          matcher.set_sentence(s);
          items = matcher.items();
        }
        const Rule& rule = rules_->rules[r];
        for (const Match& match : matcher.find_all(rule.pattern, items.size() - 1)) {
          // The description starts after the last entity the pattern holds:
          // "the [Oslo]-based firm" describes with "- based firm".
          std::size_t from = match.first;
          for (std::size_t k = match.first; k < match.last; ++k)
            if (items[k].mention >= 0) from = k + 1;
          std::size_t shown_first = items[match.first].first;
          if (from >= match.last) continue;
          std::size_t first = items[from].first, last = items[match.last - 1].last;
          if (overlaps(first, last) || in_a_title(first, last)) continue;
          // "la firme norvégienne X", "le fonds souverain X", "le géant du
          // logiciel X": a title before a name, not a description; nor is a
          // part of it that a later rule matches ("the venture" of "the
          // venture firm X").
          std::size_t next = match.last;
          while (next < items.size() && in_title(items[next])) ++next;
          next = past_complement(items, next, rule.type);
          if (next < items.size() && items[next].mention >= 0) {
            titles_.push_back({first, last, doc_->mentions[static_cast<std::size_t>(items[next].mention)].entity, true});
            continue;
          }
          // "X, la firme norvégienne": an apposition only names X once more.
          if (match.first >= 2 && doc_->tokens[items[match.first - 1].first].text == "," &&
              items[match.first - 2].mention >= 0 &&
              doc_->mentions[static_cast<std::size_t>(items[match.first - 2].mention)].type == rule.type) {
            const Mention& head = doc_->mentions[static_cast<std::size_t>(items[match.first - 2].mention)];
            std::size_t end = match.last;
            while (place_after(items, end) >= 0) ++end;
            appositions_.push_back({head.entity, items[match.first].first, items[end - 1].last});
            titles_.push_back({first, last, head.entity, false});
            continue;
          }
          int place = place_after(items, match.last);
          int target = named_by_noun(last - 1, first, rule.type, place);
          if (target < 0) target = antecedent(rule.type, s, first, place);
          if (target < 0) continue;
          Mention d;
          d.sentence = s;
          d.first = first;
          d.last = last;
          d.kind = MentionKind::Description;
          d.type = rule.type;
          d.sure_type = true;
          d.entity = target;
          // Visible at once, so that a later description of the same sentence
          // does not pick the same entity again.
          doc_->mentions.push_back(d);
          shown_first_.emplace_back(d.first, shown_first);
        }
      }
    }
  }

  // The place of an adjective right after items [.., end) ("la firme norvégienne"), or -1.
  int place_after(std::span<const Item> items, std::size_t end) const {
    if (end >= items.size() || items[end].mention < 0) return -1;
    const Mention& m = doc_->mentions[static_cast<std::size_t>(items[end].mention)];
    return m.kind == MentionKind::Adjective ? m.place : -1;
  }

  // Each entity's nationality: the place adjective nearest to one of its
  // names, at most three tokens away in the same sentence ("la firme
  // norvégienne X", "X, une firme norvégienne").
  void find_nationalities() {
    nationality_.assign(doc_->entities.size(), -1);
    const Mention* const mentions = doc_->mentions.data();
    const std::size_t count = doc_->mentions.size();
    for (std::size_t i = 0; i < count; ++i) {
      const Mention& a = mentions[i];
      if (a.kind != MentionKind::Adjective) continue;
      int best = -1;
      std::size_t best_gap = 4;
      // The mentions are sorted (no description or pronoun is added yet):
      // those of the adjective's sentence are the run around it.
      std::size_t first = i;
      while (first > 0 && mentions[first - 1].sentence == a.sentence) --first;
      for (std::size_t k = first; k < count && mentions[k].sentence == a.sentence; ++k) {
        const Mention& m = mentions[k];
        if (m.kind != MentionKind::Name || m.place >= 0) continue;
        std::size_t gap = m.first >= a.last ? m.first - a.last : a.first >= m.last ? a.first - m.last : 0;
        if (gap < best_gap) {
          best_gap = gap;
          best = m.entity;
        }
      }
      if (best >= 0 && nationality_[static_cast<std::size_t>(best)] < 0)
        nationality_[static_cast<std::size_t>(best)] = a.place;
    }
  }

  // A set of entity types, one bit each: what a pronoun may stand for.
  using TypeSet = unsigned;
  static constexpr TypeSet type_bit(EntityType type) { return 1u << static_cast<unsigned>(type); }

  // Whether a mention can be the antecedent of a pronoun of these types.
  static bool accepted(const Mention& m, TypeSet types) {
    return m.kind != MentionKind::Adjective && m.type && (types & type_bit(*m.type));
  }

  // Whether sentence `s` opens with a mention or an article, as a sentence
  // whose subject comes first does.
  bool plain_start(std::size_t s) const {
    std::size_t first = doc_->sentences[s].first;
    return articles_->contains(doc_->tokens[first]) ||
           std::any_of(doc_->mentions.begin(), doc_->mentions.end(), [&](const Mention& m) { return m.first == first; });
  }

  // Whether mention `m` opens a main clause after an opening phrase: a comma
  // before it and a word after it ("Fondée en 2020 par X, la firme a ...").
  bool opens_clause(const Mention& m) const {
    const Sentence& sentence = doc_->sentences[m.sentence];
    if (m.first == sentence.first || m.last >= sentence.last) return false;
    const Token& after = doc_->tokens[m.last];
    return doc_->tokens[m.first - 1].text == "," && after.is_word &&
           !conjunctions_->contains(after);
  }

  // The antecedent of a subject pronoun at token `t` of sentence `s`: the first
  // accepted mention earlier in its sentence, else the subject of the nearest
  // of the two sentences before: its first accepted mention, or after an
  // opening phrase the first one that opens the main clause.
  int subject_antecedent(std::size_t s, std::size_t t, TypeSet types) const {
    for (std::size_t back = 0; back <= 2 && back <= s; ++back) {
      std::size_t in = s - back;
      bool clause = back > 0 && !plain_start(in);
      const Mention* first = nullptr;
      const Mention* opener = nullptr;
      for (const Mention& m : doc_->mentions) {
        if (m.sentence != in || (back == 0 && m.first >= t) || !accepted(m, types)) continue;
        if (!first || m.first < first->first) first = &m;
        if (clause && opens_clause(m) && (!opener || m.first < opener->first)) opener = &m;
      }
      if (opener) return opener->entity;
      if (first) return first->entity;
    }
    return -1;
  }

  // The antecedent of a possessive at token `t`: at the start of a sentence
  // like a subject pronoun, else the latest accepted mention before it in its
  // sentence or the one before.
  int possessive_antecedent(std::size_t s, std::size_t t, TypeSet types) const {
    if (t == doc_->sentences[s].first) return subject_antecedent(s, t, types);
    const Mention* latest = nullptr;
    for (const Mention& m : doc_->mentions)
      if (m.first < t && m.sentence + 1 >= s && accepted(m, types) && (!latest || m.first > latest->first))
        latest = &m;
    return latest ? latest->entity : -1;
  }

  // One pass over the tokens of the sentences: the elements of the
  // description rules each sentence holds (sentence_elements_), and the
  // tokens with a pronoun cue (cue_tokens_[0, cue_count_)), for
  // add_descriptions() and add_pronouns().
  void read_tokens() {
    const RuleScreen& screen = *rules_->describe_screen;
    const KnownClasses& known = rules_->known();
    sentence_elements_.resize(doc_->sentences.size());
    std::size_t in_sentences = 0;  // room for a cue at every token of every sentence
    for (const Sentence& sentence : doc_->sentences)
      if (sentence.last > sentence.first) in_sentences += sentence.last - sentence.first;
    if (cue_tokens_.size() < in_sentences) cue_tokens_.resize(in_sentences);
    // Through locals, the tables, and the cue tokens written through a
    // pointer: word_of() may call a function, after which the compiler
    // would load every member again at every token.
    const Token* const tokens = doc_->tokens.data();
    const std::uint8_t* const cues = known.pronoun_cues.data();
    const std::size_t cue_words = known.pronoun_cues.size();
    const bool by_word = screen.by_word_alone();
    const RuleScreen::Elements* const elements = screen.word_elements().data();
    const std::size_t element_words = screen.word_elements().size();
    CueToken* const cue_tokens = cue_tokens_.data();
    std::size_t cue_count = 0;
    for (std::size_t s = 0; s < doc_->sentences.size(); ++s) {
      const Sentence& sentence = doc_->sentences[s];
      RuleScreen::Elements present = 0;
      for (std::size_t t = sentence.first; t < sentence.last; ++t) {
        const std::uint32_t word = vocabulary::word_of(tokens[t]);
        if (!by_word) present |= screen.elements_of(tokens[t], word);
        else if (word < element_words) present |= elements[word];
        // A word in none of the classes (kUnknown among them) has no cue: most tokens.
        if (word < cue_words && cues[word] != 0) cue_tokens[cue_count++] = {t, s, cues[word]};
      }
      sentence_elements_[s] = present;
    }
    cue_count_ = cue_count;
  }

  void add_pronouns() {
    const KnownClasses& known = rules_->known();
    const WordSet& possessed = known.possessed;
    // Read through a local: only mentions are added below, and the compiler
    // would otherwise load the tokens again at every cue.
    const Token* const tokens = doc_->tokens.data();
    const std::vector<Sentence>& sentences = doc_->sentences;
    for (std::size_t i = 0; i < cue_count_; ++i) {
      const auto [t, s, cue] = cue_tokens_[i];
      const std::size_t last = sentences[s].last;
      TypeSet types = 0;
      bool is_possessive = false;
      if (cue & KnownClasses::kPersonPronoun) {
        types = type_bit(EntityType::Person);
      } else if (cue & KnownClasses::kOrgPronoun) {
        types = type_bit(EntityType::Organization);
      } else if (cue & KnownClasses::kAnyPronoun) {
        types = type_bit(EntityType::Organization) | type_bit(EntityType::Person);
      } else {
        // "son modèle", "its larger rivals": a possessed word within three tokens.
        std::size_t end = std::min(t + 4, last);
        for (std::size_t k = t + 1; k < end && !is_possessive; ++k) is_possessive = possessed.contains(tokens[k]);
        if (is_possessive) types = type_bit(EntityType::Organization);
      }
      if (types == 0 || overlaps(t, t + 1)) continue;
      int target = is_possessive ? possessive_antecedent(s, t, types) : subject_antecedent(s, t, types);
      if (target < 0) continue;
      Mention p;
      p.sentence = s;
      p.first = t;
      p.last = t + 1;
      p.kind = MentionKind::Pronoun;
      p.type = doc_->entities[static_cast<std::size_t>(target)].type;
      p.entity = target;
      doc_->mentions.push_back(p);  // visible at once: a later pronoun may refer through it
    }
  }

  void collect_aliases() {
    // Before any view of a key is taken: the descriptions folded are
    // forgotten when too many (a bound on memory), and room is made for a place's names.
    if (description_keys_.size() > kMaxDescriptionKeys) description_keys_.clear();
    for (const Entity& e : doc_->entities)
      if (e.place >= 0) make_room_for_place(static_cast<std::size_t>(e.place));
    for (std::size_t e = 0; e < doc_->entities.size(); ++e) {
      if (doc_->entities[e].place < 0) continue;
      std::size_t place = static_cast<std::size_t>(doc_->entities[e].place);
      const std::vector<std::string>& names = rules_->places[place].names;
      for (std::size_t n = 0; n < names.size(); ++n)
        if (names[n].data() == names_[e].text.data()) names_[e].key = place_name_key(place, n);
    }
    // Each entity's name, then (entity, folded form) of every other form kept: few, so a flat list.
    std::vector<std::pair<std::size_t, std::string_view>>& keys = alias_keys_;
    keys.clear();
    auto add = [&](std::size_t e, std::string_view form, std::string_view key, bool description) {
      if (key.empty() || key == names_[e].key) return;
      for (const auto& [entity, known] : keys)
        if (entity == e && known == key) return;
      keys.emplace_back(e, key);
      Entity& entity = doc_->entities[e];
      (description ? entity.descriptions : entity.aliases).emplace_back(form);
      (description ? entity.description_keys : entity.alias_keys).emplace_back(key);
    };
    // Through locals: the compiler would load them again after every alias added.
    const Mention* const mentions = doc_->mentions.data();
    const std::size_t mention_count = doc_->mentions.size();
    const std::string_view* const key_at = key_at_.data();
    const EntityName* const names = names_.data();
    for (std::size_t i = 0; i < mention_count; ++i) {
      const Mention& m = mentions[i];
      std::size_t e = static_cast<std::size_t>(m.entity);
      if (m.kind == MentionKind::Name && m.place < 0) {
        std::string_view key = key_at[m.first];
        // Mostly the very key of the entity's name: passed over without comparing texts.
        if (key.data() != names[e].key.data()) add(e, text_of(m), key, false);
      }
      if (m.kind == MentionKind::Description) {
        // "la firme" + "norvégienne" → "la firme norvégienne"; "the" + "[Oslo]-based firm"
        std::size_t last = m.last;
        for (std::size_t j = i + 1; j < mention_count && mentions[j].first == last &&
                                    mentions[j].kind == MentionKind::Adjective;
             ++j)
          last = mentions[j].last;
        auto shown = std::find_if(shown_first_.begin(), shown_first_.end(), [&](const auto& s) { return s.first == m.first; });
        std::size_t first = shown == shown_first_.end() ? m.first : shown->second;
        add(e, span_view(first, last), folded_span(first, last), true);
      }
    }
    for (const auto& [entity, first, last] : appositions_)
      add(static_cast<std::size_t>(entity), span_view(first, last), folded_span(first, last), true);
    Entity* const entities = doc_->entities.data();
    const std::size_t entity_count = doc_->entities.size();
    for (std::size_t i = 0; i < entity_count; ++i) {
      Entity& e = entities[i];
      e.name_key.assign(names[i].key);
      if (e.place < 0) continue;
      std::size_t place = static_cast<std::size_t>(e.place);
      const std::vector<std::string>& names = rules_->places[place].names;
      for (std::size_t n = 0; n < names.size(); ++n)
        if (names[n] != e.name) {
          e.aliases.push_back(names[n]);
          e.alias_keys.emplace_back(place_name_key(place, n));
        }
    }
  }

  Document* doc_ = nullptr;
  const RuleSet* rules_ = nullptr;
  // Word classes read per mention, looked up once.
  const WordSet* articles_ = nullptr;
  const WordSet* conjunctions_ = nullptr;
  // An entity as group_names() makes it, before finish_entities() drops
  // those left without mentions and numbers the others in order.
  struct Proto {
    EntityType type;  // of its first mention
    int place;        // index into RuleSet::places, or -1
  };
  std::vector<Proto> protos_;
  std::vector<Entity> spare_entities_;  // entities of earlier articles, kept for their memory
  // group_names(): the open-addressing table of entity numbers, each
  // entity's folded name (empty for a place) and the places seen.
  std::vector<int> by_key_;
  std::vector<int> by_text_;  // mention numbers, by text
  std::vector<std::string_view> key_of_;
  std::vector<std::pair<int, int>> by_place_;  // (place, entity): a few places an article
  // join_short_forms(): the names of two words or more, and each word by
  // which a one-word name may stand for one of their entities (initials aside).
  struct LongWord {
    int entity;
    const TokenString* word;
  };
  std::vector<const Mention*> long_names_;
  std::vector<LongWord> long_words_;
  std::vector<const Mention*> short_names_;  // the one-word names, in order
  std::vector<int> move_to_;                   // per entity: the one it joins, or -1
  std::vector<const Token*> failed_;           // join_short_forms()
  std::vector<int> renumber_;                  // per entity: its number in doc_->entities, or -1
  std::vector<int> nationality_;               // per entity: place index or -1
  // How many mentions were found before coreference: sorted by position,
  // before the descriptions and pronouns added.
  std::size_t found_ = 0;
  // What antecedent() counts per entity, kept between calls for its buffer.
  struct Tally {
    int count = 0;              // mentions before the description, a sentence's first counting twice
    std::size_t last_seen = 0;  // one past the first token of the latest of them
    bool in_sentence = false;   // mentioned in the description's sentence
  };
  std::vector<Tally> tally_;
  std::vector<RuleScreen::Elements> sentence_elements_;  // read_tokens(): by sentence
  // read_tokens(): a token with a pronoun cue (KnownClasses::pronoun_cues),
  // its sentence and its cue; cue_tokens_ only grows, cue_count_ are this article's.
  struct CueToken {
    std::size_t token, sentence;
    std::uint8_t cue;
  };
  std::vector<CueToken> cue_tokens_;
  std::size_t cue_count_ = 0;
  // An apposition: tokens [first, last) describe `entity`.
  struct Apposition {
    int entity;
    std::size_t first, last;
  };
  std::vector<Apposition> appositions_;
  // A title ("le fonds" of "le fonds Orlo") or an apposition ("Orlo, le
  // fonds"): tokens [first, last), whose last is the noun, naming `entity`.
  struct Title {
    std::size_t first, last;
    int entity;
    bool is_title;  // false for an apposition
  };
  std::vector<Title> titles_;
  std::vector<std::pair<std::size_t, std::size_t>> shown_first_;  // description first token → first token shown
  // An entity's name, as finish_entities() picks it.
  struct EntityName {
    std::string_view text;    // in doc_->text, or in the rule set for a place
    std::string_view key;     // its folded form
    std::size_t length = 0;   // in tokens
    bool sure_type = false;   // the entity's type comes from a sure mention
  };
  std::vector<EntityName> names_;  // per entity
  // span_key of each name mention, in order. Strings reassigned keep their
  // memory; the list only grows, before any view of this article's keys is taken.
  std::vector<std::string> name_keys_;
  std::vector<std::string_view> key_at_;  // by the first token of a name mention: its folded text
  // Per place of the rule set, per name: (the name folded, its fold_key).
  std::vector<std::vector<std::pair<std::string, std::string>>> place_keys_;
  // Description text → its fold_key, kept from one article to the next
  // (see folded_span); looked up by a view of the text.
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return short_hash(text); }
  };
  std::unordered_map<std::string, std::string, TextHash, std::equal_to<>> description_keys_;
  static constexpr std::size_t kMaxDescriptionKeys = 4096;
  std::vector<std::pair<std::size_t, std::string_view>> alias_keys_;  // collect_aliases()
};

}  // namespace

void resolve_coreference(Document& doc, const RuleSet& rules) {
  // One resolver per thread, for its buffers: most articles then allocate
  // nothing here. The entities of `doc` (an earlier article's, when a
  // worker reuses its Document) are rewritten in place.
  thread_local Resolver resolver;
  resolver.run(doc, rules);
}

}  // namespace kg::extract
