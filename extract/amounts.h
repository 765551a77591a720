// Attribute extraction: sums of money in a sentence, in every usual form —
// "entre 15 et 25 milliards de dollars", "plus de 15 milliards", "1,5 Md€",
// "$10bn", "€450m", "8 000 euros", "between $2 and $3 billion". Multipliers,
// currencies and qualifiers ("plus de", "up to", "environ") come from the rule
// files (`multiplier`, `currency`, `amount` lines). Sums introduced by a word of
// class AMOUNT_EXCLUDE (valuations, revenue) are skipped.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/rule_file.h"

namespace kg::extract {

// One sum of money: tokens [first, last) and its bounds in units.
struct Amount {
  std::size_t first = 0;
  std::size_t last = 0;
  std::optional<double> min;  // "plus de 15 milliards" sets only min
  std::optional<double> max;  // "jusqu'à 2 millions" sets only max
  std::string currency;       // ISO 4217
};

// The sums of money in tokens [first, last) of doc, in text order.
std::vector<Amount> find_amounts(const Document& doc, std::size_t first, std::size_t last,
                                 const RuleSet& rules);

// The value of a number token: "1,5" → 1.5, "2.25" → 2.25, "1,000" → 1000
// (three digits after a comma are thousands in English).
double number_value(const std::string& text, const std::string& language);

}  // namespace kg::extract
