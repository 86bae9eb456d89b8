// The CLI's memory limit (memory_limit.h) from the flag, getrlimit() and sysconf().
#include "memory_limit.h"

#ifndef __EMSCRIPTEN__
#include <sys/resource.h>
#include <unistd.h>
#endif

#include <algorithm>

#include "../engine/engine_limits.h"

namespace mg {

namespace {
void lower(MemoryLimit& m, int64_t bytes, const char* source) {
  if (bytes > 0 && (m.bytes == 0 || bytes < m.bytes)) m = {bytes, source};
}
}  // namespace

MemoryLimit memory_limit(int64_t max_memory_flag) {
  MemoryLimit m{0, ""};
#ifdef __EMSCRIPTEN__
  lower(m, kMemoryBudget, "the WebAssembly budget");
#else
  constexpr int64_t kProgramBytes = 96LL << 20;  // the program, its libraries, stack and heap bookkeeping
  long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
  if (pages > 0 && page > 0) lower(m, static_cast<int64_t>(pages) * page / 10 * 9, "90% of physical memory");
  struct rlimit r;
  if (getrlimit(RLIMIT_AS, &r) == 0 && r.rlim_cur != RLIM_INFINITY)
    lower(m, std::max<int64_t>(static_cast<int64_t>(r.rlim_cur) - kProgramBytes, 1), "ulimit -v");
  if (getrlimit(RLIMIT_DATA, &r) == 0 && r.rlim_cur != RLIM_INFINITY)
    lower(m, std::max<int64_t>(static_cast<int64_t>(r.rlim_cur) - kProgramBytes, 1), "ulimit -d");
#endif
  lower(m, max_memory_flag, "--max-memory");
  return m;
}

}  // namespace mg
