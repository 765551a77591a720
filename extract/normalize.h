// Stage 1: text normalisation. Unicode NFC, typographic apostrophes and quotes
// made plain, non-breaking and other exotic spaces made ordinary, and the
// optional first line "date YYYY-MM" taken out as metadata.
#pragma once

#include <string>
#include <string_view>

namespace kg::extract {

// The text in NFC with ’ ‘ ʼ → ', « » “ ” „ → ", every Unicode space
// (no-break, narrow no-break, thin ...) → ' ', and a leading BOM dropped.
// Precondition: `raw` is valid UTF-8.
std::string normalize_text(std::string_view raw);

// An article split into its metadata line and its body.
struct ArticleText {
  std::string date;             // "YYYY-MM", empty without a date line
  std::string body;             // the normalised text after the date line
  std::size_t body_offset = 0;  // code points of the normalised text before `body`
};

// Normalises `raw` and takes out a leading "date YYYY-MM" (spaces before it
// allowed; the body may start on the same line or the next).
ArticleText split_article(std::string_view raw);

}  // namespace kg::extract
