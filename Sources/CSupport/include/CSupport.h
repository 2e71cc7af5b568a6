#pragma once
#include <stdio.h>

/// Flush the C stdout stream (Swift cannot name `stdout` portably under strict concurrency).
void csupport_flush_stdout(void);

/// Name the calling thread (shown by gdb, top -H); truncated to 15 bytes.
void csupport_set_thread_name(const char *name);
