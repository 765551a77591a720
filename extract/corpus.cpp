#include "extract/corpus.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <atomic>
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

// Articles merged in input order by the workers themselves. A worker that
// has made the next article to merge merges it, and every later one already
// made, while the others go on extracting: no merging thread to wake, and an
// article is mostly merged by the thread that made it, while it is still in
// that core's cache. Merging takes a small part of the work, so the workers
// seldom find it taken. Outcomes merged are kept for the workers to fill
// again: their lists and text buffers keep their memory.
class OrderedMerge {
 public:
  OrderedMerge(std::size_t inputs, CorpusResult& result) : outcomes_(inputs), result_(result) {}

  // Hands over the outcome of input `index` and, if it is the next to merge
  // and nobody is merging, merges it and those after it that are ready.
  // Returns an outcome to fill next (merged already, or new).
  std::unique_ptr<Outcome> deliver(std::size_t index, std::unique_ptr<Outcome> outcome) {
    std::unique_lock<std::mutex> lock(mutex_);
    outcomes_[index] = std::move(outcome);
    if (!merging_ && index == next_) {
      merging_ = true;
      while (next_ < outcomes_.size() && outcomes_[next_]) {
        for (; next_ < outcomes_.size() && outcomes_[next_]; ++next_) batch_.push_back(std::move(outcomes_[next_]));
        lock.unlock();
        for (std::unique_ptr<Outcome>& merged : batch_) merge(*merged);
        lock.lock();
        for (std::unique_ptr<Outcome>& merged : batch_) spare_.push_back(std::move(merged));
        batch_.clear();
      }
      merging_ = false;
    }
    if (spare_.empty()) return std::make_unique<Outcome>();
    std::unique_ptr<Outcome> reused = std::move(spare_.back());
    spare_.pop_back();
    return reused;
  }

 private:
  void merge(Outcome& outcome) {
    if (!outcome.article) {
      result_.errors.push_back(std::move(outcome.error));
      return;
    }
    result_.merged.add(*outcome.article);
    ++result_.articles;
  }

  std::mutex mutex_;
  // Under mutex_: the outcomes made and not yet merged, by input (each made
  // by its worker: a corpus of 50,000 articles would otherwise hold, and
  // touch, 10 MB of empty outcomes), the first input not merged, whether a
  // worker is merging, and the outcomes merged.
  std::vector<std::unique_ptr<Outcome>> outcomes_;
  std::size_t next_ = 0;
  bool merging_ = false;
  std::vector<std::unique_ptr<Outcome>> spare_;
  // Only the worker merging touches these: the outcomes it is merging
  // (kept, so that merging allocates no list), and the result.
  std::vector<std::unique_ptr<Outcome>> batch_;
  CorpusResult& result_;
};

}  // namespace

CorpusResult extract_corpus(const std::vector<Input>& inputs, const RuleBook& rules, const CorpusOptions& options) {
  std::optional<std::string> stdin_text;
  for (const Input& in : inputs)
    if (in.path == "-" && !stdin_text)
      stdin_text = std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());

  CorpusResult result;
  result.merged.expect_articles(inputs.size());
  OrderedMerge merge(inputs.size(), result);
  std::atomic<std::size_t> next{0};
  std::mutex progress_mutex;
  std::size_t done = 0;
  auto work = [&] {
    FileReader reader;
    Document doc;  // reused from one article to the next (see extract_document)
    std::unique_ptr<Outcome> outcome = std::make_unique<Outcome>();
    for (std::size_t i = next++; i < inputs.size(); i = next++) {
      const Input& in = inputs[i];
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
      // No article, the sign of an error to the merge.
      if (!outcome->error.empty()) outcome->article.reset();
      outcome = merge.deliver(i, std::move(outcome));
      if (options.progress) {
        std::lock_guard<std::mutex> lock(progress_mutex);
        options.progress(++done, inputs.size());
      }
    }
  };
  unsigned threads = std::max(1u, std::min<unsigned>(options.threads, static_cast<unsigned>(inputs.size())));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return result;
}

}  // namespace kg::extract
