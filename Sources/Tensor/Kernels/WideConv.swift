/// Stride-1 convolution on a "wide" output grid, which turns im2col into long contiguous copies.
///
/// Each image's channels are first copied into a zero-padded plane of width `wp = w + left +
/// right`. Output position (oy, ox) then reads plane offset `oy·wp + ox + ki·dh·wp + kj·dw`, so
/// the im2col row of tap (c, ki, kj) is one contiguous run of `oh·wp` floats. The GEMM computes
/// `wp` columns per output row, of which the first `ow` are kept; the extra columns only read
/// padding slack, and in backward they carry zero gradient. Costs `wp/ow` more GEMM work and
/// saves `oh` short copies per tap.
struct WidePlan {
  let g: ConvGeometry
  let hp, wp: Int
  /// Floats of one padded channel plane, plus slack for the last taps' overrun.
  let planeStride: Int
  /// Wide columns per image: oh · wp.
  let wideCols: Int

  init(_ g: ConvGeometry) {
    self.g = g
    let padBottom = (g.oh - 1) * g.strideH + g.dilationH * (g.kh - 1) + 1 - g.h - g.padTop
    let padRight = (g.ow - 1) * g.strideW + g.dilationW * (g.kw - 1) + 1 - g.w - g.padLeft
    hp = g.h + g.padTop + max(padBottom, 0)
    wp = g.w + g.padLeft + max(padRight, 0)
    planeStride = hp * wp + g.dilationW * (g.kw - 1) + 8
    wideCols = g.oh * wp
  }

  /// Whether this geometry can use the wide path (stride 1 in both directions).
  static func applies(_ g: ConvGeometry) -> Bool { g.strideH == 1 && g.strideW == 1 }

  /// Copies channels `[c0, c0 + cPerGroup)` of one image into zero-padded planes at `dst`.
  func pad(_ image: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>) {
    for c in 0..<g.cPerGroup {
      let plane = dst + c * planeStride, src = image + c * g.h * g.w
      Im2col.fill(plane, 0, planeStride)
      for y in 0..<g.h {
        Im2col.copy(plane + (y + g.padTop) * wp + g.padLeft, src + y * g.w, g.w)
      }
    }
  }

  /// Floats of column matrix that a forward band may use (about 512 KiB, an L2 cache).
  static let tileFloats = 128 * 1024

  /// Writes the wide column matrix of one padded image at column offset `col` (row stride `ld`);
  /// `columns` (default: the whole image) limits it to the first output rows' columns.
  func unfold(
    _ padded: UnsafePointer<Float>, _ col: UnsafeMutablePointer<Float>, ld: Int, columns: Int? = nil
  ) {
    let length = columns ?? wideCols
    var row = 0
    for c in 0..<g.cPerGroup {
      for ki in 0..<g.kh {
        for kj in 0..<g.kw {
          let src = padded + c * planeStride + ki * g.dilationH * wp + kj * g.dilationW
          Im2col.copy(col + row * ld, src, length)
          row += 1
        }
      }
    }
  }

  /// Adds a wide column matrix back into padded gradient planes (the adjoint of `unfold`).
  func fold(_ col: UnsafePointer<Float>, ld: Int, _ padded: UnsafeMutablePointer<Float>) {
    var row = 0
    for c in 0..<g.cPerGroup {
      for ki in 0..<g.kh {
        for kj in 0..<g.kw {
          let dst = padded + c * planeStride + ki * g.dilationH * wp + kj * g.dilationW
          Im2col.accumulate(dst, col + row * ld, wideCols)
          row += 1
        }
      }
    }
  }

  /// Copies the interior of padded gradient planes into an image's gradient channels.
  func crop(_ padded: UnsafePointer<Float>, _ image: UnsafeMutablePointer<Float>) {
    for c in 0..<g.cPerGroup {
      let plane = padded + c * planeStride, dst = image + c * g.h * g.w
      for y in 0..<g.h {
        Im2col.copy(dst + y * g.w, plane + (y + g.padTop) * wp + g.padLeft, g.w)
      }
    }
  }
}

extension ConvCore {
  /// Stride-1 forward on the wide grid (see `WidePlan`); `out` has `g.outputShape`.
  static func wideForward(
    _ g: ConvGeometry, input: Tensor, weight: Tensor, bias: Tensor?, into out: inout Tensor
  ) throws {
    let plan = WidePlan(g), chunking = ConvChunking(g, columnsPerImage: WidePlan(g).wideCols)
    let ocg = g.outCPerGroup, rows = g.colRows, L = plan.wideCols, ohw = g.oh * g.ow
    let padFloats = g.cPerGroup * plan.planeStride
    try input.withUnsafeBufferPointer { xb in
      try weight.withUnsafeBufferPointer { wb in
        try out.withUnsafeMutableBufferPointer { ob in
          let x = UncheckedBox(xb.baseAddress!), w = UncheckedBox(wb.baseAddress!),
            o = SendablePointer(ob.baseAddress!)
          let bias = bias?.scalars
          try Threading.forEachChunk(chunking.chunks, parallel: g.n > 1) { chunk in
            let images = chunking.images(chunk, g.n), nb = images.count, cols = nb * L
            if nb == 1 && rows * L > WidePlan.tileFloats {
              wideForwardTiled(plan, x.value, w.value, o.base, bias, image: images.lowerBound)
              return
            }
            Scratch.with(rows * cols + ocg * cols + padFloats) { s in
              let col = s, tmp = s + rows * cols, padded = tmp + ocg * cols
              for grp in 0..<g.groups {
                for (b, img) in images.enumerated() {
                  plan.pad(x.value + (img * g.c + grp * g.cPerGroup) * g.h * g.w, padded)
                  plan.unfold(padded, col + b * L, ld: cols)
                }
                Gemm.sgemm(
                  m: ocg, n: cols, k: rows, a: w.value + grp * ocg * rows, lda: rows, b: col,
                  ldb: cols, c: tmp, ldc: cols)
                for (b, img) in images.enumerated() {
                  for oc in 0..<ocg {
                    let v = bias?[grp * ocg + oc] ?? 0
                    let dst = o.base + (img * g.outC + grp * ocg + oc) * ohw,
                      src = tmp + oc * cols + b * L
                    for oy in 0..<g.oh { copyAdding(dst + oy * g.ow, src + oy * plan.wp, v, g.ow) }
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// One large image, forward, in bands of output rows whose column matrix fits in cache
  /// (`WidePlan.tileFloats`): unfold a band, multiply, copy it out, next band.
  static func wideForwardTiled(
    _ plan: WidePlan, _ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>,
    _ o: UnsafeMutablePointer<Float>,
    _ bias: [Float]?, image img: Int
  ) {
    let g = plan.g, ocg = g.outCPerGroup, rows = g.colRows, ohw = g.oh * g.ow
    let band = max(1, WidePlan.tileFloats / max(rows * plan.wp, 1))
    let padFloats = g.cPerGroup * plan.planeStride
    Scratch.with(rows * band * plan.wp + ocg * band * plan.wp + padFloats) { s in
      let col = s, tmp = s + rows * band * plan.wp, padded = tmp + ocg * band * plan.wp
      for grp in 0..<g.groups {
        plan.pad(x + (img * g.c + grp * g.cPerGroup) * g.h * g.w, padded)
        var oy0 = 0
        while oy0 < g.oh {
          let n = min(band, g.oh - oy0), cols = n * plan.wp
          plan.unfold(padded + oy0 * plan.wp, col, ld: cols, columns: cols)
          Gemm.sgemm(
            m: ocg, n: cols, k: rows, a: w + grp * ocg * rows, lda: rows, b: col, ldb: cols, c: tmp,
            ldc: cols)
          for oc in 0..<ocg {
            let v = bias?[grp * ocg + oc] ?? 0
            let dst = o + (img * g.outC + grp * ocg + oc) * ohw + oy0 * g.ow, src = tmp + oc * cols
            for r in 0..<n { copyAdding(dst + r * g.ow, src + r * plan.wp, v, g.ow) }
          }
          oy0 += n
        }
      }
    }
  }
}
