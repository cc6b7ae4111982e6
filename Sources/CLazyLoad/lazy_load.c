// Libraries are opened when first called, so a command that never needs them does not pay
// for loading them: those only some commands use (poppler for PDF import and appendices,
// libqpdf for checks and import, librsvg and gdk-pixbuf for figures) through forwarders, and
// the text stack every render uses (stack_trampolines.S) through trampolines, so that
// `quire --help` loads none. Linked, they were 77 libraries mapped and relocated before main;
// without the first four, 48; without the text stack too, 7.
#define _GNU_SOURCE  // PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP
#include "lazy_load.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

enum { capacity = 16 };

// Recursive: a command that cannot load a library exits while holding it (below).
static pthread_mutex_t lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

// A library being loaded when the process exits would have its constructors run alongside the
// loader's finalisers (GObject's, half-registered, aborted a render that failed early, while
// the prewarming thread was opening Pango). Exiting takes the lock first, after any load under
// way, and keeps it: nothing starts loading after that. Registered after the loader's own
// finaliser, so it runs before it.
static void wait_for_loading(void) { pthread_mutex_lock(&lock); }

__attribute__((constructor)) static void hold_exit_for_loading(void) { atexit(wait_for_loading); }
static struct {
    const QuireLazyLibrary *library;
    void *handle;
} opened[capacity];

static void *handle_for(const QuireLazyLibrary *library) {
    for (int index = 0; index < capacity && opened[index].library; index++) {
        if (opened[index].library == library) return opened[index].handle;
    }
    void *handle = NULL;
    const char *error = "no name to try";
    for (const char *const *name = library->names; *name && !handle; name++) {
        // Lazily: a library built without BIND_NOW (fontconfig, the X11 and xcb libraries
        // cairo links) binds each function on its first call, as if linked. A C program
        // opening Pango took 6.0 ms with RTLD_NOW and 3.9 ms with RTLD_LAZY (hyperfine).
        handle = dlopen(*name, RTLD_LAZY | RTLD_LOCAL);
        if (!handle) error = dlerror();
    }
    if (!handle) {
        fprintf(stderr, "error: cannot load %s, which this command needs (%s)\nhint: install it: apt-get install %s\n",
                library->names[0], error, library->package);
        exit(69);
    }
    for (int index = 0; index < capacity; index++) {
        if (!opened[index].library) {
            opened[index].library = library;
            opened[index].handle = handle;
            break;
        }
    }
    return handle;
}

void *quire_lazy_symbol(const QuireLazyLibrary *library, const char *symbol) {
    pthread_mutex_lock(&lock);
    void *handle = handle_for(library);
    dlerror();
    void *address = dlsym(handle, symbol);
    const char *error = address ? NULL : dlerror();
    pthread_mutex_unlock(&lock);
    if (!address) {
        fprintf(stderr, "error: %s has no %s (%s)\nhint: install the version Quire was built with: apt-get install %s\n",
                library->names[0], symbol, error ? error : "null symbol", library->package);
        exit(69);
    }
    return address;
}
