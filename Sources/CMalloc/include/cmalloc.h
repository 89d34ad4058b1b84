#ifndef CAIRN_CMALLOC_H
#define CAIRN_CMALLOC_H
/* glibc's malloc.h for Swift (mallopt and its M_* parameters), which the Glibc module leaves out. */
#include <malloc.h>
#endif
