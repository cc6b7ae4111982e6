// cairo writes every number of a PDF through snprintf, one conversion at a time ("%f",
// "%.18f", "%.*f", "%d", "%010ld", "%04x", ...), and glibc's printf parses each format and
// converts each double exactly with multi-precision arithmetic: 3.9% of a service render's
// samples, under cairo_surface_show_page. This stands in for snprintf and its fortified form
// with a short path for exactly those single conversions, which writes the bytes glibc
// writes. Integers are plain; for "%f", the value times 10^precision is computed exactly in
// 128-bit integers and rounded to the nearest integer, ties to even, as glibc rounds. A
// value of 2^53 or more, a non-finite one, a locale whose decimal point is not '.', and
// every other format go to glibc's own vsnprintf. As for deflateInit_ beside it, the
// executable's definition comes first in every library's lookup.
#undef _FORTIFY_SOURCE  // stdio.h must declare snprintf, not wrap it
#define _GNU_SOURCE
#include "fixed_point_format.h"
#include <langinfo.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int __vsnprintf_chk(char *s, size_t maxlen, int flag, size_t slen, const char *format, va_list ap);

// Per thread: a shared counter's cache line went back and forth between the render threads.
static _Thread_local long fast_count;

long quire_fixed_point_fast_count(void) { return fast_count; }

/// `text` (of `length` bytes) into `buffer` as snprintf stores it: cut to `size` − 1 bytes
/// and terminated; returns the full length.
static int store(char *buffer, size_t size, const char *text, int length) {
    if (size > 0) {
        size_t copied = (size_t)length < size - 1 ? (size_t)length : size - 1;
        memcpy(buffer, text, copied);
        buffer[copied] = '\0';
    }
    fast_count += 1;
    return length;
}

enum { max_precision = 18 };  // cairo asks for up to 18 decimals for values below 0.1

/// The integer nearest |value|·10^precision, ties to even (as glibc rounds in the default
/// rounding mode), computed exactly: |value| is m·2^e with a 53-bit m, so the product is
/// m·10^p (below 2^113) shifted right by −e, and the bits shifted out decide the rounding.
/// False where the result would not fit 64 bits.
static int scaled_nearest(double value, int precision, uint64_t *result) {
    int exponent;
    const double fraction = frexp(fabs(value), &exponent);
    const uint64_t mantissa = (uint64_t)ldexp(fraction, 53);
    const int shift = 53 - exponent;
    if (shift <= 0) return 0;  // |value| ≥ 2^53: glibc's
    unsigned __int128 product = mantissa;
    for (int index = 0; index < precision; index++) product *= 10;
    if (shift >= 120) {
        *result = 0;  // below 2^-7 after scaling: rounds to zero, never a tie
        return 1;
    }
    const unsigned __int128 one = 1;
    unsigned __int128 quotient = product >> shift;
    const unsigned __int128 remainder = product & ((one << shift) - 1), half = one << (shift - 1);
    if (remainder > half || (remainder == half && (quotient & 1))) quotient += 1;
    if (quotient >> 64) return 0;
    *result = (uint64_t)quotient;
    return 1;
}

int quire_format_fixed(char *buffer, size_t size, double value, int precision) {
    if (precision < 0 || precision > max_precision || !isfinite(value)) return -1;
    uint64_t digits;
    if (!scaled_nearest(value, precision, &digits)) return -1;
    const char *point = nl_langinfo(RADIXCHAR);
    if (!point || point[0] != '.' || point[1] != '\0') return -1;

    char reversed[48], text[48];
    int length = 0;
    // Digits from the last: the decimals (zero-padded), the point, then the integer part.
    for (int index = 0; index < precision; index++) {
        reversed[length++] = (char)('0' + digits % 10);
        digits /= 10;
    }
    if (precision > 0) reversed[length++] = '.';
    do {
        reversed[length++] = (char)('0' + digits % 10);
        digits /= 10;
    } while (digits);
    if (signbit(value)) reversed[length++] = '-';  // glibc keeps the sign of a value that rounds to zero
    for (int index = 0; index < length; index++) text[index] = reversed[length - 1 - index];
    return store(buffer, size, text, length);
}

/// An integer as "%d", "%u", "%x" or "%X" write it, zero-padded to `width` after any sign.
static int format_integer(char *buffer, size_t size, uint64_t magnitude, int negative, unsigned base, int upper, int width) {
    const char *numerals = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char reversed[24], text[128];
    int count = 0;
    do {
        reversed[count++] = numerals[magnitude % base];
        magnitude /= base;
    } while (magnitude);
    int length = 0;
    if (negative) text[length++] = '-';
    for (int padded = count + negative; padded < width; padded++) text[length++] = '0';
    while (count) text[length++] = reversed[--count];
    return store(buffer, size, text, length);
}

int quire_format_number(char *buffer, size_t size, const char *format, va_list arguments) {
    if (format[0] != '%') return -1;
    const char *cursor = format + 1;
    int zero = 0, width = 0, precision = -1, star = 0, wide = 0;
    if (*cursor == '0') zero = 1, cursor++;
    while (*cursor >= '0' && *cursor <= '9') {
        width = width * 10 + (*cursor++ - '0');
        if (width > 100) return -1;
    }
    if (*cursor == '.') {
        cursor++;
        if (*cursor == '*') {
            star = 1, cursor++;
        } else {
            precision = 0;
            while (*cursor >= '0' && *cursor <= '9') {
                precision = precision * 10 + (*cursor++ - '0');
                if (precision > 100) return -1;
            }
        }
    }
    if (*cursor == 'l') wide = 1, cursor++;
    const char conversion = *cursor;
    if (conversion == '\0' || cursor[1] != '\0') return -1;
    if (width > 0 && !zero) return -1;  // padding with spaces: glibc's

    va_list copy;
    va_copy(copy, arguments);
    int written = -1;
    if (conversion == 'f' && !wide && !zero && width == 0) {
        if (star) precision = va_arg(copy, int);
        written = quire_format_fixed(buffer, size, va_arg(copy, double), precision < 0 ? 6 : precision);
    } else if (!star && precision < 0) {
        if (conversion == 'd') {
            const long value = wide ? va_arg(copy, long) : va_arg(copy, int);
            const uint64_t magnitude = value < 0 ? (uint64_t)0 - (uint64_t)value : (uint64_t)value;
            written = format_integer(buffer, size, magnitude, value < 0, 10, 0, width);
        } else if (conversion == 'u' || conversion == 'x' || conversion == 'X') {
            const uint64_t value = wide ? va_arg(copy, unsigned long) : va_arg(copy, unsigned int);
            written = format_integer(buffer, size, value, 0, conversion == 'u' ? 10 : 16, conversion == 'X', width);
        }
    }
    va_end(copy);
    return written;
}

__attribute__((visibility("default"))) int snprintf(char *buffer, size_t size, const char *format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int written = quire_format_number(buffer, size, format, arguments);
    if (written < 0) written = vsnprintf(buffer, size, format, arguments);
    va_end(arguments);
    return written;
}

__attribute__((visibility("default"))) int __snprintf_chk(char *buffer, size_t size, int flag, size_t buffer_length, const char *format, ...) {
    va_list arguments;
    va_start(arguments, format);
    // A size past the buffer is glibc's to report (it aborts the process).
    int written = size <= buffer_length ? quire_format_number(buffer, size, format, arguments) : -1;
    if (written < 0) written = __vsnprintf_chk(buffer, size, flag, buffer_length, format, arguments);
    va_end(arguments);
    return written;
}
