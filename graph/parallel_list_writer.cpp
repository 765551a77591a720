#include "graph/parallel_list_writer.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace kg {

namespace {

// Items a block: enough that handing a block over (a lock) is lost in
// formatting it, few enough that the first blocks are soon written.
constexpr std::size_t kBlockItems = 2048;

// The blocks of one list, taken in increasing order by the threads, each
// formatted by the thread that took it into a run of its own. A thread that
// has formatted the next block to write, when nobody is writing, writes it
// and every later one already formatted; the others go on formatting. So no
// thread waits for another to write, unless every run is full.
class BlockStream {
 public:
  BlockStream(NodeLinkWriter& out, std::size_t count, unsigned threads, const ListItemWriter& write_item)
      : out_(out),
        count_(count),
        blocks_((count + kBlockItems - 1) / kBlockItems),
        write_item_(write_item),
        formatted_(2 * std::size_t{threads}) {}

  // One thread's share: formats blocks until there are none left or the
  // list has failed.
  void format_blocks() {
    std::unique_ptr<NodeLinkWriter> run;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      run = empty_run(lock);
    }
    for (std::size_t block = next_block_++; run && block < blocks_; block = next_block_++) {
      try {
        run->begin_run(block == 0);
        std::size_t end = std::min(count_, (block + 1) * kBlockItems);
        for (std::size_t i = block * kBlockItems; i < end; ++i) write_item_(*run, i);
      } catch (...) {
        fail(std::current_exception());
        return;
      }
      run = hand_over(block, std::move(run));
    }
  }

  // Stops every thread of the list, keeping the first failure.
  void fail(std::exception_ptr failure) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!failure_) failure_ = failure;
    }
    run_freed_.notify_all();
  }

  // The first failure, if any.
  std::exception_ptr failure() const { return failure_; }

 private:
  // Leaves `run`, holding `block`, to be written, writes what is next in
  // order if nobody is writing, and returns an empty run (none if the list
  // has failed).
  std::unique_ptr<NodeLinkWriter> hand_over(std::size_t block, std::unique_ptr<NodeLinkWriter> run) {
    std::unique_lock<std::mutex> lock(mutex_);
    // At most formatted_.size() blocks are held at once, and none before written_.
    formatted_[block % formatted_.size()] = std::move(run);
    if (!writing_ && block == written_) {
      writing_ = true;
      for (std::unique_ptr<NodeLinkWriter>* next = &formatted_[written_ % formatted_.size()]; *next && !failure_;
           next = &formatted_[written_ % formatted_.size()]) {
        std::unique_ptr<NodeLinkWriter> written = std::move(*next);
        lock.unlock();
        try {
          out_.append(*written);
        } catch (...) {
          fail(std::current_exception());
        }
        lock.lock();
        ++written_;
        empty_runs_.push_back(std::move(written));
        run_freed_.notify_one();
      }
      writing_ = false;
    }
    return empty_run(lock);
  }

  // A run to format into: one written already, a new one while fewer than
  // formatted_.size() exist, or else the next one written.
  std::unique_ptr<NodeLinkWriter> empty_run(std::unique_lock<std::mutex>& lock) {
    if (empty_runs_.empty() && runs_made_ < formatted_.size()) {
      ++runs_made_;
      return std::make_unique<NodeLinkWriter>(out_, false);
    }
    run_freed_.wait(lock, [&] { return failure_ || !empty_runs_.empty(); });
    if (failure_) return nullptr;
    std::unique_ptr<NodeLinkWriter> run = std::move(empty_runs_.back());
    empty_runs_.pop_back();
    return run;
  }

  NodeLinkWriter& out_;
  const std::size_t count_;
  const std::size_t blocks_;
  const ListItemWriter& write_item_;
  std::atomic<std::size_t> next_block_{0};  // the next block to format
  std::mutex mutex_;
  // Under mutex_: the runs formatted and not yet written, block b at
  // b % size(); the blocks written so far; whether a thread is writing; the
  // runs written, to format again, and how many were made; the first failure.
  std::vector<std::unique_ptr<NodeLinkWriter>> formatted_;
  std::size_t written_ = 0;
  bool writing_ = false;
  std::vector<std::unique_ptr<NodeLinkWriter>> empty_runs_;
  std::size_t runs_made_ = 0;
  std::exception_ptr failure_;
  std::condition_variable run_freed_;
};

}  // namespace

void write_list_in_parallel(NodeLinkWriter& out, std::size_t count, unsigned threads, const ListItemWriter& write_item) {
  if (threads <= 1 || count <= kBlockItems) {
    for (std::size_t i = 0; i < count; ++i) write_item(out, i);
    return;
  }
  BlockStream stream(out, count, threads, write_item);
  std::vector<std::thread> helpers;
  try {
    for (unsigned t = 1; t < threads; ++t) helpers.emplace_back([&] { stream.format_blocks(); });
  } catch (...) {
    // A thread that could not start: those started are stopped.
    stream.fail(std::current_exception());
  }
  stream.format_blocks();
  for (std::thread& helper : helpers) helper.join();
  if (stream.failure()) std::rethrow_exception(stream.failure());
}

}  // namespace kg
