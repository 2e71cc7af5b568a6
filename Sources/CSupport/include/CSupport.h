#pragma once
#include <stddef.h>
#include <stdio.h>

/// Flush the C stdout stream (Swift cannot name `stdout` portably under strict concurrency).
void csupport_flush_stdout(void);

/// Name the calling thread (shown by gdb, top -H); truncated to 15 bytes.
void csupport_set_thread_name(const char *name);

/// 1 when the CPU runs AVX-512 F, VL and DQ and the OS saves the zmm registers, else 0.
int csupport_cpu_has_avx512(void);

/// glibc's malloc: one arena for all threads, requests below `mmap_threshold` bytes served
/// from the heap (not fresh mappings), heap memory returned to the OS only past
/// `trim_threshold` free bytes.
/// 1 when all three settings took, else 0 (or without glibc).
int csupport_keep_freed_buffers(size_t mmap_threshold, size_t trim_threshold);

/// glibc's malloc_trim(0): every free page of the heap back to the OS. 1 if any was released.
int csupport_release_freed_memory(void);
