// Pango 1.50 starts two threads for every font pattern a font map meets for the first time,
// one for fontconfig's FcFontSetMatch and one for FcFontSetSort (pangofc-fontmap.c,
// pango_fc_patterns_new), and the caller then waits for the match. A cold render of a 4-page
// paper made 23 of them: each a clone, an 8 MiB stack mapped and given back, and the wait;
// with Quire's five bundled fonts the match and the sort themselves take microseconds.
//
// This stands in for GLib's g_thread_new (the executable's definition comes first in every
// library's lookup, as for deflateInit_ beside it) and runs exactly those two functions on
// the calling thread. Nothing is held while they run: Pango creates the threads before it
// publishes the patterns, and each function only takes the patterns' own mutex to store its
// result. Every other thread is GLib's own to make.
#include "pango_fontset_threads.h"
#include <stdatomic.h>
#include <string.h>

typedef void *(*ThreadFunction)(void *);
typedef struct _GThread GThread;

void *quire_glib_symbol(const char *symbol);

static atomic_long run_here;

long quire_pango_fontset_threads_run_here(void) { return atomic_load(&run_here); }

__attribute__((visibility("default"))) GThread *g_thread_new(const char *name, ThreadFunction function, void *data) {
    if (name && (strcmp(name, "[pango] FcFontSetMatch") == 0 || strcmp(name, "[pango] FcFontSetSort") == 0)) {
        function(data);
        atomic_fetch_add(&run_here, 1);
        // Pango drops the thread it gets at once (g_thread_unref): hand it a reference to this one.
        GThread *(*self)(void) = (GThread * (*)(void)) quire_glib_symbol("g_thread_self");
        GThread *(*ref)(GThread *) = (GThread * (*)(GThread *)) quire_glib_symbol("g_thread_ref");
        return ref(self());
    }
    GThread *(*create)(const char *, ThreadFunction, void *) = (GThread * (*)(const char *, ThreadFunction, void *)) quire_glib_symbol("g_thread_new");
    return create(name, function, data);
}
