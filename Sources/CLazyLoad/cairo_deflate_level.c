// cairo 1.16 deflates every font subset it embeds at zlib's default level (6) and offers no
// setting for it; for a 3-page paper that was a sixth of the service's render time (perf:
// 7% of its samples, in deflate under cairo_surface_finish). At level 1 the render takes
// 1.5 to 2.5 ms less and the file is 2% larger (74,422 against 75,983 bytes).
//
// The executable's dynamic symbols come first in every library's lookup, so this definition
// stands in for zlib's deflateInit_ wherever it is called: cairo's calls at the default level
// get level 1; every other caller (zlib's own compress2, which Quire's content streams use,
// libqpdf, poppler) keeps the level it asked for. Both levels are deterministic, so the output
// stays byte-reproducible.
#define _GNU_SOURCE  // dladdr
#include <dlfcn.h>
#include <string.h>
#include <zlib.h>

enum { cairo_font_level = 1, default_memory_level = 8 };  // zlib's DEF_MEM_LEVEL

static int called_from_cairo(const void *return_address) {
    Dl_info info;
    if (!dladdr(return_address, &info) || !info.dli_fname) return 0;
    const char *name = strrchr(info.dli_fname, '/');
    return strncmp(name ? name + 1 : info.dli_fname, "libcairo.so", 11) == 0;
}

__attribute__((visibility("default"))) int deflateInit_(z_streamp stream, int level, const char *version, int stream_size) {
    if (level == Z_DEFAULT_COMPRESSION && called_from_cairo(__builtin_return_address(0))) level = cairo_font_level;
    // What zlib's own deflateInit_ does with the level.
    return deflateInit2_(stream, level, Z_DEFLATED, MAX_WBITS, default_memory_level, Z_DEFAULT_STRATEGY, version, stream_size);
}
