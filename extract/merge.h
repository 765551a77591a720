// Stage 9: merging articles into one property graph. The same entity in two
// articles is one node: names are compared by kg::fold_key over the name and
// the other names (not the descriptions). A relation stated twice — in one
// article or several — is one relationship that keeps all its evidence.
//
// Node properties: name, aliases (other names, then descriptions), the
// descriptions among the aliases if any (so that `kg merge` can tell names,
// which identify an entity, from descriptions, which do not), documents, and
// the first mention: document, sentence_index, start, end.
// Relationship properties: the first statement (document, sentence_index,
// start, end, evidence, and the rule that matched), evidence_count,
// all_evidence and all_sources (every
// statement: "DOC:SENTENCE:START-END"), date, and for deals amount_min,
// amount_max, currency, status (the first statement that gives each wins).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extract/article_graph.h"
#include "extract/chunked_vector.h"
#include "extract/document.h"
#include "extract/id_index.h"
#include "extract/rule_file.h"
#include "extract/text_arena.h"
#include "graph/property_graph.h"

namespace kg {
class NodeLinkWriter;  // graph/node_link_writer.h
}  // namespace kg

namespace kg::extract {

class GraphMerger {
 public:
  // Adds one article's nodes and relations. Call in a fixed order for a
  // deterministic graph. The article's strings, its name and date, are
  // copied into the merger's arena; the article is left to the caller, its
  // buffers whole for the next one.
  void add(const ArticleGraph& article);
  // The same for an extracted article (make_article_graph, then add).
  void add(const Document& doc, const RuleSet& rules);
  // Says how many articles add() will be given in all (at most), so that
  // the lists of articles are made room for once and the indexes of names
  // and relationships sized once, at the rate of the first articles, instead
  // of grown step by step.
  void expect_articles(std::size_t count);

  // The size of the merged graph so far.
  std::size_t node_count() const { return nodes_.size(); }
  std::size_t relationship_count() const { return relationships_.size(); }

  // Writes the merged graph as node-link JSON: the same text as
  // to_node_link(take()), without building the PropertyGraph. The text is
  // formatted on `threads` threads.
  void write_node_link(NodeLinkWriter& out, unsigned threads = 1) const;

  // The merged graph; the merger is left empty.
  PropertyGraph take();

 private:
  // Folded names are interned: a node's keys are small integers.
  using KeyId = std::uint32_t;
  static constexpr std::uint32_t kNoNode = UINT32_MAX;
  // A folded name: its text, in the arena, and the first node it was a name
  // of. Sixteen bytes, a pointer and two 32-bit words, rather than a view
  // and a separate list of nodes.
  struct Key {
    const char* data = nullptr;
    std::uint32_t size = 0;
    std::uint32_t first_node = kNoNode;
    std::string_view text() const { return {data, size}; }
  };
  struct Alias {
    std::string_view text;
    KeyId key = 0;
    bool is_name = false;  // a name here or in another article, not only a description
  };
  // What is gathered for a node or relationship; the graph is written or
  // built once, at the end, so that adding an article costs the same however
  // large the graph is. Documents are indexes into articles_; texts lie in
  // the articles' texts in the arena (texts_), as views or as TextRefs
  // beside the article. Most nodes are named in one article and most relations stated
  // once: the first article and statement are kept inline, so that those
  // allocate nothing.
  // What only some nodes have (about one in eight has an alias), kept apart
  // so that each node is 36 bytes instead of 88.
  struct NodeExtras {
    std::vector<Alias> aliases;  // each key once, never name_key
    std::vector<std::uint32_t> later_articles;
  };
  static constexpr std::uint32_t kNoExtras = UINT32_MAX;
  static inline const NodeExtras kEmptyExtras{};
  struct Node {
    EntityType type = EntityType::Organization;
    KeyId name_key = 0;
    TextRef name;               // in the first article's buffer
    std::uint32_t article = 0;  // the first mention's, the first of the documents
    std::uint32_t sentence = 0, start = 0, end = 0;
    std::uint32_t extras = kNoExtras;  // index into node_extras_
  };
  // One statement of a relation: "DOC:SENTENCE:START-END" once written.
  struct Statement {
    std::uint32_t article = 0;
    std::uint32_t sentence = 0, start = 0, end = 0;
    TextRef evidence;  // in the article's buffer
  };
  // A relationship's identity: type and ends (ordered for symmetric types).
  struct Ends {
    std::uint32_t type = 0, source = 0, target = 0;
    bool operator==(const Ends&) const = default;
  };
  // A deal's attributes, each from the first statement that gives it. The
  // currency and status are few words, numbered (deal_word()).
  struct Deal {
    std::optional<double> amount_min, amount_max;
    std::uint32_t currency = 0, status = 0;  // indexes into deal_words_, 0 for none
  };
  // Most relations are stated once and are no deals (about one in four is):
  // the later statements and the deal are kept apart, so that the merge's
  // largest table is 56 bytes a relationship instead of 136.
  static constexpr std::uint32_t kNone = UINT32_MAX;
  struct Relationship {
    Ends ends;
    // Whether the first statement's subject is ends.target (a symmetric
    // type's ends are ordered).
    bool reversed = false;
    std::uint32_t deal = kNone;   // index into deals_
    std::uint32_t later = kNone;  // index into later_statements_
    TextRef rule;                 // of the first statement, in its article's buffer
    Statement first;
    std::uint32_t source() const { return reversed ? ends.target : ends.source; }
    std::uint32_t target() const { return reversed ? ends.source : ends.target; }
  };
  struct Article {
    std::string_view name, date;  // in the arena
    std::uint32_t document = 0;  // the first article with this name
  };

  KeyId intern(std::string_view key, std::uint64_t hash);
  // The node of `entity`, whose aliases and descriptions are `forms` and
  // whose texts lie in `texts`, the article's buffer.
  std::uint32_t node_for(std::string_view texts, const FoldedForm* forms, const ArticleNode& entity,
                         std::uint32_t article);
  std::uint32_t type_id(std::string_view type);
  // The extras of `node`, empty if it has none; the second makes them.
  const NodeExtras& extras(const Node& node) const {
    return node.extras == kNoExtras ? kEmptyExtras : node_extras_[node.extras];
  }
  NodeExtras& extras_to_fill(Node& node);
  // The number of a currency or deal status; 0 for the empty word.
  std::uint32_t deal_word(std::string_view word);
  // The text `ref` points at in the buffer of `article`.
  std::string_view text(std::uint32_t article, TextRef ref) const {
    return {article_texts_[article] + ref.offset, ref.size};
  }
  // The relationship's statements after the first, and all of them.
  std::span<const Statement> later_statements(const Relationship& rel) const;
  std::size_t statement_count(const Relationship& rel) const { return 1 + later_statements(rel).size(); }
  const Statement& statement(const Relationship& rel, std::size_t i) const {
    return i == 0 ? rel.first : later_statements(rel)[i - 1];
  }
  // The deal of `rel`, empty if it has none; the second makes it.
  const Deal& deal(const Relationship& rel) const;
  Deal& deal_to_fill(Relationship& rel);
  // Whether the relationship already has the statement `r` of `article`
  // (which the same file given twice would repeat).
  bool states_again(const Relationship& rel, std::uint32_t article, const ArticleRelation& r) const;
  // The properties of a node or relationship, for take().
  struct MapOut;
  void node_properties(const Node& node, MapOut& out) const;
  void relationship_properties(const Relationship& rel, MapOut& out) const;
  // The same properties, with the node or link around them, as node-link
  // JSON; `json` holds the texts written many times, escaped once.
  struct JsonTexts;
  void write_node(std::uint32_t id, NodeLinkWriter& out, const JsonTexts& json) const;
  void write_relationship(std::uint32_t id, std::int64_t parallel, NodeLinkWriter& out, const JsonTexts& json) const;
  Map graph_attributes() const;
  // networkx's multigraph key of each relationship, by id: its index among
  // those joining the same source to the same target.
  std::vector<std::uint32_t> multigraph_keys() const;

  // The articles' texts, shared by copies of the merger (the views point
  // into them), and where each article's begin.
  TextArena texts_;
  std::vector<const char*> article_texts_;
  std::vector<Article> articles_;
  IdIndex document_ids_;
  ChunkedVector<Node> nodes_;
  ChunkedVector<NodeExtras> node_extras_;
  ChunkedVector<Key> keys_;  // by KeyId
  IdIndex key_ids_;
  ChunkedVector<Relationship> relationships_;
  ChunkedVector<std::vector<Statement>> later_statements_;
  ChunkedVector<Deal> deals_;
  IdIndex relationship_ids_;  // by Ends
  std::size_t expected_articles_ = 0;
  std::vector<std::string> types_;
  std::vector<std::string> deal_words_{""};
  struct RelationKey {
    Ends ends;
    std::uint64_t hash = 0;
  };
  // A relation type's text in the article being added, and its type_id().
  struct ArticleType {
    TextRef text;
    std::uint32_t id = 0;
  };
  // Scratch space of add(), kept to spare allocations.
  std::vector<KeyId> alias_keys_;
  std::vector<std::uint32_t> article_nodes_;
  std::vector<RelationKey> relation_keys_;
  std::vector<ArticleType> article_types_;
};

}  // namespace kg::extract
