// gdk-pixbuf, opened on first use (see CLazyLoad): every function Quire calls, forwarded.
#include "CGdkPixbuf.h"
#include "lazy_load.h"

static const char *const names[] = {"libgdk_pixbuf-2.0.so.0", "libgdk_pixbuf-2.0.so", NULL};
static const QuireLazyLibrary pixbuf_library = {names, "libgdk-pixbuf-2.0-0"};

QUIRE_LAZY(pixbuf_library, GdkPixbuf *, gdk_pixbuf_new_from_file, (const char *filename, GError **error), (filename, error))
QUIRE_LAZY(pixbuf_library, int, gdk_pixbuf_get_width, (const GdkPixbuf *pixbuf), (pixbuf))
QUIRE_LAZY(pixbuf_library, int, gdk_pixbuf_get_height, (const GdkPixbuf *pixbuf), (pixbuf))
QUIRE_LAZY(pixbuf_library, int, gdk_pixbuf_get_n_channels, (const GdkPixbuf *pixbuf), (pixbuf))
QUIRE_LAZY(pixbuf_library, int, gdk_pixbuf_get_rowstride, (const GdkPixbuf *pixbuf), (pixbuf))
QUIRE_LAZY(pixbuf_library, int, gdk_pixbuf_get_bits_per_sample, (const GdkPixbuf *pixbuf), (pixbuf))
QUIRE_LAZY(pixbuf_library, gboolean, gdk_pixbuf_get_has_alpha, (const GdkPixbuf *pixbuf), (pixbuf))
QUIRE_LAZY(pixbuf_library, const guint8 *, gdk_pixbuf_read_pixels, (const GdkPixbuf *pixbuf), (pixbuf))
