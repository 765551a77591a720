#include "extract/sentence_splitter.h"

#include <cstring>

namespace kg::extract {

namespace {

// Finds line breaks between tokens without reading the text between every
// two of them: it keeps the first line break at or after the last byte it
// was asked from, and looks for the next one (memchr) only past it. No token
// holds a line break, so one lies between two tokens exactly when the first
// one after the end of the first token comes before the start of the second.
class LineBreaks {
 public:
  explicit LineBreaks(std::string_view text) : text_(text) {}

  bool between(const Token& a, const Token& b) { return first_from(a.end) < b.start; }

 private:
  // The offset of the first '\n' at or after `pos`, or the text's size.
  std::size_t first_from(std::size_t pos) {
    if (pos < from_ || pos > at_) {
      const void* found = pos < text_.size() ? std::memchr(text_.data() + pos, '\n', text_.size() - pos) : nullptr;
      at_ = found ? static_cast<std::size_t>(static_cast<const char*>(found) - text_.data()) : text_.size();
      from_ = pos;
    }
    return at_;
  }

  std::string_view text_;
  std::size_t from_ = 1;  // the first '\n' at or after from_ is at_: none asked yet
  std::size_t at_ = 0;
};

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
  LineBreaks line_breaks(text);
  // The tokens through locals: a sentence pushed could, for the compiler,
  // move the vector's storage, which it would then reload at every token.
  const Token* const tok = tokens.data();
  const std::size_t count = tokens.size();
  std::size_t begin = 0;
  auto close = [&](std::size_t end) {
    if (end > begin) sentences.push_back({begin, end});
    begin = end;
  };
  for (std::size_t i = 0; i < count; ++i) {
    if (i > begin && line_breaks.between(tok[i - 1], tok[i])) close(i);
    if (!is_terminal(tok[i])) continue;
    std::size_t end = i + 1;
    // Closing quotes glued to the mark belong to this sentence.
    while (end < count && is_closing(tok[end]) && tok[end].start == tok[end - 1].end) ++end;
    if (end >= count) break;
    if (line_breaks.between(tok[end - 1], tok[end])) continue;  // handled above
    if (!opens_sentence(tok[end]) || tok[end].start == tok[end - 1].end) continue;
    if (std::string_view(tok[i].text) == "." && i > begin) {
      const Token& before = tok[i - 1];
      bool initial = before.is_word && before.capitalized && before.text.size() == 1;
      if (initial || abbreviations.count(before.key)) continue;
    }
    close(end);
    i = end - 1;
  }
  close(count);
  return sentences;
}

}  // namespace kg::extract
