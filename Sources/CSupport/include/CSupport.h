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

/// glibc's malloc: one arena for all threads (so `csupport_release_free_memory` reaches all
/// free memory), requests of `mmap_threshold` bytes and more in their own mappings, returned to
/// the OS on free (a fixed threshold: glibc no longer raises it after large frees).
/// 1 when both settings took, else 0 (or without glibc).
int csupport_map_large_allocations(size_t mmap_threshold);

/// glibc's `malloc_trim(0)`: gives the free memory of every arena back to the OS.
/// 1 if any memory was released, else 0 (or without glibc).
int csupport_release_free_memory(void);
