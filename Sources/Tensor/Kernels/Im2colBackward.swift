extension ConvCore {
  /// Convolution backward by im2col + GEMM in the column layout `layout`: the input gradient
  /// (when `weight` is given) and the weight gradient (when `input` is given).
  ///
  /// Per chunk of images and group: dy [outC/groups][cols] from `gradOutput`; then
  /// dW_chunk = dy · colᵀ ([outC/groups][colRows], summed over chunks in chunk order, so any
  /// thread count gives the same bits) and col = Wᵀ · dy folded back into dx.
  static func im2colBackward<Layout: ColumnLayout>(
    _ g: ConvGeometry, _ layout: Layout, gradOutput: Tensor, input: Tensor?, weight: Tensor?
  ) throws -> (input: Tensor?, weight: Tensor?) {
    let chunking = ConvChunking(g, columnsPerImage: layout.columnsPerImage)
    let ocg = g.outCPerGroup, rows = g.colRows, perImage = layout.columnsPerImage
    let wCount = g.outC * rows, imageFloats = g.h * g.w
    var gradInput = weight == nil ? nil : Tensor.zerosUnchecked(g.inputShape)
    if gradOutput.count == 0 || Shape.count(g.inputShape) == 0 || wCount == 0 {
      return (gradInput, input == nil ? nil : Tensor.zerosUnchecked(g.weightShape))
    }
    var partials = input == nil ? nil : Tensor.zerosUnchecked([chunking.chunks, wCount])
    try gradOutput.withUnsafeBufferPointer { gb in
      try withOptionalPointer(input) { xPtr in
        try withOptionalPointer(weight) { wPtr in
          try withOptionalMutablePointer(&gradInput) { dxPtr in
            try withOptionalMutablePointer(&partials) { pPtr in
              let gy = UncheckedBox(gb.baseAddress!), x = UncheckedBox(xPtr), w = UncheckedBox(wPtr)
              let dx = UncheckedBox(dxPtr), part = UncheckedBox(pPtr)
              try Threading.forEachChunk(chunking.chunks, parallel: g.n > 1) { chunk in
                let images = chunking.images(chunk, g.n), cols = images.count * perImage
                Scratch.with(rows * cols + ocg * cols + layout.extraScratch) { s in
                  let col = s, dy = s + rows * cols, scratch = dy + ocg * cols
                  for grp in 0..<g.groups {
                    layout.loadGradients(g, gy.value, images: images, group: grp, dy, cols: cols)
                    if let xv = x.value, let pv = part.value {
                      for (b, img) in images.enumerated() {
                        let image = xv + (img * g.c + grp * g.cPerGroup) * imageFloats
                        layout.unfoldImage(image, col + b * perImage, ld: cols, scratch: scratch)
                      }
                      Gemm.sgemm(
                        transB: true, m: ocg, n: rows, k: cols, a: dy, lda: cols, b: col, ldb: cols,
                        c: pv + chunk * wCount + grp * ocg * rows, ldc: rows)
                    }
                    if let wv = w.value, let dxv = dx.value {
                      Gemm.sgemm(
                        transA: true, m: rows, n: cols, k: ocg, a: wv + grp * ocg * rows, lda: rows,
                        b: dy, ldb: cols, c: col, ldc: cols)
                      for (b, img) in images.enumerated() {
                        let image = dxv + (img * g.c + grp * g.cPerGroup) * imageFloats
                        layout.foldImage(col + b * perImage, ld: cols, image, scratch: scratch)
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    let gradWeight = partials.map {
      sumPartials($0, chunks: chunking.chunks, count: wCount, shape: g.weightShape)
    }
    return (gradInput, gradWeight)
  }
}

extension ColumnLayout {
  /// The output gradient of `images`' group `grp` as dy [outC/groups][cols] at `dy`, each image's
  /// `columnsPerImage` columns after the previous image's.
  func loadGradients(
    _ g: ConvGeometry, _ gy: UnsafePointer<Float>, images: Range<Int>, group grp: Int,
    _ dy: UnsafeMutablePointer<Float>, cols: Int
  ) {
    let ocg = g.outCPerGroup, ohw = g.oh * g.ow
    for (b, img) in images.enumerated() {
      for oc in 0..<ocg {
        loadGradient(
          gy + (img * g.outC + grp * ocg + oc) * ohw, dy + oc * cols + b * columnsPerImage)
      }
    }
  }
}
