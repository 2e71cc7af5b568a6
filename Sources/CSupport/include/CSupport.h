#pragma once
#include <stdio.h>

/// Flush the C stdout stream (Swift cannot name `stdout` portably under strict concurrency).
void csupport_flush_stdout(void);

/// Name the calling thread (shown by gdb, top -H); truncated to 15 bytes.
void csupport_set_thread_name(const char *name);

/// 1 when the CPU runs AVX-512 F, VL and DQ and the OS saves the zmm registers, else 0.
int csupport_cpu_has_avx512(void);
