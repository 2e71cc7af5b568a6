#pragma once
#include <zlib.h>

/// deflateInit is a function-like macro; Swift cannot import it, so wrap it.
static inline int czlib_deflate_init(z_streamp strm, int level) {
  return deflateInit(strm, level);
}

/// deflateInit2 wrapper: windowBits 15 gives zlib format, 31 gives gzip.
static inline int czlib_deflate_init2(z_streamp strm, int level, int windowBits) {
  return deflateInit2(strm, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}

/// inflateInit2 wrapper: windowBits 16 + MAX_WBITS reads gzip, 32 + MAX_WBITS auto-detects.
static inline int czlib_inflate_init2(z_streamp strm, int windowBits) {
  return inflateInit2(strm, windowBits);
}
