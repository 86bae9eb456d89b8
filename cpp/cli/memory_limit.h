// How much memory one CLI run may use: --max-memory if given, never more than the process's own limits (ulimit -v,
// ulimit -d) leave after the program itself, nor more than 90% of the machine's physical memory; in WebAssembly,
// the engine's budget (WASM memory ends at 2 GB).
#pragma once
#include <cstdint>
#include <string>

namespace mg {

struct MemoryLimit {
  int64_t bytes;
  std::string source;  // what set it: "--max-memory", "ulimit -v", "physical memory", "the WebAssembly budget"
};

MemoryLimit memory_limit(int64_t max_memory_flag);  // 0: no flag

}  // namespace mg
