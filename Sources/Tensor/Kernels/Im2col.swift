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
    let h = g.h, w = g.w, oh = g.oh, ow = g.ow
    var row = 0
    for c in 0..<g.cPerGroup {
      let plane = input + c * h * w
      for ki in 0..<g.kh {
        for kj in 0..<g.kw {
          let dst = col + row * ld
          let xOff = kj * g.dilationW - g.padLeft
          // Valid ox range: 0 <= ox*sw + xOff < w.
          let oxLo = xOff >= 0 ? 0 : min(ow, (-xOff + g.strideW - 1) / g.strideW)
          let oxHi = max(oxLo, min(ow, w - xOff <= 0 ? 0 : (w - xOff - 1) / g.strideW + 1))
          for oy in 0..<oh {
            let iy = oy * g.strideH - g.padTop + ki * g.dilationH
            let out = dst + oy * ow
            if iy < 0 || iy >= h {
              out.update(repeating: 0, count: ow)
              continue
            }
            let src = plane + iy * w + xOff
            if oxLo > 0 { out.update(repeating: 0, count: oxLo) }
            if g.strideW == 1 {
              (out + oxLo).update(from: src + oxLo, count: oxHi - oxLo)
            } else {
              for ox in oxLo..<oxHi { out[ox] = src[ox * g.strideW] }
            }
            if oxHi < ow { (out + oxHi).update(repeating: 0, count: ow - oxHi) }
          }
          row += 1
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
              for ox in oxLo..<oxHi { dst[ox] += src[ox] }
            } else {
              for ox in oxLo..<oxHi { dst[ox * g.strideW] += src[ox] }
            }
          }
          row += 1
        }
      }
    }
  }
}
