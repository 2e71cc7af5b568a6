import Graphics

/// Anything Plot can draw: it builds a `Scene`, which renders to SVG or PNG.
///
/// ```swift
/// let chart = LineChart(title: "loss", series: [.init(name: "train", y: [2.3, 1.1, 0.7])])
/// let svg = chart.svg()            // SVG 1.1 text
/// let png = chart.png(scale: 2)    // PNG bytes, twice the scene size for HiDPI screens
/// ```
public protocol Figure: Sendable {
  /// The figure as a scene; its width and height are the figure's size in CSS pixels.
  func scene() -> Scene
}

extension Figure {
  /// The figure as an SVG document.
  public func svg() -> String {
    SVGWriter().write(scene())
  }

  /// The figure rasterised at `scale` device pixels per scene unit (RGBA).
  public func bitmap(scale: Double = 2) -> Bitmap {
    Rasterizer(scale: scale).render(scene())
  }

  /// The figure as PNG bytes at `scale` device pixels per scene unit.
  ///
  /// `compressionLevel` is zlib's 1 (fastest) … 9 (smallest); for live updates several times a
  /// second, `png(scale: 1, compressionLevel: 1)` costs about a quarter of the default.
  public func png(scale: Double = 2, compressionLevel: Int = 6) -> [UInt8] {
    PNGEncoder.encode(bitmap(scale: scale), compressionLevel: compressionLevel)
  }
}

/// A figure rendered once: its SVG, its PNG and its size in CSS pixels.
///
/// A MIME bundle carries both (`image/svg+xml` and `image/png`); the PNG is `scale` times
/// larger than `width` × `height`, so give those as the PNG's display size in its metadata.
public struct RenderedFigure: Sendable, Hashable {
  /// The SVG document.
  public let svg: String
  /// The PNG file bytes.
  public let png: [UInt8]
  /// Width in CSS pixels (the scene's width).
  public let width: Double
  /// Height in CSS pixels (the scene's height).
  public let height: Double
}

extension Figure {
  /// SVG and PNG from one scene build; see `png(scale:compressionLevel:)` for the arguments.
  public func rendered(scale: Double = 2, compressionLevel: Int = 6) -> RenderedFigure {
    let scene = scene()
    let bitmap = Rasterizer(scale: scale).render(scene)
    return RenderedFigure(
      svg: SVGWriter().write(scene),
      png: PNGEncoder.encode(bitmap, compressionLevel: compressionLevel),
      width: scene.width, height: scene.height)
  }
}

/// The colours and type sizes every Plot figure shares.
public enum Theme {
  /// Series colours in order; chosen to stay distinct for common colour-vision deficiencies.
  public static let palette: [Color] = [
    Color(hex: 0x1F6FB4), Color(hex: 0xE0612B), Color(hex: 0x2A9D6F), Color(hex: 0x8E5BB5),
    Color(hex: 0xD9A021), Color(hex: 0x3FB2D9), Color(hex: 0xC23C6B), Color(hex: 0x6B6B6B),
  ]

  /// The palette colour for series `index` (cycling).
  public static func color(_ index: Int) -> Color {
    palette[((index % palette.count) + palette.count) % palette.count]
  }

  static let text = Color(hex: 0x222222)
  static let mutedText = Color(hex: 0x555555)
  static let axis = Color(hex: 0x444444)
  static let grid = Color(hex: 0xE4E4E4)
  static let titleSize = 15.0
  static let labelSize = 12.0
  static let tickSize = 11.0
  static let smallSize = 10.0

  /// A text element whose capitals are vertically centred on `center.y`.
  static func label(
    _ string: String, centeredAt center: Point, size: Double, anchor: TextAnchor = .middle,
    weight: FontWeight = .normal, color: Color = Theme.text, rotation: Double = 0
  ) -> Element {
    let baselineOffset = TextMetrics.capHeight * size / 2
    let position: Point
    if rotation == -90 {
      position = Point(center.x + baselineOffset, center.y)
    } else {
      position = Point(center.x, center.y + baselineOffset)
    }
    return .text(
      Text(
        string, at: position, fontSize: size, anchor: anchor, weight: weight,
        color: color, rotation: rotation))
  }

  /// `string` cut to `limit` characters, ending in "..." when cut.
  static func truncated(_ string: String, to limit: Int) -> String {
    guard string.count > limit, limit > 3 else { return string }
    return String(string.prefix(limit - 2)) + ".."
  }
}
