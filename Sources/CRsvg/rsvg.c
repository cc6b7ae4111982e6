// librsvg, opened on first use (see CLazyLoad): every function Quire calls, forwarded.
#include "CRsvg.h"
#include "lazy_load.h"

static const char *const names[] = {"librsvg-2.so.2", "librsvg-2.so", NULL};
static const QuireLazyLibrary rsvg_library = {names, "librsvg2-2"};

QUIRE_LAZY(rsvg_library, RsvgHandle *, rsvg_handle_new_from_file, (const gchar *filename, GError **error), (filename, error))
QUIRE_LAZY_VOID(rsvg_library, rsvg_handle_set_dpi, (RsvgHandle *handle, double dpi), (handle, dpi))
QUIRE_LAZY(rsvg_library, gboolean, rsvg_handle_get_intrinsic_size_in_pixels, (RsvgHandle *handle, gdouble *out_width, gdouble *out_height), (handle, out_width, out_height))
QUIRE_LAZY(rsvg_library, gboolean, rsvg_handle_render_document, (RsvgHandle *handle, cairo_t *cr, const RsvgRectangle *viewport, GError **error), (handle, cr, viewport, error))
