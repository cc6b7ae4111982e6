#ifndef QUIRE_PANGO_FONTSET_THREADS_H
#define QUIRE_PANGO_FONTSET_THREADS_H

/// How many of Pango's fontconfig match and sort threads this process ran on their caller's
/// thread instead (pango_fontset_threads.c).
long quire_pango_fontset_threads_run_here(void);

#endif
