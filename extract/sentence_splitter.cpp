#include "extract/sentence_splitter.h"

#include <cstring>

namespace kg::extract {

namespace {

// The offset of the first '\n' of `text` at or after `pos`, or the text's size.
std::size_t line_break_from(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return text.size();
  const void* found = std::memchr(text.data() + pos, '\n', text.size() - pos);
  return found ? static_cast<std::size_t>(static_cast<const char*>(found) - text.data()) : text.size();
}

// Token texts are tested by their size and first byte: a word, most tokens,
// is not even read, and a mark is one byte or a three-byte code point.
bool is_terminal(const Token& t) {
  if (t.is_word) return false;
  std::string_view text = t.text;
  if (text.size() == 1) return text[0] == '.' || text[0] == '!' || text[0] == '?';
  return text == "\xE2\x80\xA6";
}

bool is_closing(const Token& t) {
  std::string_view text = t.text;
  return text.size() == 1 && (text[0] == '"' || text[0] == ')');
}

// A token that may begin a sentence.
bool opens_sentence(const Token& t) {
  if (t.capitalized || t.all_caps || t.is_number) return true;
  std::string_view text = t.text;
  if (text.size() == 1) return text[0] == '"' || text[0] == '(' || text[0] == '-';
  return text == "\xE2\x80\x94" || text == "\xE2\x80\x93";
}

}  // namespace

void split_sentences(std::string_view text, const std::vector<Token>& tokens,
                     const WordSet& abbreviations, std::vector<Sentence>& sentences) {
  sentences.clear();
  // Room for a sentence every 8 tokens, fewer than most texts have: one
  // allocation instead of one at every doubling.
  sentences.reserve(tokens.size() / 8 + 1);
  // The tokens through locals: a sentence pushed could, for the compiler,
  // move the vector's storage, which it would then reload at every token.
  const Token* const tok = tokens.data();
  const std::size_t count = tokens.size();
  // The first line break at or after the end of the token before tok[i]: no
  // token holds one, so one lies between that token and tok[i] exactly when
  // tok[i] starts past it. A compare per token; memchr runs once a line.
  std::size_t line_break = line_break_from(text, 0);
  std::size_t begin = 0;
  auto close = [&](std::size_t end) {
    if (end > begin) sentences.push_back({begin, end});
    begin = end;
  };
  for (std::size_t i = 0; i < count; ++i) {
    // Words, most tokens, end no sentence: past them in a loop of their own
    // up to a line break, with nothing but `i` and `line_break` to keep.
    while (i < count && tok[i].is_word && tok[i].start <= line_break) ++i;
    if (i == count) break;
    if (tok[i].start > line_break) {
      close(i);
      line_break = line_break_from(text, tok[i].end);
    }
    if (!is_terminal(tok[i])) continue;
    std::size_t end = i + 1;
    // Closing quotes glued to the mark belong to this sentence.
    while (end < count && is_closing(tok[end]) && tok[end].start == tok[end - 1].end) ++end;
    if (end >= count) break;
    if (tok[end].start > line_break) continue;  // a line break: handled above
    if (!opens_sentence(tok[end]) || tok[end].start == tok[end - 1].end) continue;
    if (std::string_view(tok[i].text) == "." && i > begin) {
      const Token& before = tok[i - 1];
      bool initial = before.is_word && before.capitalized && before.text.size() == 1;
      if (initial || abbreviations.has_word(before)) continue;
    }
    close(end);
    i = end - 1;
  }
  close(count);
}

std::vector<Sentence> split_sentences(std::string_view text, const std::vector<Token>& tokens,
                                      const WordSet& abbreviations) {
  std::vector<Sentence> sentences;
  split_sentences(text, tokens, abbreviations, sentences);
  return sentences;
}

}  // namespace kg::extract
