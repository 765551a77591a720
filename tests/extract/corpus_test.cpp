#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "extract/corpus.h"
#include "extract/extractor.h"
#include "graph/node_link_json.h"
#include "helpers.h"
#include "scratch_folder.h"

using namespace kg::extract;
namespace fs = std::filesystem;

TEST_CASE("folders are searched recursively for *.txt, sorted; missing paths are errors") {
  test::ScratchFolder f("kg_extract_test", {"sub"});
  f.write("b.txt", "Brakko recrute.");
  f.write("sub/a.txt", "Zorvex recrute.");
  f.write("notes.md", "ignored");
  std::vector<std::string> errors;
  auto inputs = collect_inputs({f.root.string(), (f.root / "missing.txt").string()}, errors);
  REQUIRE(inputs.size() == 2);
  CHECK(inputs[0].path == (f.root / "b.txt").string());
  CHECK(inputs[1].path == (f.root / "sub/a.txt").string());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("missing.txt: no such file") != std::string::npos);
}

TEST_CASE("a folder's articles come in the order of their whole paths sorted, whatever the names") {
  // Names whose bytes sort around '/': '-', ' ' and '.' before it, '0' after.
  test::ScratchFolder f("kg_extract_test", {"ab", "ab-c", "ab0", "ab/in"});
  for (const char* name : {"ab.txt", "ab/z.txt", "ab/in/y.txt", "ab/in.txt", "ab-c/y.txt", "a b.txt", "ab0/x.txt", "ab0.txt"})
    f.write(name, "x");
  std::vector<std::string> errors;
  auto inputs = collect_inputs({f.root.string()}, errors);
  CHECK(errors.empty());
  std::vector<std::string> paths;
  for (const Input& in : inputs) paths.push_back(in.path);
  std::vector<std::string> sorted = paths;
  std::sort(sorted.begin(), sorted.end());
  CHECK(paths.size() == 8);
  CHECK(paths == sorted);
}

TEST_CASE("a folder's articles: *.txt names, links to files followed, links to folders not") {
  test::ScratchFolder f("kg_extract_test", {"sub"});
  f.write("a.b.txt", "x");
  f.write(".txt", "a hidden file with no extension");
  f.write("upper.TXT", "x");
  f.write("sub/deeper.txt", "x");
  fs::create_directories(f.root / "sub" / "deep");
  f.write("sub/deep/deepest.txt", "x");
  fs::create_directories(f.root / "elsewhere");
  f.write("elsewhere/linked.txt", "x");
  fs::create_symlink(f.root / "elsewhere" / "linked.txt", f.root / "sub" / "link.txt");
  fs::create_directory_symlink(f.root / "elsewhere", f.root / "sub" / "folder-link");
  std::vector<std::string> errors;
  std::string root = f.root.string();
  auto inputs = collect_inputs({root + "/sub/"}, errors);
  CHECK(errors.empty());
  std::vector<std::string> paths;
  for (const Input& in : inputs) paths.push_back(in.path);
  CHECK(paths == std::vector<std::string>{root + "/sub/deep/deepest.txt", root + "/sub/deeper.txt",
                                          root + "/sub/link.txt"});
  inputs = collect_inputs({root}, errors);
  CHECK(errors.empty());
  REQUIRE(inputs.size() == 5);
  CHECK(inputs[0].path == root + "/a.b.txt");
  CHECK(inputs[1].path == root + "/elsewhere/linked.txt");
  // A link pointing nowhere is not an article.
  fs::create_symlink(f.root / "nowhere", f.root / "sub" / "broken.txt");
  CHECK(collect_inputs({root}, errors).size() == 5);
  CHECK(errors.empty());
}

TEST_CASE("bad articles are named and refused; the others are still extracted") {
  CHECK(check_article("") == "empty file");
  CHECK(check_article(" \n") == "empty file");
  CHECK(check_article(std::string("ab\0cd", 5)) == "binary file (NUL bytes)");
  CHECK(check_article("caf\xC3") == "invalid UTF-8 at byte 3");
  CHECK(check_article("Brakko recrute.").empty());

  test::ScratchFolder f("kg_extract_test", {"sub"});
  std::vector<Input> inputs{{"good", f.write("good.txt", "Zeta Capital a investi dans Brakko.")},
                            {"empty", f.write("empty.txt", "")},
                            {"latin1", f.write("latin1.txt", "caf\xE9")}};
  CorpusResult result = extract_corpus(inputs, test::rules(), {});
  CHECK(result.articles == 1);
  REQUIRE(result.errors.size() == 2);
  CHECK(result.errors[0] == "empty: empty file");
  CHECK(result.errors[1].rfind("latin1: invalid UTF-8", 0) == 0);
  CHECK(result.merged.relationship_count() == 1);
}

TEST_CASE("the graph does not depend on the number of threads") {
  test::ScratchFolder f("kg_extract_test", {"sub"});
  std::vector<Input> inputs;
  for (int i = 0; i < 12; ++i)
    inputs.push_back({"doc" + std::to_string(i),
                      f.write("d" + std::to_string(i) + ".txt",
                              "Zeta Capital a investi dans Brakko " + std::to_string(i) + ". Lorna Vettel a fondé Orlo Data.")});
  CorpusOptions one, four;
  four.threads = 4;
  std::size_t calls = 0;
  four.progress = [&](std::size_t done, std::size_t total) {
    ++calls;
    CHECK(done <= total);
  };
  std::string a = kg::to_node_link(extract_corpus(inputs, test::rules(), one).merged.take());
  std::string b = kg::to_node_link(extract_corpus(inputs, test::rules(), four).merged.take());
  CHECK(a == b);
  CHECK(calls == inputs.size());
}

TEST_CASE("many articles, some refused: each extracted as if alone, each refused named") {
  // More articles than the merging thread takes at once (32), so that the
  // workers make later articles in the outcomes of earlier ones.
  test::ScratchFolder f("kg_extract_test", {"sub"});
  std::vector<Input> inputs;
  GraphMerger alone;
  for (int i = 0; i < 100; ++i) {
    std::string name = "doc" + std::to_string(i);
    std::string text = i % 7 == 3 ? ""
                       : i % 2   ? "Zeta Capital a investi dans Brakko " + std::to_string(i) + "."
                                 : "Orlen Systems, the Oslo-based firm, acquired Vantor " + std::to_string(i) +
                                     ". The company said Orlen would keep the brand.";
    inputs.push_back({name, f.write("d" + std::to_string(i) + ".txt", text)});
    if (text.empty()) continue;
    Document doc = extract_document(name, text, test::rules());
    alone.add(doc, *test::rules().find(doc.language));
  }
  std::string expected = kg::to_node_link(alone.take());
  CorpusOptions two;
  two.threads = 2;
  for (const CorpusOptions& options : {CorpusOptions{}, two}) {
    CorpusResult result = extract_corpus(inputs, test::rules(), options);
    CHECK(result.articles == 86);
    REQUIRE(result.errors.size() == 14);
    CHECK(result.errors[0] == "doc3: empty file");
    CHECK(result.errors[13] == "doc94: empty file");
    CHECK(kg::to_node_link(result.merged.take()) == expected);
  }
}
