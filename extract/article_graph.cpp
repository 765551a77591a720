#include "extract/article_graph.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <stdexcept>

#include "graph/short_copy.h"
#include "graph/text_fold.h"

namespace kg::extract {

namespace {

// The `left` (1 to 7) bytes at `in` as a little-endian word, the bytes above
// them zero: what a memcpy of `left` bytes into a zeroed word gives, without
// the byte-by-byte copy a memcpy of variable size compiles to. The key,
// `size` bytes in all, ends at in + left: with eight or more, the word is
// loaded whole and shifted.
static_assert(std::endian::native == std::endian::little, "tail_word assembles words little-endian");
std::uint64_t tail_word(const char* in, std::size_t left, std::size_t size) {
  auto byte = [&](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(in[i])); };
  if (size >= 8) {
    std::uint64_t word;
    std::memcpy(&word, in + left - 8, 8);
    return word >> (8 * (8 - left));
  }
  if (left >= 4) {
    std::uint32_t low, high;
    std::memcpy(&low, in, 4);
    std::memcpy(&high, in + left - 4, 4);
    return static_cast<std::uint64_t>(low) | static_cast<std::uint64_t>(high) << (8 * (left - 4));
  }
  return byte(0) | byte(left / 2) << (8 * (left / 2)) | byte(left - 1) << (8 * (left - 1));
}

}  // namespace

std::uint64_t key_hash(std::string_view key) {
  // Eight bytes a step: a key is hashed once per name of every entity.
  constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;
  std::uint64_t h = key.size() * kMultiplier;
  auto mix = [&](std::uint64_t word) {
    h = (h ^ word) * kMultiplier;
    h ^= h >> 29;
  };
  const char* in = key.data();
  std::size_t left = key.size();
  for (; left >= 8; in += 8, left -= 8) {
    std::uint64_t word;
    std::memcpy(&word, in, 8);
    mix(word);
  }
  if (left > 0) mix(tail_word(in, left, key.size()));
  return h ^ (h >> 32);
}

namespace {

// The TextRef of texts[start, end).
TextRef text_ref(std::size_t start, std::size_t end) {
  // check_article caps an article at 16 MiB; its strings stay far below 4 GiB.
  if (end > UINT32_MAX) throw std::length_error("article graph larger than 4 GiB");
  return {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end - start)};
}

// Whether `a` and `b` view the same bytes at the same address.
bool same_view(std::string_view a, std::string_view b) { return a.data() == b.data() && a.size() == b.size(); }

// Document::sentence_text, as a view of the article rather than a copy.
std::string_view sentence_view(const Document& doc, std::size_t sentence) {
  const Sentence& s = doc.sentences[sentence];
  if (s.first >= s.last) return {};
  std::size_t start = doc.tokens[s.first].start;
  return std::string_view(doc.text).substr(start, doc.tokens[s.last - 1].end - start);
}

}  // namespace

TextRef ArticleGraph::add_text(std::string_view text) {
  std::size_t start = texts.size();
  texts += text;
  return text_ref(start, texts.size());
}

FoldedForm ArticleGraph::add_form(std::string_view text) {
  FoldedForm form;
  form.text = add_text(text);
  std::size_t start = texts.size();
  append_fold_key(text, texts);
  form.key = text_ref(start, texts.size());
  form.key_hash = key_hash(this->text(form.key));
  return form;
}

ArticleNode& ArticleGraph::add_node(EntityType type, std::string_view name, const std::vector<std::string>& aliases,
                                    const std::vector<std::string>& descriptions) {
  Entity entity;
  entity.type = type;
  entity.name = name;
  entity.aliases = aliases;
  entity.descriptions = descriptions;
  return add_node(entity);
}

ArticleNode& ArticleGraph::add_node(const Entity& entity) {
  auto carried = [](const std::vector<std::string>& keys, std::size_t i) {
    return i < keys.size() ? std::string_view(keys[i]) : std::string_view();
  };
  // The entity's forms and the keys it carries are copied into one
  // reservation of texts, not appended one by one (ten strings an entity on
  // average); a key it does not carry is folded onto the end of texts.
  std::size_t bytes = entity.name.size() + entity.name_key.size();
  for (std::size_t i = 0; i < entity.aliases.size(); ++i)
    bytes += entity.aliases[i].size() + carried(entity.alias_keys, i).size();
  for (std::size_t i = 0; i < entity.descriptions.size(); ++i)
    bytes += entity.descriptions[i].size() + carried(entity.description_keys, i).size();
  std::size_t at = texts.size();
  texts.resize(at + bytes);
  // Names and keys are mostly a few bytes: copied without a call to memcpy.
  auto put = [&](std::string_view piece) {
    copy_short(piece.data(), piece.size(), texts.data() + at);
    at += piece.size();
    return text_ref(at - piece.size(), at);
  };
  auto form = [&](std::string_view text, std::string_view key) {
    FoldedForm folded;
    folded.text = put(text);
    if (key.empty()) {
      std::size_t start = texts.size();
      append_fold_key(text, texts);
      folded.key = text_ref(start, texts.size());
    } else {
      folded.key = put(key);
    }
    folded.key_hash = key_hash(this->text(folded.key));
    return folded;
  };
  ArticleNode node;
  node.type = entity.type;
  node.name = form(entity.name, entity.name_key);
  node.first_form = static_cast<std::uint32_t>(forms.size());
  node.alias_count = static_cast<std::uint32_t>(entity.aliases.size());
  node.description_count = static_cast<std::uint32_t>(entity.descriptions.size());
  for (std::size_t i = 0; i < entity.aliases.size(); ++i)
    forms.push_back(form(entity.aliases[i], carried(entity.alias_keys, i)));
  for (std::size_t i = 0; i < entity.descriptions.size(); ++i)
    forms.push_back(form(entity.descriptions[i], carried(entity.description_keys, i)));
  node.sentence = static_cast<std::uint32_t>(entity.first_sentence);
  node.start = static_cast<std::uint32_t>(entity.first_start);
  node.end = static_cast<std::uint32_t>(entity.first_end);
  nodes.push_back(node);
  return nodes.back();
}

ArticleGraph make_article_graph(const Document& doc, const RuleSet& rules) {
  ArticleGraph out;
  make_article_graph(doc, rules, out);
  return out;
}

void make_article_graph(const Document& doc, const RuleSet& rules, ArticleGraph& out) {
  out.document = doc.name;
  out.date = doc.date;
  out.nodes.clear();
  out.forms.clear();
  out.relations.clear();
  // The merge copies the strings out (GraphMerger::add): the buffer keeps
  // its room from one article to the next.
  out.texts.clear();
  out.nodes.reserve(doc.entities.size());
  std::size_t form_count = 0;
  for (const Entity& e : doc.entities) form_count += e.aliases.size() + e.descriptions.size();
  out.forms.reserve(form_count);
  for (const Entity& e : doc.entities) out.add_node(e);
  out.relations.reserve(doc.relations.size());
  // Relations of one sentence share its text; a run of relations of one rule
  // shares the rule's. An article has a few relation types, each stored once
  // and its symmetry looked up once among the rule set's symmetric types,
  // gathered once per article (few types are symmetric).
  // A relation's type and rule are views of the rule set's strings: the same
  // type or rule is the same view, told by its address, with no comparison
  // of bytes (a type seen through another view would only be stored twice).
  std::size_t evidence_sentence = SIZE_MAX;
  TextRef evidence;
  struct TypeSeen {
    std::string_view name;
    TextRef text;
    bool symmetric;
  };
  thread_local std::vector<TypeSeen> types;
  types.clear();
  thread_local std::vector<std::string_view> symmetric_types;
  symmetric_types.clear();
  if (!doc.relations.empty())
    for (const auto& [name, relation_type] : rules.relations)
      if (relation_type.symmetric) symmetric_types.push_back(relation_type.graph_type);
  std::string_view last_rule;
  TextRef rule;
  for (const Relation& r : doc.relations) {
    ArticleRelation& rel = out.relations.emplace_back();
    auto type = std::find_if(types.begin(), types.end(), [&](const TypeSeen& t) { return same_view(t.name, r.type); });
    if (type == types.end()) {
      bool symmetric = std::find(symmetric_types.begin(), symmetric_types.end(), r.type) != symmetric_types.end();
      types.push_back({r.type, out.add_text(r.type), symmetric});
      type = types.end() - 1;
    }
    rel.type = type->text;
    rel.symmetric = type->symmetric;
    rel.subject = static_cast<std::uint32_t>(r.subject);
    rel.object = static_cast<std::uint32_t>(r.object);
    rel.sentence = static_cast<std::uint32_t>(r.sentence);
    rel.start = static_cast<std::uint32_t>(r.start);
    rel.end = static_cast<std::uint32_t>(r.end);
    if (!same_view(r.rule, last_rule)) {
      last_rule = r.rule;
      rule = out.add_text(r.rule);
    }
    rel.rule = rule;
    if (r.sentence != evidence_sentence) {
      evidence = out.add_text(sentence_view(doc, r.sentence));
      evidence_sentence = r.sentence;
    }
    rel.evidence = evidence;
    rel.amount_min = r.deal.amount_min;
    rel.amount_max = r.deal.amount_max;
    if (!r.deal.currency.empty()) rel.currency = out.add_text(r.deal.currency);
    if (!r.deal.status.empty()) rel.status = out.add_text(r.deal.status);
  }
}

}  // namespace kg::extract
