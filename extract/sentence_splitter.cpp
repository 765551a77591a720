#include "extract/sentence_splitter.h"

namespace kg::extract {

namespace {

bool line_break_between(std::string_view text, const Token& a, const Token& b) {
  for (std::size_t i = a.end; i < b.start; ++i)
    if (text[i] == '\n') return true;
  return false;
}

// Token texts are compared as views: a length test settles most tokens
// without a call to compare, and a word, most tokens, is not even read.
bool is_terminal(const Token& t) {
  if (t.is_word) return false;
  std::string_view text = t.text;
  return text == "." || text == "!" || text == "?" || text == "\xE2\x80\xA6";
}

bool is_closing(const Token& t) {
  std::string_view text = t.text;
  return text == "\"" || text == ")";
}

// A token that may begin a sentence.
bool opens_sentence(const Token& t) {
  std::string_view text = t.text;
  return t.capitalized || t.all_caps || t.is_number || text == "\"" || text == "(" || text == "-" ||
         text == "\xE2\x80\x94" || text == "\xE2\x80\x93";
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text, const std::vector<Token>& tokens,
                                      const std::unordered_set<std::string>& abbreviations) {
  std::vector<Sentence> sentences;
  std::size_t begin = 0;
  auto close = [&](std::size_t end) {
    if (end > begin) sentences.push_back({begin, end});
    begin = end;
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i > begin && line_break_between(text, tokens[i - 1], tokens[i])) close(i);
    if (!is_terminal(tokens[i])) continue;
    std::size_t end = i + 1;
    // Closing quotes glued to the mark belong to this sentence.
    while (end < tokens.size() && is_closing(tokens[end]) && tokens[end].start == tokens[end - 1].end) ++end;
    if (end >= tokens.size()) break;
    if (line_break_between(text, tokens[end - 1], tokens[end])) continue;  // handled above
    if (!opens_sentence(tokens[end]) || tokens[end].start == tokens[end - 1].end) continue;
    if (std::string_view(tokens[i].text) == "." && i > begin) {
      const Token& before = tokens[i - 1];
      bool initial = before.is_word && before.capitalized && before.text.size() == 1;
      if (initial || abbreviations.count(before.key)) continue;
    }
    close(end);
    i = end - 1;
  }
  close(tokens.size());
  return sentences;
}

}  // namespace kg::extract
