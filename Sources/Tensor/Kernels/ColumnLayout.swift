/// How the im2col backward pass lays one image's columns out: `PlainColumns` (one column per
/// output position) or `WidePlan` (stride 1: `wp` columns per output row, see `WidePlan`).
protocol ColumnLayout {
  /// Columns of one image in the column matrix.
  var columnsPerImage: Int { get }
  /// Floats of scratch the layout needs beside the columns and the output gradient.
  var extraScratch: Int { get }
  /// Copies one output-gradient channel (`oh·ow` floats at `src`) into its `columnsPerImage`
  /// columns at `dst`.
  func loadGradient(_ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>)
  /// Writes the column matrix of one image's group channels (`image`, [cPerGroup][h][w]) at
  /// `col`, row stride `ld`; `scratch` holds `extraScratch` floats.
  func unfoldImage(
    _ image: UnsafePointer<Float>, _ col: UnsafeMutablePointer<Float>, ld: Int,
    scratch: UnsafeMutablePointer<Float>)
  /// Adds a column matrix at `col` (row stride `ld`) back into one image's group-channel
  /// gradient (the adjoint of `unfoldImage`).
  func foldImage(
    _ col: UnsafePointer<Float>, ld: Int, _ image: UnsafeMutablePointer<Float>,
    scratch: UnsafeMutablePointer<Float>)
}

/// Columns of plain im2col: `oh·ow` per image, row (c, ki, kj) holding the input values each
/// output position reads through that tap.
struct PlainColumns: ColumnLayout {
  let g: ConvGeometry

  var columnsPerImage: Int { g.colCols }
  var extraScratch: Int { 0 }

  func loadGradient(_ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>) {
    Im2col.copy(dst, src, g.colCols)
  }

  func unfoldImage(
    _ image: UnsafePointer<Float>, _ col: UnsafeMutablePointer<Float>, ld: Int,
    scratch: UnsafeMutablePointer<Float>
  ) {
    Im2col.unfold(g, input: image, col: col, ld: ld)
  }

  func foldImage(
    _ col: UnsafePointer<Float>, ld: Int, _ image: UnsafeMutablePointer<Float>,
    scratch: UnsafeMutablePointer<Float>
  ) {
    Im2col.fold(g, col: col, ld: ld, input: image)
  }
}

extension WidePlan: ColumnLayout {
  var columnsPerImage: Int { wideCols }
  /// The padded planes of one image's group channels.
  var extraScratch: Int { g.cPerGroup * planeStride }

  /// Each output row's `ow` gradients, then `wp − ow` zeros (the wide columns carry none).
  func loadGradient(_ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>) {
    for oy in 0..<g.oh {
      Im2col.copy(dst + oy * wp, src + oy * g.ow, g.ow)
      Im2col.fill(dst + oy * wp + g.ow, 0, wp - g.ow)
    }
  }

  func unfoldImage(
    _ image: UnsafePointer<Float>, _ col: UnsafeMutablePointer<Float>, ld: Int,
    scratch: UnsafeMutablePointer<Float>
  ) {
    pad(image, scratch)
    unfold(scratch, col, ld: ld)
  }

  func foldImage(
    _ col: UnsafePointer<Float>, ld: Int, _ image: UnsafeMutablePointer<Float>,
    scratch: UnsafeMutablePointer<Float>
  ) {
    Im2col.fill(scratch, 0, extraScratch)
    fold(col, ld: ld, scratch)
    crop(scratch, image)
  }
}
