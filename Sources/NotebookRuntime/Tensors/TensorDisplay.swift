import Display
import Graphics
import Tensor
import TextFormat

/// The rich forms of a tensor: NumPy-style text always, an HTML table for small 1-D and 2-D
/// tensors, a PNG image for an image-sized `[H, W]`, `[1, H, W]` or `[3, H, W]` tensor, and a grid
/// of filters for convolution weights `[O, I, kh, kw]`.
enum TensorDisplay {
  static func bundle(_ tensor: Tensor) -> MimeBundle {
    if let image = TensorImage.bitmap(tensor) {
      var bundle = MimeBundle(plain: TensorText.brief(tensor, as: "image"))
      bundle.add(
        "image/png", bytes: PNGEncoder.encode(image),
        metadata: ["width": .int(image.width), "height": .int(image.height)])
      return bundle
    }
    if let grid = FilterGrid.figure(tensor) {
      return FigureBundle.bundle(grid, plain: TensorText.brief(tensor, as: "filters"))
    }
    var bundle = MimeBundle(plain: TensorText.plain(tensor))
    if let html = TensorText.html(tensor) { bundle.add("text/html", html) }
    return bundle
  }
}

/// The text forms of a tensor.
enum TensorText {
  /// NumPy-style values; a shape line first for tensors of rank 3 and more, or summarised ones.
  static func plain(_ tensor: Tensor) -> String {
    let text = tensor.description(precision: DisplaySettings.precision)
    if tensor.rank <= 2 && tensor.count <= 1000 { return text }
    return "Tensor(shape: \(tensor.shape))\n" + text
  }

  /// A Bool tensor as nested arrays of `true`/`false`: `[[true, false], [false, true]]`.
  static func bools(_ tensor: Tensor) -> String {
    TensorLiteral.nested(tensor, bools: true).description
  }

  /// One line for tensors shown as pictures: `Tensor [1, 28, 28] (image): min 0, max 1, mean 0.2`.
  static func brief(_ tensor: Tensor, as kind: String) -> String {
    let scalars = tensor.scalars
    let mean = scalars.isEmpty ? 0 : scalars.reduce(0.0) { $0 + Double($1) } / Double(scalars.count)
    let low = Double(scalars.min() ?? 0), high = Double(scalars.max() ?? 0)
    return
      "Tensor \(tensor.shape) (\(kind)): min \(NumberFormat.fixed(low, maxFractionDigits: 4)), max \(NumberFormat.fixed(high, maxFractionDigits: 4)), mean \(NumberFormat.fixed(mean, maxFractionDigits: 4))"
  }

  /// An HTML table for a 1-D or 2-D tensor (rows and columns beyond 20 elided), nil otherwise.
  static func html(_ tensor: Tensor) -> String? {
    guard tensor.rank == 1 || tensor.rank == 2, tensor.count > 0 else { return nil }
    let rows = tensor.rank == 1 ? 1 : tensor.shape[0]
    let columns = tensor.shape[tensor.rank - 1]
    let shownRows = elided(rows)
    let shownColumns = elided(columns)
    let integral = tensor.scalars.allSatisfy { $0 == $0.rounded() && abs($0) < 1e7 }
    func text(_ r: Int?, _ c: Int?) -> String {
      guard let r, let c else { return "…" }
      let value = tensor.scalars[r * columns + c]
      return integral
        ? String(Int(value))
        : NumberFormat.fixed(Double(value), maxFractionDigits: DisplaySettings.precision)
    }
    let body = shownRows.map { r in shownColumns.map { c in text(r, c) } }
    let caption = "Tensor \(tensor.shape)"
    return HTML.table(
      header: [], rows: body, numeric: Set(0..<shownColumns.count), caption: caption)
  }

  /// Indices 0..<n, with nil marking an ellipsis when n is beyond 20.
  private static func elided(_ n: Int) -> [Int?] {
    n <= 20 ? Array(0..<n) : Array(0..<10) + [nil] + Array((n - 10)..<n)
  }
}

/// Image tensors as bitmaps: values scaled from their min..max to 0…255, upscaled by nearest
/// neighbour so a 28x28 image shows at 112x112 or more.
enum TensorImage {
  /// A grey or RGB bitmap for `[H, W]`, `[1, H, W]`, `[3, H, W]` with H, W ≥ 8; nil otherwise.
  static func bitmap(_ tensor: Tensor) -> Bitmap? {
    let shape = tensor.shape
    let (channels, height, width): (Int, Int, Int)
    switch shape.count {
    case 2: (channels, height, width) = (1, shape[0], shape[1])
    case 3 where shape[0] == 1 || shape[0] == 3:
      (channels, height, width) = (shape[0], shape[1], shape[2])
    default: return nil
    }
    guard height >= 8, width >= 8, height <= 2048, width <= 2048 else { return nil }
    let scalars = tensor.scalars
    let low = scalars.min() ?? 0
    let high = scalars.max() ?? 1
    let range = high > low ? high - low : 1
    let plane = height * width
    var pixels = [UInt8](repeating: 0, count: plane * channels)
    for i in 0..<plane {
      for c in 0..<channels {
        let value = (scalars[c * plane + i] - low) / range
        pixels[i * channels + c] = UInt8(max(0, min(255, (value * 255).rounded())))
      }
    }
    guard
      let image = try? Bitmap(
        width: width, height: height, format: channels == 1 ? .gray : .rgb, pixels: pixels)
    else {
      return nil
    }
    let factor = max(1, min(8, 128 / max(height, width)))
    return factor > 1 ? image.upscaled(by: factor) : image
  }
}
