// What the commands need to know about the terminal and Ctrl-C.
#pragma once

#include <atomic>
#include <cstddef>

namespace kg::cli {

// Columns of the terminal on standard output; 0 when it is not a terminal.
std::size_t terminal_width();

// Set by SIGINT once install_interrupt_handler() has run; the engine polls it
// to cancel the running statement. Whoever handles the cancel resets it.
std::atomic<bool>& interrupt_flag();
void install_interrupt_handler();

}  // namespace kg::cli
