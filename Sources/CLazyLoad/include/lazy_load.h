#ifndef QUIRE_LAZY_LOAD_H
#define QUIRE_LAZY_LOAD_H

/// A shared library loaded on first use instead of at start-up: the names to try in order
/// (the Debian soname first), and the Debian package to name if none loads.
typedef struct {
    const char *const *names;
    const char *package;
} QuireLazyLibrary;

/// The address of `symbol` in `library`, which is loaded the first time any of its symbols is
/// asked for. If the library or the symbol cannot be found, says which and how to install it
/// on standard error and exits with status 69 (EX_UNAVAILABLE): the command cannot go on.
void *quire_lazy_symbol(const QuireLazyLibrary *library, const char *symbol);

/// Loads cmark-gfm and binds every function of it Quire calls, now, on the calling thread. A
/// thread warming the text stack up calls it before opening Pango: the loader opens one
/// library at a time, and the source's parser, on another thread, would otherwise wait
/// behind the whole of Pango for its first call.
void quire_stack_bind_markdown(void);

/// Defines `name` with the library's own signature, forwarding each call to the library's
/// function, looked up once. `params` is the parameter list with names, `args` the call's.
#define QUIRE_LAZY(library, ret, name, params, args) \
    ret name params { \
        typedef ret (*function_type) params; \
        static function_type _Atomic resolved; \
        function_type function = resolved; \
        if (!function) resolved = function = (function_type)quire_lazy_symbol(&(library), #name); \
        return function args; \
    }

/// The same, for a function returning nothing.
#define QUIRE_LAZY_VOID(library, name, params, args) \
    void name params { \
        typedef void (*function_type) params; \
        static function_type _Atomic resolved; \
        function_type function = resolved; \
        if (!function) resolved = function = (function_type)quire_lazy_symbol(&(library), #name); \
        function args; \
    }

#endif
