#include "sandbox.h"

#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <string>

namespace kg::tck {
namespace {

constexpr rlim_t kMemoryCap = rlim_t{4} << 30;

void write_all(int fd, const std::string& data) {
  std::size_t written = 0;
  while (written < data.size()) {
    const ssize_t n = write(fd, data.data() + written, data.size() - written);
    if (n <= 0) return;
    written += static_cast<std::size_t>(n);
  }
}

// The child's message: '1' or '0' (passed), the reason, a NUL, the details.
std::string encode(const Outcome& outcome) {
  return (outcome.passed ? "1" : "0") + outcome.reason + '\0' + outcome.details;
}

Outcome decode(const std::string& message) {
  Outcome outcome;
  outcome.passed = message[0] == '1';
  const auto nul = message.find('\0', 1);
  outcome.reason = message.substr(1, nul - 1);
  if (nul != std::string::npos) outcome.details = message.substr(nul + 1);
  return outcome;
}

[[noreturn]] void run_child(int fd, const std::function<Outcome()>& task) {
  const rlimit cap{kMemoryCap, kMemoryCap};
  setrlimit(RLIMIT_AS, &cap);
  Outcome outcome;
  try {
    outcome = task();
  } catch (...) {
    outcome = {false, "runner: exception escaped the scenario", ""};
  }
  write_all(fd, encode(outcome));
  close(fd);
  _exit(0);  // no atexit handlers or stdio flushes of the parent's state
}

}  // namespace

Outcome run_isolated(const std::function<Outcome()>& task, std::chrono::seconds deadline) {
  std::fflush(nullptr);
  int fds[2];
  if (pipe(fds) != 0) return {false, "runner: pipe failed", std::strerror(errno)};
  const pid_t child = fork();
  if (child < 0) {
    close(fds[0]);
    close(fds[1]);
    return {false, "runner: fork failed", std::strerror(errno)};
  }
  if (child == 0) {
    close(fds[0]);
    run_child(fds[1], task);
  }
  close(fds[1]);

  // Read until the child closes the pipe or the deadline passes.
  std::string message;
  bool timed_out = false;
  const auto end = std::chrono::steady_clock::now() + deadline;
  char buffer[4096];
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        end - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) == 0) continue;
    const ssize_t n = read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    message.append(buffer, static_cast<std::size_t>(n));
  }
  close(fds[0]);
  if (timed_out) kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);

  if (timed_out) {
    return {false,
            "timeout: the scenario ran longer than " + std::to_string(deadline.count()) +
                " s and was killed",
            ""};
  }
  if (WIFSIGNALED(status)) {
    const int signal = WTERMSIG(status);
    return {false, "crash: signal " + std::to_string(signal) + " (" + strsignal(signal) + ")", ""};
  }
  if (message.empty()) {
    return {false, "crash: exit status " + std::to_string(WEXITSTATUS(status)), ""};
  }
  return decode(message);
}

}  // namespace kg::tck
