#ifndef CAIRN_CDEFLATE_H
#define CAIRN_CDEFLATE_H
/* libdeflate for Swift: whole-buffer raw DEFLATE decompression, about twice zlib's speed. */
#include <libdeflate.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The libdeflate version this module was built against. */
const char *cdeflate_version(void);

#ifdef __cplusplus
}
#endif
#endif
