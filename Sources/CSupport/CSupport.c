#define _GNU_SOURCE
#include <malloc.h>
#include <pthread.h>
#include <string.h>
#include "CSupport.h"

void csupport_flush_stdout(void) { fflush(stdout); }

void csupport_set_thread_name(const char *name) {
  char buffer[16];
  strncpy(buffer, name, 15);
  buffer[15] = 0;
  pthread_setname_np(pthread_self(), buffer);
}

int csupport_cpu_has_avx512(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
         __builtin_cpu_supports("avx512dq");
}

int csupport_keep_freed_buffers(size_t mmap_threshold, size_t trim_threshold) {
#ifdef M_MMAP_THRESHOLD
  return mallopt(M_ARENA_MAX, 1) == 1 && mallopt(M_MMAP_THRESHOLD, (int)mmap_threshold) == 1 &&
         mallopt(M_TRIM_THRESHOLD, (int)trim_threshold) == 1;
#else
  return 0;
#endif
}

