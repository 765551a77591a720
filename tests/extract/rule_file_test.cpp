#include <doctest/doctest.h>

#include <string>
#include <unordered_set>
#include <vector>

#include "extract/rule_file.h"
#include "extract/tokenizer.h"
#include "extract/vocabulary.h"

using namespace kg::extract;

TEST_CASE("a rule file declares classes, relations, rules, places and amounts") {
  RuleBook book;
  book.load(R"(
language fr
define GIVE = donne* offre
  cède                      # an indented line continues the previous one
relation sponsors deal
rule sponsors: S:Organization @GIVE _{0,3} (à|au) O:*
type Product: logiciel T:*
place Norvège | Norway : norvégien norvégienne
multiplier 1e6: millions
currency NOK: couronnes
amount at-least: plus de
)", "test.rules");
  const RuleSet* fr = book.find("fr");
  REQUIRE(fr != nullptr);
  CHECK(fr->word_class("GIVE").contains("donnent"));
  CHECK(fr->word_class("GIVE").contains("cede"));
  CHECK_FALSE(fr->word_class("GIVE").contains("prend"));
  CHECK(fr->relations.at("sponsors").graph_type == "SPONSORS");
  CHECK(fr->relations.at("sponsors").deal);
  REQUIRE(fr->rules.size() == 2);
  CHECK(fr->rules[0].origin == "test.rules:6");
  CHECK(fr->rules[1].action == Rule::Action::Type);
  CHECK(fr->places[0].names[1] == "Norway");
  CHECK(fr->place_adjectives.at("norvegienne") == 0);
  CHECK(fr->scales.at("millions") == 1e6);
  CHECK(fr->currencies.at("couronnes") == "NOK");
  // The same by word number, as the amount parser reads them.
  CHECK(fr->scale_by_word.at(vocabulary::intern("millions")) == 1e6);
  CHECK(fr->currency_by_word.at(vocabulary::intern("couronnes")) == "NOK");
  CHECK(fr->amount_cues[0].keys == std::vector<std::string>{"plus", "de"});
}

TEST_CASE("patterns: words, stems, classes, entity slots, groups and repeats") {
  std::unordered_map<std::string, WordSet> classes;
  classes["DET"].words = {"le", "la"};
  Pattern p = parse_pattern("S:Organization|Person @DET? invest* (dans|en)? ( au capital | chez ){0,1} o:* _{0,3} ~", classes, "x");
  REQUIRE(p.size() == 8);
  CHECK(p[0].kind == PatternNode::Kind::Entity);
  CHECK(p[0].role == 'S');
  CHECK(p[0].types.size() == 2);
  CHECK(p[0].coordinated);
  CHECK(p[1].min == 0);
  CHECK(p[2].words.stems == std::vector<std::string>{"invest"});
  CHECK(p[3].kind == PatternNode::Kind::Words);  // a group of one word element is that element
  CHECK(p[3].min == 0);
  CHECK(p[3].words.words.count("dans"));
  CHECK(p[4].kind == PatternNode::Kind::Group);
  CHECK(p[4].alternatives.size() == 2);
  CHECK(p[5].role == 'O');
  CHECK_FALSE(p[5].coordinated);
  CHECK(p[5].types.empty());
  CHECK(p[6].kind == PatternNode::Kind::Any);
  CHECK(p[6].max == 3);
  CHECK(p[7].kind == PatternNode::Kind::AnyItem);
}

TEST_CASE("patterns: nested groups closed together, and gaps that exclude words") {
  std::unordered_map<std::string, WordSet> classes;
  classes["NEG"].words = {"pas"};
  Pattern p = parse_pattern("S:* (, (qui|que))? _!par|@NEG{0,4} O:*", classes, "x");
  REQUIRE(p.size() == 4);
  CHECK(p[1].kind == PatternNode::Kind::Group);
  CHECK(p[1].min == 0);
  REQUIRE(p[1].alternatives.size() == 1);
  REQUIRE(p[1].alternatives[0].size() == 2);
  CHECK(p[1].alternatives[0][1].words.words.count("qui"));
  CHECK(p[2].kind == PatternNode::Kind::Any);
  CHECK(p[2].max == 4);
  CHECK(p[2].words.words == std::unordered_set<std::string>{"par", "pas"});
  CHECK_THROWS_AS(parse_pattern("S:* (a (b|c)))? O:*", classes, "x"), RuleError);
}

TEST_CASE("a sealed pattern says how each element may begin") {
  std::unordered_map<std::string, WordSet> classes;
  using Begin = PatternNode::Begin;
  Pattern p = parse_pattern("S:* dans invest* (le|la O:* | ce) ( au capital | _ chez ) _ ~", classes, "x");
  REQUIRE(p.size() == 7);
  CHECK(p[0].begin == Begin::Entity);
  CHECK(p[1].begin == Begin::Word);
  CHECK(p[2].begin == Begin::Other);  // a stem asks for the token's key
  // Every alternative begins with a required word: one test of their words.
  CHECK(p[3].begin == Begin::GroupWords);
  for (const char* word : {"le", "la", "ce"}) CHECK(p[3].first_words.has_number(vocabulary::intern(word)));
  CHECK_FALSE(p[3].first_words.has_number(vocabulary::intern("dans")));
  CHECK(p[4].begin == Begin::Other);  // "_ chez" may begin anywhere
  CHECK(p[5].begin == Begin::Anywhere);
  CHECK(p[6].begin == Begin::Anywhere);
}

TEST_CASE("lines before any `language` go to every language, even ones added later") {
  RuleBook book;
  book.load("define SHARED = commun\nlanguage fr\ndefine ONLY = seul\n", "a.rules");
  book.load("language en\n", "b.rules");
  CHECK(book.find("fr")->word_class("SHARED").contains("commun"));
  CHECK(book.find("en")->word_class("SHARED").contains("commun"));
  CHECK_FALSE(book.find("en")->word_class("ONLY").contains("seul"));
}

TEST_CASE("mistakes are reported with file and line") {
  RuleBook book;
  CHECK_THROWS_WITH_AS(book.load("language fr\nrule unknown-rel: S:* x O:*\n", "bad.rules"),
                       "bad.rules:2: undeclared relation unknown-rel", RuleError);
  CHECK_THROWS_WITH_AS(book.load("language fr\ntype Robot: x T:*\n", "bad.rules"),
                       "bad.rules:2: unknown entity type Robot", RuleError);
  CHECK_THROWS_AS(book.load("language fr\nrule x: ( a b\n", "bad.rules"), RuleError);
  CHECK_THROWS_AS(book.load("frobnicate\n", "bad.rules"), RuleError);
}

TEST_CASE("the built-in rules load and declare the six relations in both languages") {
  RuleBook book = RuleBook::built_in();
  for (const char* lang : {"fr", "en"}) {
    const RuleSet* set = book.find(lang);
    REQUIRE(set != nullptr);
    for (const char* rel : {"invests-in", "founded", "competes-with", "part-of", "created", "based-in"})
      CHECK(set->relations.count(rel) == 1);
    CHECK(set->relations.at("competes-with").symmetric);
  }
}

TEST_CASE("a word class finds a token by its hash exactly as it finds its key") {
  RuleBook book = RuleBook::built_in();
  std::vector<Token> tokens =
      tokenize("Selon le PDG, la start-up a investi 5 millions d'euros dans l'usine et il n'en cède rien. "
               "The firm invested $2bn in its rival, and the chips are not for sale.");
  for (const std::string& language : book.languages())
    for (const auto& [class_name, words] : book.find(language)->classes)
      for (const Token& t : tokens) {
        const std::string& name = class_name;  // clang 14 cannot capture a structured binding in INFO
        INFO(language << " @" << name << " " << t.key);
        CHECK(words.contains(t) == words.contains(t.key));
        CHECK(words.has_word(t) == (words.words.count(t.key) == 1));
      }
  // And so do a pattern's word elements.
  Pattern p = parse_pattern("invest* dans|in", book.find("fr")->classes, "test");
  std::vector<std::string> stem, word;
  for (const Token& t : tokens) {
    if (p[0].words.contains(t)) stem.push_back(t.text);
    if (p[1].words.contains(t)) word.push_back(t.text);
  }
  CHECK(stem == std::vector<std::string>{"investi", "invested"});
  CHECK(word == std::vector<std::string>{"dans", "in"});
}

TEST_CASE("the known classes are the classes of those names, reloaded with the rules") {
  RuleBook book;
  book.load("language fr\ndefine NEGATION = pas | jamais\n", "test");
  const KnownClasses& known = book.find("fr")->known();
  CHECK(known.negation.words == std::unordered_set<std::string>{"pas", "jamais"});
  CHECK(known.denial.words.empty());  // not defined
  book.load("language fr\ndefine DENIAL = nie\n", "more");
  CHECK(book.find("fr")->known().denial.words == std::unordered_set<std::string>{"nie"});
  CHECK(book.find("fr")->known().negation.words.size() == 2);
}

TEST_CASE("the relation cues of a word are read by its number") {
  RuleBook book;
  book.load("language fr\ndefine NEGATION = pas\ndefine STATUS_TALKS = pourparlers\n"
            "define STATUS_COMPLETED = investi pourparlers\ndefine DENIAL = nie\n", "test");
  const KnownClasses& known = book.find("fr")->known();
  auto cues = [&](const char* word) {
    std::uint32_t number = vocabulary::intern(word);
    return number < known.relation_cues.size() ? known.relation_cues[number] : 0;
  };
  CHECK(cues("pas") == KnownClasses::kNegationCue);
  CHECK(cues("nie") == KnownClasses::kDenialCue);
  CHECK(cues("investi") == KnownClasses::kStatusCue << 3);
  CHECK(cues("pourparlers") == (KnownClasses::kStatusCue | KnownClasses::kStatusCue << 3));
  CHECK(cues("dans") == 0);
}

TEST_CASE("the pronoun cues of a word are read by its number") {
  RuleBook book;
  book.load("language fr\ndefine PRONOUN_PERSON = il elle\ndefine PRONOUN_ANY = elle\n"
            "define POSSESSIVE = son\ndefine POSSESSED = modèle\n", "test");
  const KnownClasses& known = book.find("fr")->known();
  auto cues = [&](const char* word) {
    std::uint32_t number = vocabulary::intern(word);
    return number < known.pronoun_cues.size() ? known.pronoun_cues[number] : 0;
  };
  CHECK(cues("il") == KnownClasses::kPersonPronoun);
  CHECK(cues("elle") == (KnownClasses::kPersonPronoun | KnownClasses::kAnyPronoun));
  CHECK(cues("son") == KnownClasses::kPossessive);
  CHECK(cues("modèle") == 0);  // a possessed word is tested by its class
  CHECK(cues("dans") == 0);
}

TEST_CASE("the mention cues of a word are read by its number") {
  RuleBook book;
  book.load("language fr\ndefine GOVERNMENT = gouvernement\nplace Norvège | Norway : norvégien norvégienne\n"
            "place Nouvelle-Zélande | New Zealand : néo-zélandais\n", "test");
  const KnownClasses& known = book.find("fr")->known();
  auto cues = [&](const char* word) {
    std::uint32_t number = vocabulary::intern(word);
    return number < known.mention_cues.size() ? known.mention_cues[number] : 0;
  };
  // By their keys: lower case, without accents.
  CHECK(cues("gouvernement") == KnownClasses::kLowerCaseStart);
  CHECK(cues("norvegienne") == KnownClasses::kLowerCaseStart);
  CHECK(cues("norvege") == KnownClasses::kPlaceNameStart);
  CHECK(cues("new") == KnownClasses::kPlaceNameStart);  // the first word of a name
  CHECK(cues("zealand") == 0);
  CHECK(cues("dans") == 0);
}
