// poppler-glib, opened on first use (see CLazyLoad): every function Quire calls, forwarded.
#include "CPopplerGlib.h"
#include "lazy_load.h"

static const char *const names[] = {"libpoppler-glib.so.8", "libpoppler-glib.so", NULL};
static const QuireLazyLibrary poppler_library = {names, "libpoppler-glib8"};

QUIRE_LAZY(poppler_library, GQuark, poppler_error_quark, (void), ())
QUIRE_LAZY(poppler_library, PopplerDocument *, poppler_document_new_from_bytes, (GBytes *bytes, const char *password, GError **error), (bytes, password, error))
QUIRE_LAZY(poppler_library, PopplerDocument *, poppler_document_new_from_file, (const char *uri, const char *password, GError **error), (uri, password, error))
QUIRE_LAZY(poppler_library, int, poppler_document_get_n_pages, (PopplerDocument *document), (document))
QUIRE_LAZY(poppler_library, PopplerPage *, poppler_document_get_page, (PopplerDocument *document, int index), (document, index))
QUIRE_LAZY(poppler_library, PopplerPermissions, poppler_document_get_permissions, (PopplerDocument *document), (document))
QUIRE_LAZY(poppler_library, PopplerStructureElementIter *, poppler_structure_element_iter_new, (PopplerDocument *poppler_document), (poppler_document))
QUIRE_LAZY_VOID(poppler_library, poppler_structure_element_iter_free, (PopplerStructureElementIter *iter), (iter))
QUIRE_LAZY_VOID(poppler_library, poppler_page_get_size, (PopplerPage *page, double *width, double *height), (page, width, height))
QUIRE_LAZY(poppler_library, char *, poppler_page_get_text, (PopplerPage *page), (page))
QUIRE_LAZY(poppler_library, gboolean, poppler_page_get_text_layout, (PopplerPage *page, PopplerRectangle **rectangles, guint *n_rectangles), (page, rectangles, n_rectangles))
QUIRE_LAZY(poppler_library, GList *, poppler_page_get_text_attributes, (PopplerPage *page), (page))
QUIRE_LAZY_VOID(poppler_library, poppler_page_free_text_attributes, (GList *list), (list))
QUIRE_LAZY_VOID(poppler_library, poppler_page_render, (PopplerPage *page, cairo_t *cairo), (page, cairo))
