#ifndef CAIRN_CZLIB_H
#define CAIRN_CZLIB_H
/* zlib for Swift: the init macros of zlib.h cannot be imported, so they are wrapped here. */
#include <zlib.h>

#ifdef __cplusplus
extern "C" {
#endif

/** deflateInit2 with the library's own version and stream size. */
int czlib_deflate_init2(z_streamp stream, int level, int windowBits, int memLevel, int strategy);
/** inflateInit2 with the library's own version and stream size. */
int czlib_inflate_init2(z_streamp stream, int windowBits);

#ifdef __cplusplus
}
#endif
#endif
