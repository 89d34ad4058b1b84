#ifndef CAIRN_CDEFLATE_H
#define CAIRN_CDEFLATE_H
/* libdeflate for Swift: whole-buffer raw DEFLATE decompression, about twice zlib's speed. */
#include <libdeflate.h>
#endif
