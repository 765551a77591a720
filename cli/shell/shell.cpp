#include "cli/shell/shell.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/shell/completion.h"
#include "cli/shell/cypher_scan.h"
#include "cli/shell/history.h"
#include "cli/shell/line_editor.h"
#include "cli/shell/meta_commands.h"
#include "cli/shell/session.h"
#include "cli/shell/statement_reader.h"
#include "cli/terminal.h"
#include "graph/node_link_json.h"

namespace kg::cli {

namespace {

using shell::LineEditor;
using shell::Outcome;
using shell::Session;

// The samples' graph, looked for when no graph is given.
constexpr const char* kSamplesGraph = "out/graph.json";

std::string_view trim_left(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  return text;
}

bool is_meta_command(std::string_view line) { return trim_left(line).starts_with(':'); }

// Loads the graph to start with; false (after a message) when it cannot be read.
bool open_graph(Session& session, const std::string& graph_path, std::string& banner) {
  std::string path = graph_path;
  if (path.empty()) {
    if (!std::filesystem::exists(kSamplesGraph)) {
      banner = "No graph given and no " + std::string(kSamplesGraph) +
               " here: starting with an empty graph (:load FILE, :extract DIR, or run bash samples/run.sh).";
      return true;
    }
    path = kSamplesGraph;
  } else if (!std::filesystem::exists(path)) {
    session.set_graph(PropertyGraph(), path);
    banner = path + " does not exist yet: starting with an empty graph that :save will write there.";
    return true;
  }
  try {
    session.set_graph(load_node_link(path), path);
  } catch (const std::exception& e) {
    session.fail(std::string("kg shell: ") + e.what());
    return false;
  }
  banner = "Graph " + path + ": " + std::to_string(session.graph().node_count()) + " nodes, " +
           std::to_string(session.graph().relationship_count()) + " relationships.";
  return true;
}

// Standard input is a pipe or a file: run everything in order, no prompts.
int run_script(Session& session) {
  shell::StatementReader reader;
  bool failed = false;
  std::string line;
  auto run = [&](const std::string& statement) {
    if (!session.run_cypher(statement)) failed = true;
    return !session.cancelled();  // Ctrl-C stops the script
  };
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!reader.pending() && is_meta_command(line)) {
      Outcome outcome = shell::run_meta_command(session, line);
      if (outcome == Outcome::Failed) failed = true;
      if (outcome == Outcome::Quit || outcome == Outcome::QuitWithoutSaving) break;
      continue;
    }
    for (const std::string& statement : reader.add_line(line))
      if (!run(statement)) return kExitFailure;
  }
  if (std::optional<std::string> last = reader.finish()) run(*last);
  return failed ? kExitFailure : kExitOk;
}

// A prompt in bold green on a terminal; the escapes are marked invisible.
std::string prompt(const Session& session, std::string_view visible) {
  if (!session.out_style().enabled()) return std::string(visible);
  const char e = LineEditor::kPromptEscape;
  return std::string{e} + "\x1b[1;32m" + e + std::string(visible) + e + "\x1b[0m" + e;
}

// "kg> ", "kg*> " with unsaved changes, and the continuation prompts of the same width.
std::string main_prompt(const Session& session, bool continuation) {
  std::string_view text = session.unsaved() ? (continuation ? "...> " : "kg*> ") : (continuation ? "..> " : "kg> ");
  return prompt(session, text);
}

// Asks a yes/no question at the prompt: only an answer starting with y is yes
// (Ctrl-C and Ctrl-D are no).
bool ask(LineEditor& editor, const Session& session, const std::string& question) {
  LineEditor::Input answer = editor.read_line(prompt(session, question + " [y/N] "));
  if (answer.status == LineEditor::Status::EndOfInput) std::cout << '\n';
  std::string_view text = trim_left(answer.text);
  return answer.status == LineEditor::Status::Line && (text.starts_with('y') || text.starts_with('Y'));
}

// True when the shell may end: no unsaved changes, or the user agrees to lose them.
bool may_quit(LineEditor& editor, Session& session) {
  if (!session.unsaved()) return true;
  std::string target = session.graph_path().empty() ? ":save FILE" : ":save (to " + session.graph_path() + ")";
  session.say(session.out_style().yellow("The graph has unsaved changes; " + target + " keeps them."));
  return ask(editor, session, "Quit without saving?");
}

// A person at a terminal: line editing, history, completion, questions.
int run_interactive(Session& session, const std::string& banner) {
  shell::History history(shell::History::default_path());
  session.history = &history;
  shell::StatementReader reader;
  LineEditor editor(history, [&](std::string_view before_cursor) {
    return shell::complete_input(reader.pending_text(), before_cursor, session.catalog(), session.parameters);
  });
  session.confirm = [&](const std::string& question) { return ask(editor, session, question); };

  session.say(session.out_style().bold("kg " KG_VERSION " shell") + " · " + banner);
  session.say(
      session.out_style().dim("Statements end with ';'. :help for help, Tab to complete, :quit or Ctrl-D to leave."));
  for (;;) {
    // A Ctrl-C during output may have failed a write: let the streams go on.
    std::cout.clear();
    std::clearerr(stdout);
    LineEditor::Input input = editor.read_line(main_prompt(session, reader.pending()));
    if (input.status == LineEditor::Status::Interrupted) {
      reader.clear();
      continue;
    }
    if (input.status == LineEditor::Status::EndOfInput) {
      std::cout << '\n';
      reader.clear();
      if (may_quit(editor, session)) return kExitOk;
      continue;
    }
    if (!reader.pending() && is_meta_command(input.text)) {
      history.add(std::string(trim_left(input.text)));
      Outcome outcome = shell::run_meta_command(session, input.text);
      if (outcome == Outcome::QuitWithoutSaving || (outcome == Outcome::Quit && may_quit(editor, session)))
        return kExitOk;
      continue;
    }
    for (const std::string& statement : reader.add_line(input.text)) {
      history.add(shell::one_line(statement) + ";");
      session.run_cypher(statement);
      if (session.cancelled()) break;  // Ctrl-C drops the statements after it too
    }
  }
}

}  // namespace

int run_shell(const std::string& graph_path) {
  bool interactive = isatty(STDIN_FILENO);
  Session session(interactive);
  std::string banner;
  if (!open_graph(session, graph_path, banner)) return kExitFailure;
  install_interrupt_handler();
  return interactive ? run_interactive(session, banner) : run_script(session);
}

}  // namespace kg::cli
