// The libraries stack_trampolines.S binds on first use (the text stack, and libxml2 for
// FoundationXML), in the order scripts/gen-lazy-stack.py numbers them, and the resolver the
// trampolines call on a function's first use.
#include "lazy_load.h"

#include <stdint.h>

static const char *const pangocairo[] = {"libpangocairo-1.0.so.0", 0};
static const char *const pangoft2[] = {"libpangoft2-1.0.so.0", 0};
static const char *const pango[] = {"libpango-1.0.so.0", 0};
static const char *const gobject[] = {"libgobject-2.0.so.0", 0};
static const char *const glib[] = {"libglib-2.0.so.0", 0};
static const char *const cairo[] = {"libcairo.so.2", 0};
static const char *const fontconfig[] = {"libfontconfig.so.1", 0};
static const char *const cmark[] = {"libcmark-gfm.so.0.29.0.gfm.6", 0};
static const char *const cmark_extensions[] = {"libcmark-gfm-extensions.so.0.29.0.gfm.6", 0};
static const char *const xml2[] = {"libxml2.so.2", 0};

static const QuireLazyLibrary libraries[] = {
    {pangocairo, "libpangocairo-1.0-0"}, {pangoft2, "libpangoft2-1.0-0"}, {pango, "libpango-1.0-0"},
    {gobject, "libglib2.0-0"}, {glib, "libglib2.0-0"}, {cairo, "libcairo2"}, {fontconfig, "libfontconfig1"},
    {cmark, "libcmark-gfm0.29.0.gfm.6"}, {cmark_extensions, "libcmark-gfm-extensions0.29.0.gfm.6"},
    {xml2, "libxml2"},
};

/// What a trampoline's stub hands over: laid out by the quire_stack_function macro.
typedef struct {
    const char *name;
    void **slot;
    intptr_t library;
} QuireStackEntry;

void *quire_stack_resolve(const QuireStackEntry *entry);

void *quire_stack_resolve(const QuireStackEntry *entry) {
    void *address = quire_lazy_symbol(&libraries[entry->library], entry->name);
    // Another thread may store the same address at the same time: a plain word store either way.
    __atomic_store_n(entry->slot, address, __ATOMIC_RELEASE);
    return address;
}

#if defined(__x86_64__) && defined(__linux__)
// The trampolines' entries (stack_trampoline.h), bounded by the linker.
extern const QuireStackEntry __start_quire_stack_entries[];
extern const QuireStackEntry __stop_quire_stack_entries[];

void quire_stack_bind_markdown(void) {
    for (const QuireStackEntry *entry = __start_quire_stack_entries; entry < __stop_quire_stack_entries; entry++) {
        const char *const *names = libraries[entry->library].names;
        if (names == cmark || names == cmark_extensions) quire_stack_resolve(entry);
    }
}
#else
// No trampolines: the libraries are linked.
void quire_stack_bind_markdown(void) {}
#endif

/// What FoundationXML's `xmlFree` points at: libxml2's own deallocator, read from the library's
/// variable (libxml2 is loaded by then: only memory it handed out is given back).
void quire_xml_free(void *memory);

void quire_xml_free(void *memory) {
    void (*const *deallocator)(void *) = quire_lazy_symbol(&libraries[9], "xmlFree");
    (*deallocator)(memory);
}

/// The address of `symbol` in GLib (loaded on first use, as every trampoline's library).
void *quire_glib_symbol(const char *symbol);

void *quire_glib_symbol(const char *symbol) { return quire_lazy_symbol(&libraries[4], symbol); }
