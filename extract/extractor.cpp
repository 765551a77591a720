#include "extract/extractor.h"

#include "extract/coreference.h"
#include "extract/language.h"
#include "extract/mentions.h"
#include "extract/normalize.h"
#include "extract/relations.h"
#include "extract/sentence_splitter.h"
#include "extract/tokenizer.h"
#include "extract/typing.h"

namespace kg::extract {

Document extract_document(const std::string& name, std::string_view raw, const RuleBook& rules,
                          const std::string& language) {
  Document doc;
  extract_document(name, raw, rules, language, doc);
  return doc;
}

void extract_document(const std::string& name, std::string_view raw, const RuleBook& rules,
                      const std::string& language, Document& doc) {
  // Every stage fills its own vectors, but a stage may read those of a later
  // one (a mention's entity): none may see the previous article's. The
  // entities are left to coreference, which rewrites them in their memory.
  doc.mentions.clear();
  doc.relations.clear();
  doc.name = name;
  ArticleText article = split_article(raw);
  doc.text = std::move(article.body);
  doc.date = std::move(article.date);
  doc.body_offset = article.body_offset;
  tokenize(doc.text, doc.tokens);
  doc.language = language == "auto" ? detect_language(doc.tokens, rules) : language;
  const RuleSet* set = rules.find(doc.language);
  if (!set) throw RuleError("no rules for language '" + doc.language + "'");
  split_sentences(doc.text, doc.tokens, set->known().abbreviations, doc.sentences);
  detect_mentions(doc, *set);
  assign_types(doc, *set);
  resolve_coreference(doc, *set);
  extract_relations(doc, *set);
}

}  // namespace kg::extract
