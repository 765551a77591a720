// Runs a scenario in a child process, so that a crash, an abort, a runaway
// allocation or a hang in the engine costs that one scenario, not the run.
#pragma once

#include <chrono>
#include <functional>

#include "scenario_runner.h"

namespace kg::tck {

// Forks, runs `task` in the child (with its address space capped at 4 GiB)
// and returns its Outcome, sent back through a pipe. A child still running
// after `deadline` is killed; a killed or crashed child gives a failed Outcome
// whose reason says so.
Outcome run_isolated(const std::function<Outcome()>& task, std::chrono::seconds deadline);

}  // namespace kg::tck
