// Shared set-up for the extractor tests: run the pipeline up to a stage.
#pragma once

#include <string>

#include "extract/coreference.h"
#include "extract/document.h"
#include "extract/mentions.h"
#include "extract/normalize.h"
#include "extract/rule_file.h"
#include "extract/sentence_splitter.h"
#include "extract/tokenizer.h"
#include "extract/typing.h"

namespace kg::extract::test {

// The built-in rules, loaded once.
inline const RuleBook& rules() {
  static const RuleBook book = RuleBook::built_in();
  return book;
}

enum class Upto { Sentences, Mentions, Types, Coreference };

// A document of `text` in `language`, taken through the stages up to `upto`.
inline Document prepare(const std::string& text, const std::string& language, Upto upto) {
  Document doc;
  doc.name = "test";
  doc.language = language;
  doc.text = normalize_text(text);
  doc.tokens = tokenize(doc.text);
  const RuleSet& set = *rules().find(language);
  doc.sentences = split_sentences(doc.text, doc.tokens, set.word_class("ABBREVIATIONS"));
  if (upto == Upto::Sentences) return doc;
  detect_mentions(doc, set);
  if (upto == Upto::Mentions) return doc;
  assign_types(doc, set);
  if (upto == Upto::Types) return doc;
  resolve_coreference(doc, set);
  return doc;
}

// The text of every mention, in order, joined by '|'.
inline std::string mention_texts(const Document& doc) {
  std::string out;
  for (const Mention& m : doc.mentions) out += (out.empty() ? "" : "|") + doc.span_text(m.first, m.last);
  return out;
}

// The entity whose name is `name`, or nullptr.
inline const Entity* entity_named(const Document& doc, const std::string& name) {
  for (const Entity& e : doc.entities)
    if (e.name == name) return &e;
  return nullptr;
}

}  // namespace kg::extract::test
