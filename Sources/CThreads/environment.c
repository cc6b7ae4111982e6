// Setting an environment variable while other threads may read the environment.
//
// glibc's setenv grows the array it made the last time with realloc, which frees the old
// one while a getenv on another thread may still be walking it: a cold render crashed in
// pango_cairo_font_map_new's getenv on the warm-up thread as the main thread set a variable
// (about one run in 250 with two renders at once). Here a new array is made and published with
// one atomic store, and the old one is never freed (a few hundred bytes, once per variable).
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "threads.h"

extern char **environ;

static pthread_mutex_t changing = PTHREAD_MUTEX_INITIALIZER;

int quire_environment_set(const char *name, const char *value) {
    size_t name_length = strlen(name);
    if (name_length == 0 || strchr(name, '=') != NULL) return -1;
    pthread_mutex_lock(&changing);
    const char *current = getenv(name);
    if (current != NULL && strcmp(current, value) == 0) {
        pthread_mutex_unlock(&changing);
        return 0;
    }
    size_t value_length = strlen(value);
    char *entry = malloc(name_length + 1 + value_length + 1);
    size_t count = 0;
    for (char **item = environ; item != NULL && *item != NULL; item++) count++;
    char **grown = malloc((count + 2) * sizeof(char *));
    if (entry == NULL || grown == NULL) {
        free(entry);
        free(grown);
        pthread_mutex_unlock(&changing);
        return -1;
    }
    memcpy(entry, name, name_length);
    entry[name_length] = '=';
    memcpy(entry + name_length + 1, value, value_length + 1);
    size_t kept = 0;
    for (size_t index = 0; index < count; index++) {
        char *item = environ[index];
        if (strncmp(item, name, name_length) == 0 && item[name_length] == '=') continue;  // replaced
        grown[kept++] = item;
    }
    grown[kept++] = entry;
    grown[kept] = NULL;
    __atomic_store_n(&environ, grown, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&changing);
    return 0;
}
