// poppler-glib's own header, found under /usr/include through glib's and cairo's include
// paths (CGObject, CCairo); the library itself is opened on first use (poppler.c).
#include <poppler/glib/poppler.h>
