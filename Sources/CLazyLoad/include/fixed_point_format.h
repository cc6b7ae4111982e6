#ifndef QUIRE_FIXED_POINT_FORMAT_H
#define QUIRE_FIXED_POINT_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

/// `value` with `precision` decimals into `buffer` (at most `size` bytes, terminated), as
/// snprintf's "%.*f" writes it in the C locale; returns the length it would have written, or
/// -1 (nothing written) where only glibc's own conversion can be sure of the digits.
int quire_format_fixed(char *buffer, size_t size, double value, int precision);

/// The short path for a format that is one of the conversions cairo writes numbers with:
/// "%f", "%.Nf", "%.*f", and "%d", "%ld", "%u", "%lu", "%x", "%X" with an optional
/// zero-padded width ("%010ld", "%04x"); -1 for any other format, and for a value it leaves
/// to glibc. The arguments are read from a copy of `arguments`.
int quire_format_number(char *buffer, size_t size, const char *format, va_list arguments);

/// How many numbers the short path for snprintf has written on this thread.
long quire_fixed_point_fast_count(void);

#endif
