#ifndef QUIRE_THREADS_H
#define QUIRE_THREADS_H
#include <stddef.h>

/// Starts `body(argument)` on a detached thread with `stack_size` bytes of stack, first run
/// on a core other than the caller's where it may use another; 0 when it started.
int quire_thread_start_elsewhere(void (*body)(void *), void *argument, size_t stack_size);

/// The cores the calling thread may run on, up to `capacity` of them; -1 on failure.
int quire_thread_cores(int *cores, int capacity);
/// Holds the calling thread to `cores`; 0 when done.
int quire_thread_set_cores(const int *cores, int count);

/// Sets the environment variable `name` to `value` (nothing to do when it has that value
/// already) safely while other threads read the environment; 0 when done.
int quire_environment_set(const char *name, const char *value);

#endif
