/* The module is glibc's malloc.h (include/cmalloc.h); a C target needs one source file. */
#include "cmalloc.h"
