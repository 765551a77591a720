#include "extract/corpus.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "extract/article_graph.h"
#include "extract/extractor.h"
#include "extract/file_reader.h"
#include "graph/text_fold.h"

namespace kg::extract {

namespace fs = std::filesystem;

namespace {

// Appends the *.txt files under `folder` (a path ending in '/') to `found`,
// as recursive_directory_iterator would list them (symbolic links to folders
// not followed, to files followed), but with one readdir per entry and no
// fs::path built: a corpus folder holds tens of thousands of articles, listed
// before any worker starts. False, with `error` set, if a folder cannot be read.
bool find_articles(const std::string& folder, std::vector<std::string>& found, std::error_code& error) {
  DIR* dir = opendir(folder.c_str());
  if (dir == nullptr) {
    error.assign(errno, std::generic_category());
    return false;
  }
  std::vector<std::string> subfolders;
  while (true) {
    errno = 0;
    const dirent* entry = readdir(dir);
    if (entry == nullptr) break;
    std::string_view name = entry->d_name;
    if (name == "." || name == "..") continue;
    unsigned char type = entry->d_type;
    struct stat status;
    if (type == DT_UNKNOWN) {
      if (lstat((folder + entry->d_name).c_str(), &status) != 0) continue;  // gone since listed
      type = S_ISREG(status.st_mode) ? DT_REG : S_ISDIR(status.st_mode) ? DT_DIR : S_ISLNK(status.st_mode) ? DT_LNK : 0;
    }
    if (type == DT_LNK) {
      // What the link points to decides; one pointing nowhere is skipped.
      type = stat((folder + entry->d_name).c_str(), &status) == 0 && S_ISREG(status.st_mode) ? DT_REG : 0;
    }
    // ".txt" alone is a name without an extension.
    if (type == DT_REG && name.size() > 4 && name.ends_with(".txt")) found.push_back(folder + entry->d_name);
    else if (type == DT_DIR) subfolders.push_back(folder + entry->d_name + '/');
  }
  int read_error = errno;
  closedir(dir);
  if (read_error != 0) {
    error.assign(read_error, std::generic_category());
    return false;
  }
  for (const std::string& sub : subfolders)
    if (!find_articles(sub, found, error)) return false;
  return true;
}

}  // namespace

std::vector<Input> collect_inputs(const std::vector<std::string>& arguments, std::vector<std::string>& errors) {
  std::vector<Input> inputs;
  for (const std::string& arg : arguments) {
    if (arg == "-") {
      inputs.push_back({"<stdin>", "-"});
      continue;
    }
    std::error_code ec;
    fs::file_status status = fs::status(arg, ec);
    if (fs::is_directory(status)) {
      std::vector<std::string> found;
      if (!find_articles(arg.ends_with('/') ? arg : arg + '/', found, ec))
        errors.push_back(arg + ": cannot read folder: " + ec.message());
      std::sort(found.begin(), found.end());
      // find_articles lists regular files only (or links to them). A corpus
      // folder holds tens of thousands: room made once, each path moved in.
      inputs.reserve(inputs.size() + found.size());
      for (std::string& f : found) inputs.push_back({f, std::move(f), true});
    } else if (fs::exists(status)) {
      inputs.push_back({arg, arg, fs::is_regular_file(status)});
    } else {
      errors.push_back(arg + ": no such file or folder");
    }
  }
  return inputs;
}

std::string check_article(std::string_view bytes) {
  // Far beyond any news article; extracting from more takes minutes of one thread.
  constexpr std::size_t kMaxArticleBytes = 16 << 20;
  if (bytes.size() > kMaxArticleBytes) return "larger than 16 MiB, too large for one article (split it)";
  bool blank = std::all_of(bytes.begin(), bytes.end(), [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; });
  if (blank) return "empty file";
  if (bytes.find('\0') != std::string_view::npos) return "binary file (NUL bytes)";
  std::size_t bad = 0;
  if (!kg::valid_utf8(bytes, &bad)) return "invalid UTF-8 at byte " + std::to_string(bad);
  return {};
}

namespace {

// Each input's outcome, kept in input order.
struct Outcome {
  std::optional<ArticleGraph> article;
  std::string error;
};

}  // namespace

CorpusResult extract_corpus(const std::vector<Input>& inputs, const RuleBook& rules, const CorpusOptions& options) {
  std::optional<std::string> stdin_text;
  for (const Input& in : inputs)
    if (in.path == "-" && !stdin_text)
      stdin_text = std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());

  // Workers extract and prepare each article's part of the graph (the costly
  // string work); this thread merges in input order as results arrive and
  // frees each article once merged, so memory stays bounded by the backlog.
  // It is woken once per batch of articles ready in order, not per article:
  // a wake-up costs about as much as merging an article.
  constexpr std::size_t kBatch = 32;
  // Each made by its worker: a corpus of 50,000 articles would otherwise
  // hold (and touch, when the vector is made) 10 MB of empty outcomes.
  std::vector<std::unique_ptr<Outcome>> outcomes(inputs.size());
  std::vector<bool> ready(inputs.size(), false);
  std::size_t ready_in_order = 0;  // outcomes[0, ready_in_order) are all ready
  std::size_t wanted = 0;          // what the merging thread waits for
  std::mutex mutex;
  std::condition_variable arrived;
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;
  // Outcomes merged, handed back to the workers: their lists of nodes, forms
  // and relations and their text buffers keep their memory instead of being
  // freed by this thread and allocated again by a worker for every article.
  std::vector<std::unique_ptr<Outcome>> merged_outcomes;
  auto work = [&] {
    FileReader reader;
    Document doc;  // reused from one article to the next (see extract_document)
    std::unique_ptr<Outcome> spare;  // taken from merged_outcomes
    for (std::size_t i = next++; i < inputs.size(); i = next++) {
      const Input& in = inputs[i];
      std::unique_ptr<Outcome> outcome = spare ? std::move(spare) : std::make_unique<Outcome>();
      outcome->error.clear();
      std::optional<std::string_view> bytes;
      if (in.path == "-") bytes = *stdin_text;
      else if (reader.read(in.path, in.regular_file)) bytes = reader.text();
      if (!bytes) {
        outcome->error = in.name + ": cannot read file";
      } else if (std::string why = check_article(*bytes); !why.empty()) {
        outcome->error = in.name + ": " + why;
      } else {
        try {
          extract_document(in.name, *bytes, rules, options.language, doc);
          if (!outcome->article) outcome->article.emplace();
          make_article_graph(doc, *rules.find(doc.language), *outcome->article);
        } catch (const std::exception& e) {
          outcome->error = in.name + ": " + e.what();
        }
      }
      // No article, the sign of an error to the merging thread.
      if (!outcome->error.empty()) outcome->article.reset();
      std::lock_guard<std::mutex> lock(mutex);
      if (!merged_outcomes.empty()) {
        spare = std::move(merged_outcomes.back());
        merged_outcomes.pop_back();
      }
      outcomes[i] = std::move(outcome);
      ready[i] = true;
      ++done;
      if (options.progress) options.progress(done, inputs.size());
      while (ready_in_order < inputs.size() && ready[ready_in_order]) ++ready_in_order;
      if (ready_in_order >= wanted) arrived.notify_one();
    }
  };
  unsigned threads = std::max(1u, std::min<unsigned>(options.threads, static_cast<unsigned>(inputs.size())));
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);

  CorpusResult result;
  result.merged.expect_articles(inputs.size());
  std::vector<std::unique_ptr<Outcome>> batch;
  for (std::size_t merged = 0; merged < inputs.size();) {
    {
      std::unique_lock<std::mutex> lock(mutex);
      for (std::unique_ptr<Outcome>& outcome : batch) merged_outcomes.push_back(std::move(outcome));
      batch.clear();
      wanted = std::min(inputs.size(), merged + kBatch);
      arrived.wait(lock, [&] { return ready_in_order >= wanted; });
      for (; merged < ready_in_order; ++merged) batch.push_back(std::move(outcomes[merged]));
    }
    for (std::unique_ptr<Outcome>& outcome : batch) {
      if (!outcome->article) {
        result.errors.push_back(std::move(outcome->error));
        continue;
      }
      result.merged.add(*outcome->article);
      ++result.articles;
    }
  }
  for (std::thread& t : pool) t.join();
  return result;
}

}  // namespace kg::extract
