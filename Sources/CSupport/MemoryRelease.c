#define _GNU_SOURCE
#include <malloc.h>
#include "CSupport.h"

int csupport_map_large_allocations(size_t mmap_threshold) {
#ifdef M_MMAP_THRESHOLD
  return mallopt(M_ARENA_MAX, 1) == 1 && mallopt(M_MMAP_THRESHOLD, (int)mmap_threshold) == 1;
#else
  return 0;
#endif
}

int csupport_release_free_memory(void) {
#ifdef M_MMAP_THRESHOLD
  return malloc_trim(0);
#else
  return 0;
#endif
}
