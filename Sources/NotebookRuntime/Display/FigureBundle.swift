import Display
import Graphics
import Lang
import Plot
import Tensor

/// A Plot figure as a MIME bundle: the SVG and, always beside it, its PNG rendering (JupyterLab
/// hides SVG in untrusted notebooks), plus a plain-text description.
enum FigureBundle {
  /// Device pixels per CSS pixel of the PNG.
  static let pngScale = 1.5

  static func bundle(_ figure: some Figure, plain: String) -> MimeBundle {
    var bundle = MimeBundle(plain: plain)
    add(figure, to: &bundle)
    return bundle
  }

  /// Adds `image/svg+xml` and `image/png` (with its CSS size as metadata).
  static func add(_ figure: some Figure, to bundle: inout MimeBundle) {
    let scene = figure.scene()
    bundle.add("image/svg+xml", SVGWriter().write(scene))
    let bitmap = Rasterizer(scale: pngScale).render(scene)
    bundle.add(
      "image/png", bytes: PNGEncoder.encode(bitmap),
      metadata: [
        "width": .int(Int(scene.width.rounded())), "height": .int(Int(scene.height.rounded())),
      ])
  }
}

/// A figure as a language value (`history.plot()`, `imageGrid(...)`): shown as SVG + PNG, and
/// as its plain-text summary in print and `stride run`'s terminal.
final class FigureValue: RuntimeObject {
  let figure: any Figure
  let summary: String
  let kind: String

  init(_ figure: any Figure, kind: String = "Figure", summary: String) {
    self.figure = figure
    self.kind = kind
    self.summary = summary
  }

  override var typeName: String { kind }
  override var aliases: [String] { ["Figure"] }
  override var description: String { summary }

  override var methods: [MethodSpec] {
    [
      MethodSpec(
        name: "save", parameters: [P.positional("path", "String")], returns: nil,
        doc: "Writes the figure to a .svg or .png file."
      ) { arguments in
        let path = try arguments.string("path")
        try FigureFiles.write(self.figure, to: path)
        return .void
      }
    ]
  }

  override func displayBundle() -> MimeBundle { FigureBundle.bundle(figure, plain: summary) }
}

/// Writing figures to files.
enum FigureFiles {
  static func write(_ figure: any Figure, to path: String) throws {
    let bytes: [UInt8]
    if path.lowercased().hasSuffix(".svg") {
      bytes = Array(figure.svg().utf8)
    } else if path.lowercased().hasSuffix(".png") {
      bytes = figure.png(scale: FigureBundle.pngScale)
    } else {
      throw HostError("ValueError", "save needs a path ending in .svg or .png, got \(path)")
    }
    try FileBytes.write(bytes, to: path)
  }
}

/// Convolution weights `[O, I, kh, kw]` as a grid of filters (one tile per output/input pair, at
/// most 64), values centred on zero so positive and negative weights read differently.
enum FilterGrid {
  static func figure(_ tensor: Tensor) -> ImageGrid? {
    // An empty tensor has no filters to draw (and its first axis may be 2^62 long).
    guard tensor.rank == 4, tensor.count > 0 else { return nil }
    let (outputs, inputs, height, width) = (
      tensor.shape[0], tensor.shape[1], tensor.shape[2], tensor.shape[3]
    )
    guard height >= 1, width >= 1, height <= 64, width <= 64 else { return nil }
    let plane = height * width
    var tiles: [ImageGrid.Tile] = []
    outer: for o in 0..<outputs {
      for i in 0..<inputs {
        if tiles.count == 64 { break outer }
        let start = (o * inputs + i) * plane
        let pixels = Array(tensor.scalars[start..<(start + plane)])
        let caption = inputs == 1 ? "\(o)" : "\(o).\(i)"
        tiles.append(ImageGrid.Tile(floats: pixels, width: width, height: height, caption: caption))
      }
    }
    let title =
      "filters \(outputs)x\(inputs)x\(height)x\(width)"
      + (outputs * inputs > 64 ? " (first 64)" : "")
    return ImageGrid(
      title: title, tiles: tiles, columns: min(tiles.count, inputs == 1 ? 8 : inputs),
      normalization: .symmetric, colorMap: .diverging)
  }
}
