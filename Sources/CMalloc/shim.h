// glibc's malloc_trim: the service gives freed heap back to the system when it goes idle.
#include <malloc.h>
