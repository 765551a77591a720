#include "extract/merge.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <cstring>
#include <future>

#include "graph/node_link_writer.h"
#include "graph/parallel_list_writer.h"

namespace kg::extract {

namespace {

// Property keys, for take() (write_node_link writes them as literals).
namespace key {
constexpr std::string_view kAliases = "aliases";
constexpr std::string_view kAllEvidence = "all_evidence";
constexpr std::string_view kAllSources = "all_sources";
constexpr std::string_view kAmountMax = "amount_max";
constexpr std::string_view kAmountMin = "amount_min";
constexpr std::string_view kCurrency = "currency";
constexpr std::string_view kDate = "date";
constexpr std::string_view kDescriptions = "descriptions";
constexpr std::string_view kDocument = "document";
constexpr std::string_view kDocuments = "documents";
constexpr std::string_view kEnd = "end";
constexpr std::string_view kEvidence = "evidence";
constexpr std::string_view kEvidenceCount = "evidence_count";
constexpr std::string_view kName = "name";
constexpr std::string_view kRule = "rule";
constexpr std::string_view kSentenceIndex = "sentence_index";
constexpr std::string_view kStart = "start";
constexpr std::string_view kStatus = "status";
}  // namespace key

// The text a link's one evidence was, in which call of write_node_link.
struct EvidenceOf {
  std::uint64_t write = 0;  // never 0 in a call
  const char* data = nullptr;
  std::size_t size = 0;
  bool operator==(const EvidenceOf&) const = default;
};

// The texts write_json_value gives floats, remembered: formatting the
// shortest text that reads back the same is costly, and a graph's deals give
// the same few round amounts again and again. A table of 64 texts, each
// number in the one slot its bits hash to (the last there wins).
class FloatText {
 public:
  // Valid until the next call.
  std::string_view of(double number) {
    std::uint64_t bits;
    std::memcpy(&bits, &number, sizeof bits);
    Slot& slot = slots_[(bits * 0x9E3779B97F4A7C15ULL) >> 58];
    if (!slot.known || slot.bits != bits) {
      slot.text = format_float(number);
      slot.bits = bits;
      slot.known = true;
    }
    return slot.text;
  }

 private:
  struct Slot {
    bool known = false;
    std::uint64_t bits = 0;
    std::string text;
  };
  std::array<Slot, 64> slots_;
};

// What the writers build for each node or link, kept per formatting thread
// so that each node or link does not allocate it again.
struct Scratch {
  std::vector<std::string_view> texts;
  std::string sources;
  std::vector<std::size_t> source_ends;
  // A link's one evidence, escaped, kept for the next link when it states
  // the same sentence alone (relations of a sentence are merged in turn).
  JsonText evidence;
  EvidenceOf evidence_of;
  FloatText amount_max, amount_min;
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

// Whether `a` and `b` hold the same bytes. Folded keys, relation types and
// deal words are mostly sixteen bytes or fewer: compared with two loads of
// each that may overlap, without a call to memcmp.
bool same_key(std::string_view a, std::string_view b) {
  std::size_t size = a.size();
  if (size != b.size()) return false;
  const char* x = a.data();
  const char* y = b.data();
  if (size > 16) return std::memcmp(x, y, size) == 0;
  if (size >= 8) {
    std::uint64_t x_head, x_tail, y_head, y_tail;
    std::memcpy(&x_head, x, 8);
    std::memcpy(&x_tail, x + size - 8, 8);
    std::memcpy(&y_head, y, 8);
    std::memcpy(&y_tail, y + size - 8, 8);
    return ((x_head ^ y_head) | (x_tail ^ y_tail)) == 0;
  }
  if (size >= 4) {
    std::uint32_t x_head, x_tail, y_head, y_tail;
    std::memcpy(&x_head, x, 4);
    std::memcpy(&x_tail, x + size - 4, 4);
    std::memcpy(&y_head, y, 4);
    std::memcpy(&y_tail, y + size - 4, 4);
    return ((x_head ^ y_head) | (x_tail ^ y_tail)) == 0;
  }
  // One to three bytes: the first, the middle and the last.
  return size == 0 || (x[0] == y[0] && x[size / 2] == y[size / 2] && x[size - 1] == y[size - 1]);
}

void append_number(std::string& out, std::size_t number) {
  char digits[24];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, number).ptr);
}

}  // namespace

// Properties gathered into a Map, for take().
struct GraphMerger::MapOut {
  Map properties;
  void property(std::string_view key, std::string_view text) { properties.emplace(key, Value(text)); }
  void property(std::string_view key, std::int64_t number) { properties.emplace(key, Value(number)); }
  void property(std::string_view key, double number) { properties.emplace(key, Value(number)); }
  void property(std::string_view key, std::span<const std::string_view> texts) {
    List list;
    list.reserve(texts.size());
    for (std::string_view t : texts) list.emplace_back(t);
    properties.emplace(key, Value(std::move(list)));
  }
};

// The JSON text of what write_node_link() writes many times, escaped once.
struct GraphMerger::JsonTexts {
  std::uint64_t write = 0;  // which call of write_node_link, from 1
  JsonText text;  // all of it; the views below point into it
  std::vector<std::string_view> article_names;  // by article
  // ],"document":"NAME","documents":["NAME"] (what ends the aliases and
  // follows them in a node of one article), by article.
  std::vector<std::string_view> node_documents;
  std::vector<std::string_view> dated_documents;  // ,"date":"D","document":"NAME" (no date if none), by article
  std::vector<std::string_view> types;          // by type id
  std::vector<std::string_view> labels;         // ["Person"], by EntityType
  std::vector<std::string_view> deal_words;     // by deal_word() number
};

GraphMerger::KeyId GraphMerger::intern(std::string_view key, std::uint64_t hash) {
  auto fresh_id = static_cast<KeyId>(keys_.size());
  auto [id, fresh] = key_ids_.find_or_insert(hash, fresh_id, [&](KeyId k) { return same_key(keys_[k].text(), key); });
  // check_article caps an article at 16 MiB: a key's size fits.
  if (fresh) keys_.emplace_back(Key{key.data(), static_cast<std::uint32_t>(key.size())});
  return id;
}

std::uint32_t GraphMerger::type_id(std::string_view type) {
  // A handful of relation types: a scan beats hashing (and same_key a call to memcmp).
  for (std::size_t t = 0; t < types_.size(); ++t)
    if (same_key(types_[t], type)) return static_cast<std::uint32_t>(t);
  types_.emplace_back(type);
  return static_cast<std::uint32_t>(types_.size() - 1);
}

GraphMerger::NodeExtras& GraphMerger::extras_to_fill(Node& node) {
  if (node.extras == kNoExtras) {
    node.extras = static_cast<std::uint32_t>(node_extras_.size());
    node_extras_.emplace_back();
  }
  return node_extras_[node.extras];
}

std::uint32_t GraphMerger::deal_word(std::string_view word) {
  if (word.empty()) return 0;
  // A few currencies and statuses: a scan beats hashing.
  for (std::size_t w = 1; w < deal_words_.size(); ++w)
    if (same_key(deal_words_[w], word)) return static_cast<std::uint32_t>(w);
  deal_words_.emplace_back(word);
  return static_cast<std::uint32_t>(deal_words_.size() - 1);
}

std::uint32_t GraphMerger::node_for(std::string_view texts, const FoldedForm* forms, const ArticleNode& entity,
                                    std::uint32_t article) {
  auto view = [&](TextRef ref) { return texts.substr(ref.offset, ref.size); };
  KeyId name = intern(view(entity.name.key), entity.name.key_hash);
  alias_keys_.clear();
  for (std::uint32_t a = 0; a < entity.alias_count; ++a)
    alias_keys_.push_back(intern(view(forms[a].key), forms[a].key_hash));
  // The first of the names already known decides the node.
  std::uint32_t node = keys_[name].first_node;
  for (std::size_t a = 0; a < alias_keys_.size() && node == kNoNode; ++a) node = keys_[alias_keys_[a]].first_node;
  bool found = node != kNoNode;
  if (!found) {
    node = static_cast<std::uint32_t>(nodes_.size());
    Node& fresh = nodes_.emplace_back();
    fresh.type = entity.type;
    fresh.name_key = name;
    fresh.name = entity.name.text;
    fresh.article = article;
    fresh.sentence = entity.sentence;
    fresh.start = entity.start;
    fresh.end = entity.end;
  }
  if (keys_[name].first_node == kNoNode) keys_[name].first_node = node;
  for (KeyId a : alias_keys_)
    if (keys_[a].first_node == kNoNode) keys_[a].first_node = node;
  Node& n = nodes_[node];
  // A key already there stays where it is; a name makes it a name.
  auto add_alias = [&](TextRef text, KeyId key, bool is_name) {
    if (key == n.name_key) return;
    if (n.extras != kNoExtras)
      for (Alias& a : node_extras_[n.extras].aliases)
        if (a.key == key) {
          a.is_name = a.is_name || is_name;
          return;
        }
    extras_to_fill(n).aliases.push_back({view(text), key, is_name});
  };
  add_alias(entity.name.text, name, true);
  for (std::uint32_t a = 0; a < entity.alias_count; ++a) add_alias(forms[a].text, alias_keys_[a], true);
  for (std::uint32_t d = entity.alias_count; d < entity.alias_count + entity.description_count; ++d)
    add_alias(forms[d].text, intern(view(forms[d].key), forms[d].key_hash), false);
  std::uint32_t document = articles_[article].document;
  std::uint32_t last_article = n.article;
  if (n.extras != kNoExtras && !node_extras_[n.extras].later_articles.empty())
    last_article = node_extras_[n.extras].later_articles.back();
  if (articles_[last_article].document != document) extras_to_fill(n).later_articles.push_back(article);
  return node;
}

std::span<const GraphMerger::Statement> GraphMerger::later_statements(const Relationship& rel) const {
  if (rel.later == kNone) return {};
  return later_statements_[rel.later];
}

const GraphMerger::Deal& GraphMerger::deal(const Relationship& rel) const {
  static const Deal kNoDeal;
  return rel.deal == kNone ? kNoDeal : deals_[rel.deal];
}

GraphMerger::Deal& GraphMerger::deal_to_fill(Relationship& rel) {
  if (rel.deal == kNone) {
    rel.deal = static_cast<std::uint32_t>(deals_.size());
    deals_.emplace_back();
  }
  return deals_[rel.deal];
}

bool GraphMerger::states_again(const Relationship& rel, std::uint32_t article, const ArticleRelation& r) const {
  std::uint32_t document = articles_[article].document;
  auto same = [&](const Statement& s) {
    return s.sentence == r.sentence && s.start == r.start && s.end == r.end && articles_[s.article].document == document;
  };
  // Statements are appended in article order: unless an earlier article had
  // the same name, only this article's own statements, the last ones, can match.
  std::size_t count = statement_count(rel);
  std::size_t first = 0;
  if (document == article) {
    first = count;
    while (first > 0 && statement(rel, first - 1).article == article) --first;
  }
  for (std::size_t i = first; i < count; ++i)
    if (same(statement(rel, i))) return true;
  return false;
}

void GraphMerger::add(const Document& doc, const RuleSet& rules) { add(make_article_graph(doc, rules)); }

void GraphMerger::expect_articles(std::size_t count) {
  expected_articles_ = count;
  document_ids_.reserve(count);
  articles_.reserve(count);
  article_texts_.reserve(count);
}

void GraphMerger::add(const ArticleGraph& article_graph) {
  auto article = static_cast<std::uint32_t>(articles_.size());
  const std::string& name = article_graph.document;
  std::uint32_t document = document_ids_
                               .find_or_insert(key_hash(name), article,
                                               [&](std::uint32_t a) { return articles_[a].name == name; })
                               .first;
  // The views of the merged graph point into the article's texts, copied whole.
  std::string_view texts = texts_.add(article_graph.texts);
  articles_.push_back({texts_.add(name), texts_.add(article_graph.date), document});
  article_texts_.push_back(texts.data());
  auto view = [&](TextRef ref) { return texts.substr(ref.offset, ref.size); };
  // The keys' slots are fetched from memory all at once rather than one
  // after the other, each awaited.
  for (const ArticleNode& e : article_graph.nodes) key_ids_.prefetch(e.name.key_hash);
  for (const FoldedForm& f : article_graph.forms) key_ids_.prefetch(f.key_hash);
  // Once a sample of articles is in, the indexes are sized for all the
  // articles expected, at the rate seen so far and an eighth more: grown
  // step by step, they would place every entry again at each doubling, in
  // fresh memory each time (a corpus's index of names ends at 16 MB). An
  // estimate is trusted up to 2^26 entries (a 1 GiB index); past that, an
  // index grows as it fills.
  constexpr std::size_t kSizingSample = 256, kLargestEstimate = std::size_t{1} << 26;
  if (article == kSizingSample && expected_articles_ > kSizingSample) {
    auto scaled = [&](std::size_t size) {
      return std::min(kLargestEstimate, size * expected_articles_ / kSizingSample * 9 / 8);
    };
    key_ids_.reserve(scaled(key_ids_.size()));
    relationship_ids_.reserve(scaled(relationship_ids_.size()));
  }
  std::vector<std::uint32_t>& nodes = article_nodes_;
  nodes.clear();
  for (const ArticleNode& e : article_graph.nodes)
    nodes.push_back(node_for(texts, article_graph.forms.data() + e.first_form, e, article));
  // Each relation's identity first, its slot asked from memory, then the lookups.
  std::vector<RelationKey>& keys = relation_keys_;
  keys.clear();
  // Relations of one type share its text (make_article_graph): each of the
  // article's few types is looked up among the graph's once.
  std::vector<ArticleType>& types = article_types_;
  types.clear();
  for (const ArticleRelation& r : article_graph.relations) {
    std::uint32_t source = nodes[r.subject];
    std::uint32_t target = nodes[r.object];
    auto known = std::find_if(types.begin(), types.end(), [&](const ArticleType& t) {
      return t.text.offset == r.type.offset && t.text.size == r.type.size;
    });
    if (known == types.end()) known = types.insert(types.end(), {r.type, type_id(view(r.type))});
    std::uint32_t type = known->id;
    Ends ends = r.symmetric ? Ends{type, std::min(source, target), std::max(source, target)}
                            : Ends{type, source, target};
    std::uint64_t hash =
        (std::uint64_t{ends.source} << 32 | ends.target) ^ (std::uint64_t{type} * 0xC2B2AE3D27D4EB4FULL);
    relationship_ids_.prefetch(hash);
    keys.push_back({ends, hash});
  }
  for (std::size_t k = 0; k < keys.size(); ++k) {
    const ArticleRelation& r = article_graph.relations[k];
    std::uint32_t source = nodes[r.subject];
    std::uint32_t target = nodes[r.object];
    if (source == target) continue;
    const Ends& ends = keys[k].ends;
    auto fresh_id = static_cast<std::uint32_t>(relationships_.size());
    auto [id, fresh] = relationship_ids_.find_or_insert(
        keys[k].hash, fresh_id, [&](std::uint32_t rel) { return relationships_[rel].ends == ends; });
    Statement statement{article, r.sentence, r.start, r.end, r.evidence};
    if (fresh) {
      Relationship& rel = relationships_.emplace_back();
      rel.ends = ends;
      rel.reversed = source != ends.source;
      rel.rule = r.rule;
      rel.first = statement;
    } else {
      Relationship& rel = relationships_[id];
      if (states_again(rel, article, r)) continue;
      if (rel.later == kNone) {
        rel.later = static_cast<std::uint32_t>(later_statements_.size());
        later_statements_.emplace_back();
      }
      later_statements_[rel.later].push_back(statement);
    }
    // Most relations are no deals: nothing to look at.
    if (!r.amount_min && !r.amount_max && r.currency.size == 0 && r.status.size == 0) continue;
    Deal& deal = deal_to_fill(relationships_[id]);
    if (!deal.amount_min) deal.amount_min = r.amount_min;
    if (!deal.amount_max) deal.amount_max = r.amount_max;
    if (deal.currency == 0 && r.currency.size != 0) deal.currency = deal_word(view(r.currency));
    if (deal.status == 0 && r.status.size != 0) deal.status = deal_word(view(r.status));
  }
}

void GraphMerger::node_properties(const Node& n, MapOut& out) const {
  const NodeExtras& more = extras(n);
  std::vector<std::string_view>& texts = scratch().texts;
  texts.clear();
  for (const Alias& a : more.aliases) texts.push_back(a.text);
  out.property(key::kAliases, texts);
  texts.clear();
  for (const Alias& a : more.aliases)  // the forms that are no name
    if (!a.is_name) texts.push_back(a.text);
  if (!texts.empty()) out.property(key::kDescriptions, texts);
  out.property(key::kDocument, articles_[n.article].name);
  texts.clear();
  texts.push_back(articles_[n.article].name);
  for (std::uint32_t article : more.later_articles) texts.push_back(articles_[article].name);
  out.property(key::kDocuments, texts);
  out.property(key::kEnd, static_cast<std::int64_t>(n.end));
  out.property(key::kName, text(n.article, n.name));
  out.property(key::kSentenceIndex, static_cast<std::int64_t>(n.sentence));
  out.property(key::kStart, static_cast<std::int64_t>(n.start));
}

void GraphMerger::write_node(std::uint32_t id, NodeLinkWriter& out, const JsonTexts& json) const {
  // node_properties() as JSON text, written whole: the keys and punctuation
  // as literals, the documents' names escaped once for the graph.
  constexpr std::string_view kId = "{\"id\":\"n", kLabels = "\",\"labels\":", kAliases = ",\"aliases\":[",
                             kDescriptions = "],\"descriptions\":[", kDocument = "],\"document\":",
                             kDocuments = ",\"documents\":", kEnd = ",\"end\":", kName = ",\"name\":",
                             kSentenceIndex = ",\"sentence_index\":", kStart = ",\"start\":", kClose = "}";
  constexpr std::size_t kLiterals = kId.size() + kLabels.size() + kAliases.size() + kDescriptions.size() +
                                    kDocument.size() + kDocuments.size() + kEnd.size() + kName.size() +
                                    kSentenceIndex.size() + kStart.size() + kClose.size();
  const Node& n = nodes_[id];
  const NodeExtras& more = extras(n);
  std::string_view labels = json.labels[static_cast<std::size_t>(n.type)];
  std::string_view document = json.article_names[n.article];
  std::string_view name = text(n.article, n.name);
  std::size_t room = kLiterals + 4 * JsonCursor::kNumberRoom + labels.size() + JsonCursor::string_room(name.size());
  bool has_descriptions = false;
  for (const Alias& a : more.aliases) {
    // Written in the aliases, and maybe again in the descriptions.
    room += 2 * (1 + JsonCursor::string_room(a.text.size()));
    has_descriptions |= !a.is_name;
  }
  if (more.later_articles.empty()) {
    room += json.node_documents[n.article].size();
  } else {
    room += 2 + 2 * document.size();
    for (std::uint32_t article : more.later_articles) room += 1 + json.article_names[article].size();
  }
  JsonCursor o = out.begin_whole_item(room);
  o.raw(kId);
  o.number(id);
  o.raw(kLabels);
  o.raw(labels);
  o.raw(kAliases);
  for (std::size_t i = 0; i < more.aliases.size(); ++i) {
    if (i > 0) o.raw(",");
    o.string(more.aliases[i].text);
  }
  if (has_descriptions) {
    o.raw(kDescriptions);
    bool first = true;
    for (const Alias& a : more.aliases) {
      if (a.is_name) continue;
      if (!first) o.raw(",");
      first = false;
      o.string(a.text);
    }
  }
  if (more.later_articles.empty()) {
    o.raw(json.node_documents[n.article]);
  } else {
    o.raw(kDocument);
    o.raw(document);
    o.raw(kDocuments);
    o.raw("[");
    o.raw(document);
    for (std::uint32_t article : more.later_articles) {
      o.raw(",");
      o.raw(json.article_names[article]);
    }
    o.raw("]");
  }
  o.raw(kEnd);
  o.number(n.end);
  o.raw(kName);
  o.string(name);
  o.raw(kSentenceIndex);
  o.number(n.sentence);
  o.raw(kStart);
  o.number(n.start);
  o.raw(kClose);
  out.end_whole_item(o);
}

void GraphMerger::relationship_properties(const Relationship& r, MapOut& out) const {
  Scratch& scratch_space = scratch();
  std::vector<std::string_view>& texts = scratch_space.texts;
  texts.clear();
  std::size_t count = statement_count(r);
  for (std::size_t i = 0; i < count; ++i) {
    const Statement& s = statement(r, i);
    texts.push_back(text(s.article, s.evidence));
  }
  out.property(key::kAllEvidence, texts);
  // Every source "DOC:SENTENCE:START-END" in one buffer, then a view of each.
  std::string& sources = scratch_space.sources;
  std::vector<std::size_t>& ends = scratch_space.source_ends;
  sources.clear();
  ends.clear();
  for (std::size_t i = 0; i < count; ++i) {
    const Statement& s = statement(r, i);
    (sources += articles_[s.article].name) += ':';
    append_number(sources, s.sentence);
    sources += ':';
    append_number(sources, s.start);
    sources += '-';
    append_number(sources, s.end);
    ends.push_back(sources.size());
  }
  texts.clear();
  for (std::size_t i = 0, from = 0; i < ends.size(); from = ends[i++])
    texts.push_back(std::string_view(sources).substr(from, ends[i] - from));
  out.property(key::kAllSources, texts);
  const Deal& d = deal(r);
  if (d.amount_max) out.property(key::kAmountMax, *d.amount_max);
  if (d.amount_min) out.property(key::kAmountMin, *d.amount_min);
  if (d.currency != 0) out.property(key::kCurrency, deal_words_[d.currency]);
  const Statement& first = r.first;
  const Article& article = articles_[first.article];
  if (!article.date.empty()) out.property(key::kDate, article.date);
  out.property(key::kDocument, article.name);
  out.property(key::kEnd, static_cast<std::int64_t>(first.end));
  out.property(key::kEvidence, text(first.article, first.evidence));
  out.property(key::kEvidenceCount, static_cast<std::int64_t>(count));
  out.property(key::kRule, text(first.article, r.rule));
  out.property(key::kSentenceIndex, static_cast<std::int64_t>(first.sentence));
  out.property(key::kStart, static_cast<std::int64_t>(first.start));
  if (d.status != 0) out.property(key::kStatus, deal_words_[d.status]);
}

void GraphMerger::write_relationship(std::uint32_t id, std::int64_t parallel, NodeLinkWriter& out,
                                     const JsonTexts& json) const {
  // relationship_properties() as JSON text, written whole: the keys and
  // punctuation as literals, each evidence escaped once (the first is written
  // twice), the texts that recur escaped once for the graph.
  constexpr std::string_view kSource = "{\"source\":\"n", kTarget = "\",\"target\":\"n", kKey = "\",\"key\":",
                             kId = ",\"id\":", kType = ",\"type\":", kAllEvidence = ",\"all_evidence\":",
                             kAllSources = ",\"all_sources\":[", kSourcesEnd = "]", kAmountMax = ",\"amount_max\":",
                             kAmountMin = ",\"amount_min\":", kCurrency = ",\"currency\":",
                             kEnd = ",\"end\":", kEvidence = ",\"evidence\":",
                             kEvidenceCount = ",\"evidence_count\":", kRule = ",\"rule\":",
                             kSentenceIndex = ",\"sentence_index\":", kStart = ",\"start\":",
                             kStatus = ",\"status\":", kClose = "}";
  constexpr std::size_t kLiterals =
      kSource.size() + kTarget.size() + kKey.size() + kId.size() + kType.size() + kAllEvidence.size() +
      kAllSources.size() + kSourcesEnd.size() + kAmountMax.size() + kAmountMin.size() + kCurrency.size() +
      kEnd.size() + kEvidence.size() + kEvidenceCount.size() + kRule.size() +
      kSentenceIndex.size() + kStart.size() + kStatus.size() + kClose.size();
  // A source: the name's JSON text without its closing quote, then
  // ":SENTENCE:START-END" and the quote; digits, ':' and '-' need no escape.
  constexpr std::size_t kSourceLiterals = std::string_view(",::-\"").size();
  const Relationship& r = relationships_[id];
  std::span<const Statement> later = later_statements(r);
  std::size_t count = 1 + later.size();
  Scratch& scratch_space = scratch();
  // The evidence is escaped straight into the link, and copied from there to
  // "evidence"; or, when the link before had the same one alone, copied from
  // what that link kept.
  JsonText& kept = scratch_space.evidence;
  std::string_view first_text = text(r.first.article, r.first.evidence);
  EvidenceOf evidence_of{json.write, first_text.data(), first_text.size()};
  bool reused = later.empty() && scratch_space.evidence_of == evidence_of;
  std::size_t evidence_room = 2;
  if (reused) {
    evidence_room += 2 * kept.size();
  } else {
    evidence_room += 2 * JsonCursor::string_room(first_text.size());
    for (const Statement& s : later) evidence_room += 1 + JsonCursor::string_room(s.evidence.size);
  }
  const Statement& first = r.first;
  std::string_view type = json.types[r.ends.type];
  std::string_view dated_document = json.dated_documents[first.article];
  const Deal& d = deal(r);
  std::string_view currency = json.deal_words[d.currency];
  std::string_view status = json.deal_words[d.status];
  std::string_view amount_max = d.amount_max ? scratch_space.amount_max.of(*d.amount_max) : std::string_view();
  std::string_view amount_min;
  if (d.amount_min) {
    amount_min = d.amount_max && std::memcmp(&*d.amount_min, &*d.amount_max, sizeof(double)) == 0
                     ? amount_max
                     : scratch_space.amount_min.of(*d.amount_min);
  }
  std::string_view rule = text(first.article, r.rule);
  std::size_t room = kLiterals + 8 * JsonCursor::kNumberRoom + type.size() + evidence_room + amount_max.size() +
                     amount_min.size() + currency.size() + dated_document.size() +
                     JsonCursor::string_room(rule.size()) + status.size();
  for (std::size_t i = 0; i < count; ++i)
    room += kSourceLiterals + 3 * JsonCursor::kNumberRoom + json.article_names[statement(r, i).article].size();
  JsonCursor o = out.begin_whole_item(room);
  o.raw(kSource);
  o.number(r.source());
  o.raw(kTarget);
  o.number(r.target());
  o.raw(kKey);
  o.number(parallel);
  o.raw(kId);
  o.number(id);
  o.raw(kType);
  o.raw(type);
  o.raw(kAllEvidence);
  o.raw("[");
  const char* first_evidence_start = o.end();
  if (reused) o.raw(kept.view());
  else o.string(first_text);
  std::string_view first_evidence(first_evidence_start, static_cast<std::size_t>(o.end() - first_evidence_start));
  for (const Statement& s : later) {
    o.raw(",");
    o.string(text(s.article, s.evidence));
  }
  o.raw("]");
  if (!reused) {
    // Kept only when the next link states the same sentence alone (the
    // relations of a sentence are merged in turn).
    bool next_shares = false;
    if (later.empty() && id + 1 < relationships_.size()) {
      const Relationship& next = relationships_[id + 1];
      next_shares = next.later == kNone && next.first.article == first.article &&
                    next.first.evidence.offset == first.evidence.offset &&
                    next.first.evidence.size == first.evidence.size;
    }
    if (next_shares) {
      kept.clear();
      kept.raw(first_evidence);
    }
    scratch_space.evidence_of = next_shares ? evidence_of : EvidenceOf{};
  }
  o.raw(kAllSources);
  for (std::size_t i = 0; i < count; ++i) {
    const Statement& s = statement(r, i);
    if (i > 0) o.raw(",");
    std::string_view name = json.article_names[s.article];
    o.raw(name.substr(0, name.size() - 1));
    o.raw(":");
    o.number(s.sentence);
    o.raw(":");
    o.number(s.start);
    o.raw("-");
    o.number(s.end);
    o.raw("\"");
  }
  o.raw(kSourcesEnd);
  if (d.amount_max) {
    o.raw(kAmountMax);
    o.raw(amount_max);
  }
  if (d.amount_min) {
    o.raw(kAmountMin);
    o.raw(amount_min);
  }
  if (d.currency != 0) {
    o.raw(kCurrency);
    o.raw(currency);
  }
  o.raw(dated_document);
  o.raw(kEnd);
  o.number(first.end);
  o.raw(kEvidence);
  o.raw(first_evidence);
  o.raw(kEvidenceCount);
  o.number(count);
  o.raw(kRule);
  o.string(rule);
  o.raw(kSentenceIndex);
  o.number(first.sentence);
  o.raw(kStart);
  o.number(first.start);
  if (d.status != 0) {
    o.raw(kStatus);
    o.raw(status);
  }
  o.raw(kClose);
  out.end_whole_item(o);
}

Map GraphMerger::graph_attributes() const {
  List sources;
  sources.reserve(articles_.size());
  for (const Article& a : articles_) sources.emplace_back(a.name);
  Map attributes;
  attributes.emplace("sources", std::move(sources));
  return attributes;
}

std::vector<std::uint32_t> GraphMerger::multigraph_keys() const {
  // Four bytes an entry, and room reserved once for as many pairs as links
  // (only what is written is touched).
  std::size_t count = relationships_.size();
  std::vector<std::uint32_t> keys(count);
  IdIndex pair_ids;
  pair_ids.reserve(count);
  std::vector<std::uint32_t> first_links, links_so_far;  // by pair
  first_links.reserve(count);
  links_so_far.reserve(count);
  auto pair_of = [&](std::size_t link) {
    return std::uint64_t{relationships_[link].source()} << 32 | relationships_[link].target();
  };
  for (std::size_t i = 0; i < count; ++i) {
    std::uint64_t pair = pair_of(i);
    auto fresh_id = static_cast<std::uint32_t>(first_links.size());
    auto [id, fresh] =
        pair_ids.find_or_insert(pair, fresh_id, [&](std::uint32_t p) { return pair_of(first_links[p]) == pair; });
    if (fresh) {
      first_links.push_back(static_cast<std::uint32_t>(i));
      links_so_far.push_back(0);
    }
    keys[i] = links_so_far[id]++;
  }
  return keys;
}

void GraphMerger::write_node_link(NodeLinkWriter& out, unsigned threads) const {
  // With threads to spare, the links' keys are found while the nodes are
  // written (the future's destructor waits for them if the nodes fail).
  std::future<std::vector<std::uint32_t>> keys_ahead;
  if (threads > 1) keys_ahead = std::async(std::launch::async, [this] { return multigraph_keys(); });
  // Everything escaped into one text first, then viewed: the text grows until then.
  static std::atomic<std::uint64_t> writes{0};
  JsonTexts json;
  json.write = ++writes;
  std::vector<std::size_t> ends;
  ends.reserve(2 * articles_.size() + types_.size() + deal_words_.size() + 5);
  json.node_documents.reserve(articles_.size());
  json.article_names.reserve(articles_.size());
  json.dated_documents.reserve(articles_.size());
  // The room the articles' pieces take when nothing needs an escape (little does).
  std::size_t room = 0;
  constexpr std::string_view kNodeDocument = "],\"document\":", kNodeDocuments = ",\"documents\":[";
  for (const Article& a : articles_) room += 4 * a.name.size() + a.date.size() + 64;
  json.text.reserve(room);
  std::vector<std::size_t> name_sizes;
  name_sizes.reserve(articles_.size());
  for (const Article& a : articles_) {
    json.text.raw(kNodeDocument);
    std::size_t name = json.text.size();
    json.text.string(a.name);
    std::size_t name_end = json.text.size();
    name_sizes.push_back(name_end - name);
    json.text.raw(kNodeDocuments);
    json.text.repeat(name, name_end);
    json.text.raw("]");
    ends.push_back(json.text.size());
    // A link's date and document, written together.
    if (!a.date.empty()) {
      json.text.raw(",\"date\":");
      json.text.string(a.date);
    }
    json.text.raw(",\"document\":");
    json.text.repeat(name, name_end);
    ends.push_back(json.text.size());
  }
  for (const std::string& type : types_) {
    json.text.string(type);
    ends.push_back(json.text.size());
  }
  for (const std::string& word : deal_words_) {
    json.text.string(word);
    ends.push_back(json.text.size());
  }
  constexpr EntityType kTypes[] = {EntityType::Person, EntityType::Organization, EntityType::Product,
                                   EntityType::Project, EntityType::Place};
  for (EntityType type : kTypes) {
    json.text.raw("[");
    json.text.string(type_label(type));
    json.text.raw("]");
    ends.push_back(json.text.size());
  }
  std::string_view all = json.text.view();
  std::size_t next = 0;
  auto piece = [&] {
    std::size_t from = next == 0 ? 0 : ends[next - 1];
    return all.substr(from, ends[next++] - from);
  };
  for (std::size_t a = 0; a < articles_.size(); ++a) {
    json.node_documents.push_back(piece());
    json.article_names.push_back(json.node_documents.back().substr(kNodeDocument.size(), name_sizes[a]));
    json.dated_documents.push_back(piece());
  }

  for (std::size_t t = 0; t < types_.size(); ++t) json.types.push_back(piece());
  for (std::size_t w = 0; w < deal_words_.size(); ++w) json.deal_words.push_back(piece());
  for (EntityType type : kTypes) {
    auto index = static_cast<std::size_t>(type);
    if (json.labels.size() <= index) json.labels.resize(index + 1);
    json.labels[index] = piece();
  }
  // graph_attributes() as JSON text, from the names escaped above: a
  // corpus has tens of thousands of them.
  JsonText attributes;
  std::size_t attributes_size = 16;
  for (std::string_view name : json.article_names) attributes_size += name.size() + 1;
  attributes.reserve(attributes_size);
  attributes.raw("{\"sources\":[");
  for (std::size_t a = 0; a < articles_.size(); ++a) {
    if (a > 0) attributes.raw(",");
    attributes.raw(json.article_names[a]);
  }
  attributes.raw("]}");
  out.begin(NodeLinkWriter::Json{attributes.view()});
  write_list_in_parallel(out, nodes_.size(), threads, [&](NodeLinkWriter& list, std::size_t i) {
    write_node(static_cast<std::uint32_t>(i), list, json);
  });
  out.begin_links();
  std::vector<std::uint32_t> parallel_keys = keys_ahead.valid() ? keys_ahead.get() : multigraph_keys();
  write_list_in_parallel(out, relationships_.size(), threads, [&](NodeLinkWriter& list, std::size_t i) {
    write_relationship(static_cast<std::uint32_t>(i), parallel_keys[i], list, json);
  });
  out.finish();
}

PropertyGraph GraphMerger::take() {
  PropertyGraph graph;
  graph.reserve(nodes_.size(), relationships_.size());
  std::vector<NodeId> ids;
  ids.reserve(nodes_.size());
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    const Node& n = nodes_[i];
    MapOut props;
    node_properties(n, props);
    ids.push_back(graph.add_node({type_label(n.type)}, std::move(props.properties)));
  }
  for (std::size_t i = 0; i < relationships_.size(); ++i) {
    const Relationship& r = relationships_[i];
    MapOut props;
    relationship_properties(r, props);
    graph.add_relationship(ids[r.source()], ids[r.target()], types_[r.ends.type], std::move(props.properties));
  }
  graph.set_graph_attributes(graph_attributes());
  *this = GraphMerger();
  return graph;
}

}  // namespace kg::extract
