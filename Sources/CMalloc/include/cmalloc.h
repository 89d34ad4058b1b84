#ifndef CAIRN_CMALLOC_H
#define CAIRN_CMALLOC_H
/* glibc's malloc.h for Swift (mallopt and its M_* parameters), which the Glibc module leaves out. */
#include <malloc.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Sets one malloc parameter (mallopt); 1 on success, 0 on error. */
int cmalloc_set(int parameter, int value);

#ifdef __cplusplus
}
#endif
#endif
