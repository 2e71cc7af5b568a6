/// Unfolding image patches into matrix columns (im2col) and folding them back (col2im).
///
/// For one image and one group, the column matrix has `colRows = (C/groups)·kh·kw` rows, ordered
/// (channel, ki, kj), and `oh·ow` columns per image, ordered (oy, ox); `ld` is its row stride so
/// several images can sit side by side. Input planes are NCHW: channel `c` at `c·h·w`.
enum Im2col {
  /// Writes the column matrix of `input` (channels `0..<cPerGroup` from the pointer) into `col`.
  static func unfold(
    _ g: ConvGeometry, input: UnsafePointer<Float>, col: UnsafeMutablePointer<Float>, ld: Int
  ) {
    let h = g.h, w = g.w, oh = g.oh, ow = g.ow, sh = g.strideH, sw = g.strideW
    var row = 0
    for c in 0..<g.cPerGroup {
      let plane = input + c &* h &* w
      for ki in 0..<g.kh {
        let yOff = ki &* g.dilationH &- g.padTop
        // Valid oy range: 0 <= oy*sh + yOff < h.
        let oyLo = yOff >= 0 ? 0 : min(oh, (-yOff + sh - 1) / sh)
        let oyHi = max(oyLo, min(oh, h - yOff <= 0 ? 0 : (h - yOff - 1) / sh + 1))
        for kj in 0..<g.kw {
          let dst = col + row &* ld
          let xOff = kj &* g.dilationW &- g.padLeft
          let oxLo = xOff >= 0 ? 0 : min(ow, (-xOff + sw - 1) / sw)
          let oxHi = max(oxLo, min(ow, w - xOff <= 0 ? 0 : (w - xOff - 1) / sw + 1))
          let n = oxHi &- oxLo
          if oyLo > 0 { fill(dst, 0, oyLo &* ow) }
          for oy in oyLo..<oyHi {
            let out = dst + oy &* ow
            let src = plane + ((oy &* sh &+ yOff) &* w &+ xOff)
            if oxLo > 0 { fill(out, 0, oxLo) }
            if sw == 1 {
              copy(out + oxLo, src + oxLo, n)
            } else {
              var ox = oxLo
              while ox < oxHi {
                out[ox] = src[ox &* sw]
                ox &+= 1
              }
            }
            if oxHi < ow { fill(out + oxHi, 0, ow &- oxHi) }
          }
          if oyHi < oh { fill(dst + oyHi &* ow, 0, (oh &- oyHi) &* ow) }
          row &+= 1
        }
      }
    }
  }

  /// Adds the column matrix `col` back into the image `input` (overlapping patches sum).
  /// `input` must be initialised (zeros for a fresh gradient).
  static func fold(
    _ g: ConvGeometry, col: UnsafePointer<Float>, ld: Int, input: UnsafeMutablePointer<Float>
  ) {
    let h = g.h, w = g.w, oh = g.oh, ow = g.ow
    var row = 0
    for c in 0..<g.cPerGroup {
      let plane = input + c * h * w
      for ki in 0..<g.kh {
        for kj in 0..<g.kw {
          let srcRow = col + row * ld
          let xOff = kj * g.dilationW - g.padLeft
          let oxLo = xOff >= 0 ? 0 : min(ow, (-xOff + g.strideW - 1) / g.strideW)
          let oxHi = max(oxLo, min(ow, w - xOff <= 0 ? 0 : (w - xOff - 1) / g.strideW + 1))
          for oy in 0..<oh {
            let iy = oy * g.strideH - g.padTop + ki * g.dilationH
            if iy < 0 || iy >= h { continue }
            let dst = plane + iy * w + xOff
            let src = srcRow + oy * ow
            if g.strideW == 1 {
              accumulate(dst + oxLo, src + oxLo, oxHi - oxLo)
            } else {
              for ox in oxLo..<oxHi { dst[ox * g.strideW] += src[ox] }
            }
          }
          row += 1
        }
      }
    }
  }

  /// Copies `n` floats (short rows: a loop beats a `memmove` call).
  @inline(__always)
  static func copy(_ dst: UnsafeMutablePointer<Float>, _ src: UnsafePointer<Float>, _ n: Int) {
    var i = 0
    while i &+ 8 <= n {
      VectorMath.store(VectorMath.load(src + i), dst + i)
      i &+= 8
    }
    while i < n {
      dst[i] = src[i]
      i &+= 1
    }
  }

  /// `dst[i] += src[i]` for `n` floats.
  @inline(__always)
  static func accumulate(_ dst: UnsafeMutablePointer<Float>, _ src: UnsafePointer<Float>, _ n: Int)
  {
    var i = 0
    while i + 8 <= n {
      VectorMath.store(VectorMath.load(dst + i) + VectorMath.load(src + i), dst + i)
      i += 8
    }
    while i < n {
      dst[i] += src[i]
      i += 1
    }
  }

  /// Sets `n` floats to `v`.
  @inline(__always)
  static func fill(_ dst: UnsafeMutablePointer<Float>, _ v: Float, _ n: Int) {
    var i = 0
    while i + 8 <= n {
      VectorMath.store(F8(repeating: v), dst + i)
      i += 8
    }
    while i < n {
      dst[i] = v
      i += 1
    }
  }
}
