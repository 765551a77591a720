// What one article adds to the merged graph, with every string the merge
// needs already made: folded keys and their hashes, evidence sentences. Built
// on the worker thread that extracted the article, so that the serial merge
// (merge.h) only looks keys up and appends. The strings live in one buffer
// per article, which the merge copies whole into its arena (text_arena.h)
// instead of allocating, moving and freeing each string on its single thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"
#include "extract/rule_file.h"

namespace kg::extract {

// Where a string lies in ArticleGraph::texts.
struct TextRef {
  std::uint32_t offset = 0;
  std::uint32_t size = 0;
};

// A name or description of an entity with its kg::fold_key, and the key's
// hash (key_hash()).
struct FoldedForm {
  TextRef text;
  TextRef key;
  std::uint64_t key_hash = 0;
};

// One entity of the article, as a node candidate. Its other names (matched
// against other articles) and then its descriptions (kept as aliases, never
// matched) are ArticleGraph::forms[first_form, first_form + alias_count +
// description_count).
struct ArticleNode {
  EntityType type = EntityType::Organization;
  FoldedForm name;
  std::uint32_t first_form = 0;
  std::uint32_t alias_count = 0;
  std::uint32_t description_count = 0;
  // The first mention (check_article caps an article at 16 MiB: its offsets fit).
  std::uint32_t sentence = 0;
  std::uint32_t start = 0;
  std::uint32_t end = 0;
};

// One relation of the article.
struct ArticleRelation {
  TextRef type;  // INVESTS_IN
  bool symmetric = false;
  std::uint32_t subject = 0;  // indexes into ArticleGraph::nodes
  std::uint32_t object = 0;
  std::uint32_t sentence = 0;
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  TextRef rule;
  TextRef evidence;  // the sentence
  // The deal's attributes (DealAttributes), the words as texts; empty when unknown.
  std::optional<double> amount_min, amount_max;
  TextRef currency, status;
};

// An article reduced to what the graph keeps of it.
struct ArticleGraph {
  std::string document;
  std::string date;
  std::vector<ArticleNode> nodes;  // one per Document::entities, same order
  std::vector<FoldedForm> forms;   // the nodes' aliases and descriptions
  std::vector<ArticleRelation> relations;
  std::string texts;  // every string a TextRef points into

  // Appends `text` to texts.
  TextRef add_text(std::string_view text);
  // Appends `text` and its fold_key.
  FoldedForm add_form(std::string_view text);
  // Appends a node named `name` with those aliases and descriptions; the
  // first mention is left at 0.
  ArticleNode& add_node(EntityType type, std::string_view name, const std::vector<std::string>& aliases = {},
                        const std::vector<std::string>& descriptions = {});
  // Appends a node for `entity`, with the folded keys it carries (see
  // Entity), and its first mention.
  ArticleNode& add_node(const Entity& entity);

  std::string_view text(TextRef ref) const { return std::string_view(texts).substr(ref.offset, ref.size); }
};

// The hash under which the merge indexes a folded key (64 bits, mixed eight
// bytes at a time).
std::uint64_t key_hash(std::string_view key);

// The nodes and relations of an extracted article.
ArticleGraph make_article_graph(const Document& doc, const RuleSet& rules);
// The same, made in `out`, whatever it held before: its lists of nodes,
// forms and relations and its text buffer keep their memory, for a caller
// that makes one article after another (the merge copies the strings out,
// see GraphMerger::add).
void make_article_graph(const Document& doc, const RuleSet& rules, ArticleGraph& out);

}  // namespace kg::extract
