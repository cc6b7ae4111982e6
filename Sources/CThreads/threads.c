// A detached thread started on a core other than its creator's (SpareThreads). Compiled
// here, not in a header, because it needs _GNU_SOURCE's affinity calls and a header that
// defined it would give the system headers a second, conflicting definition in Swift.
#define _GNU_SOURCE
#include "threads.h"
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>

typedef struct {
    void (*body)(void *);
    void *argument;
    cpu_set_t allowed;
    int restore;
} quire_thread_start;

static void *quire_thread_trampoline(void *pointer) {
    quire_thread_start start = *(quire_thread_start *)pointer;
    free(pointer);
    // Back to every core the process may use: only where the thread first runs was chosen.
    if (start.restore) pthread_setaffinity_np(pthread_self(), sizeof start.allowed, &start.allowed);
    start.body(start.argument);
    return NULL;
}

/// Starts `body(argument)` on a detached thread with `stack_size` bytes of stack; 0 when it
/// started. Linux often queues a new thread on its creator's core, where it waits until the
/// creator's time slice ends (1 to 4 ms measured on the 2-core machine, the other core idle);
/// so where the process may run on more than one core, the thread may first run on any but
/// the creator's, and widens its mask to all of them as soon as it runs.
int quire_thread_start_elsewhere(void (*body)(void *), void *argument, size_t stack_size) {
    quire_thread_start *start = malloc(sizeof *start);
    if (start == NULL) return -1;
    start->body = body;
    start->argument = argument;
    start->restore = 0;
    pthread_attr_t attributes;
    if (pthread_attr_init(&attributes) != 0) {
        free(start);
        return -1;
    }
    pthread_attr_setstacksize(&attributes, stack_size);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    int here = sched_getcpu();
    if (here >= 0 && here < CPU_SETSIZE && sched_getaffinity(0, sizeof start->allowed, &start->allowed) == 0
        && CPU_ISSET(here, &start->allowed) && CPU_COUNT(&start->allowed) > 1) {
        cpu_set_t elsewhere = start->allowed;
        CPU_CLR(here, &elsewhere);
        if (pthread_attr_setaffinity_np(&attributes, sizeof elsewhere, &elsewhere) == 0) start->restore = 1;
    }
    pthread_t thread;
    int result = pthread_create(&thread, &attributes, quire_thread_trampoline, start);
    if (result != 0 && start->restore) {
        // The narrowed mask refused (a core gone offline meanwhile): start it anywhere.
        start->restore = 0;
        pthread_attr_destroy(&attributes);
        pthread_attr_init(&attributes);
        pthread_attr_setstacksize(&attributes, stack_size);
        pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
        result = pthread_create(&thread, &attributes, quire_thread_trampoline, start);
    }
    pthread_attr_destroy(&attributes);
    if (result != 0) free(start);
    return result;
}

int quire_thread_cores(int *cores, int capacity) {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) != 0) return -1;
    int count = 0;
    for (int core = 0; core < CPU_SETSIZE && count < capacity; core++)
        if (CPU_ISSET(core, &set)) cores[count++] = core;
    return count;
}

int quire_thread_set_cores(const int *cores, int count) {
    cpu_set_t set;
    CPU_ZERO(&set);
    for (int index = 0; index < count; index++)
        if (cores[index] >= 0 && cores[index] < CPU_SETSIZE) CPU_SET(cores[index], &set);
    return sched_setaffinity(0, sizeof set, &set);
}
