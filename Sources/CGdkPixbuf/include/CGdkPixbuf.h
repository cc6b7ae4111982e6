// The gdk-pixbuf functions Quire calls, declared as gdk-pixbuf 2.32+ declares them (its own
// header needs include paths only pkg-config gives, and pkg-config would link the library at
// start-up); the library is opened on first use (pixbuf.c).
#include <glib-object.h>

typedef struct _GdkPixbuf GdkPixbuf;

GdkPixbuf *gdk_pixbuf_new_from_file(const char *filename, GError **error);
int gdk_pixbuf_get_width(const GdkPixbuf *pixbuf);
int gdk_pixbuf_get_height(const GdkPixbuf *pixbuf);
int gdk_pixbuf_get_n_channels(const GdkPixbuf *pixbuf);
int gdk_pixbuf_get_rowstride(const GdkPixbuf *pixbuf);
int gdk_pixbuf_get_bits_per_sample(const GdkPixbuf *pixbuf);
gboolean gdk_pixbuf_get_has_alpha(const GdkPixbuf *pixbuf);
const guint8 *gdk_pixbuf_read_pixels(const GdkPixbuf *pixbuf);
