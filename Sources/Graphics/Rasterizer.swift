/// Renders a `Scene` to an RGBA `Bitmap`, drawing what `SVGWriter` writes for the same scene.
///
/// Shapes are anti-aliased by exact area coverage (`CoverageMask`), strokes have round joins
/// and caps, text uses Stride's pixel font (`PixelFont`) and images are sampled by nearest
/// neighbour. The bitmap is `ceil(width · scale) × ceil(height · scale)` pixels (at least 1×1).
///
/// ```swift
/// let bitmap = Rasterizer(scale: 2).render(scene)   // twice the scene's size, for HiDPI
/// let png = PNGEncoder.encode(bitmap)
/// ```
public struct Rasterizer: Sendable {
  /// Device pixels per scene unit.
  public var scale: Double
  /// The largest bitmap drawn, in pixels (64 MiB of RGBA).
  public static let maxPixels = 16_777_216.0

  /// A rasteriser at `scale` device pixels per scene unit (clamped to 0.01…16).
  public init(scale: Double = 1) {
    self.scale = scale.isFinite ? min(max(scale, 0.01), 16) : 1
  }

  /// The pixels of `scene`.
  ///
  /// Scenes that would exceed `maxPixels` device pixels are drawn at a smaller scale instead.
  public func render(_ scene: Scene) -> Bitmap {
    let area = max(scene.width, 1) * max(scene.height, 1)
    let fit = area.isFinite ? (Rasterizer.maxPixels / area).squareRoot() : 1
    let scale = min(self.scale, max(fit, 0.01))
    let width = Rasterizer.pixels(scene.width * scale)
    let height = Rasterizer.pixels(scene.height * scale)
    var canvas = Canvas(width: width, height: height, background: scene.background ?? .clear)
    let root = Transform.scale(scale, scale)
    for element in scene.elements { draw(element, transform: root, on: &canvas) }
    return Bitmap(unchecked: width, height, .rgba, canvas.pixels)
  }

  static func pixels(_ length: Double) -> Int {
    guard length.isFinite else { return 1 }
    return Int(min(max(length.rounded(.up), 1), 16384))
  }

  func draw(_ element: Element, transform: Transform, on canvas: inout Canvas) {
    switch element {
    case .text(let text):
      let polygons = TextLayout.polygons(text, transform: transform)
      canvas.fill(polygons, color: text.color, opacity: 1)
    case .image(let bitmap, let frame):
      canvas.draw(bitmap, frame: frame, transform: transform)
    case .group(let local, let children):
      let combined = local.then(transform)
      for child in children { draw(child, transform: combined, on: &canvas) }
    case .titled(_, let children):
      for child in children { draw(child, transform: transform, on: &canvas) }
    case .path, .rectangle, .ellipse, .polyline:
      guard let (path, style) = element.outline else { return }
      drawShape(path, style: style, transform: transform, on: &canvas)
    }
  }

  func drawShape(_ path: Path, style: Style, transform: Transform, on canvas: inout Canvas) {
    let subpaths = Flattener.subpaths(path, transform: transform)
    let opacity = style.opacity.isFinite ? min(max(style.opacity, 0), 1) : 1
    if let fill = style.fill {
      canvas.fill(subpaths.map(\.points), color: fill, opacity: opacity)
    }
    if let stroke = style.stroke, style.strokeWidth > 0 {
      let factor = transform.lengthScale
      let polygons = Stroker.polygons(
        subpaths, width: style.strokeWidth * factor, dash: style.dash.map { $0 * factor })
      canvas.fill(polygons, color: stroke, opacity: opacity)
    }
  }
}

/// An RGBA pixel buffer with source-over compositing (straight alpha).
struct Canvas {
  let width: Int, height: Int
  var pixels: [UInt8]

  init(width: Int, height: Int, background: Color) {
    self.width = width
    self.height = height
    pixels = [UInt8](repeating: 0, count: width * height * 4)
    let pixel = [background.red, background.green, background.blue, background.alpha]
    pixels.withUnsafeMutableBufferPointer { buffer in
      for index in 0..<buffer.count { buffer[index] = pixel[index & 3] }
    }
  }

  /// Fills the union of `polygons` (device coordinates), anti-aliased.
  mutating func fill(_ polygons: [[Point]], color: Color, opacity: Double) {
    let points = polygons.joined()
    guard let window = window(around: points) else { return }
    var mask = CoverageMask(
      originX: window.x0, originY: window.y0, width: window.x1 - window.x0,
      height: window.y1 - window.y0)
    for polygon in polygons { mask.addPolygon(polygon) }
    let coverage = mask.coverage()
    let alpha = Float(opacity) * Float(color.alpha) / 255
    for row in 0..<mask.height {
      for column in 0..<mask.width {
        let amount = coverage[row * mask.width + column] * alpha
        if amount > 0 { blend(color, amount: amount, x: window.x0 + column, y: window.y0 + row) }
      }
    }
  }

  /// The pixel window covering `points`, clipped to the canvas; `nil` if empty.
  func window<S: Sequence>(around points: S) -> (x0: Int, y0: Int, x1: Int, y1: Int)?
  where S.Element == Point {
    var (minX, minY) = (Double.infinity, Double.infinity)
    var (maxX, maxY) = (-Double.infinity, -Double.infinity)
    for p in points where p.x.isFinite && p.y.isFinite {
      (minX, maxX) = (min(minX, p.x), max(maxX, p.x))
      (minY, maxY) = (min(minY, p.y), max(maxY, p.y))
    }
    guard minX <= maxX, minY <= maxY else { return nil }
    let x0 = Int(max(minX.rounded(.down), 0)), y0 = Int(max(minY.rounded(.down), 0))
    let x1 = Int(min(maxX.rounded(.up), Double(width)))
    let y1 = Int(min(maxY.rounded(.up), Double(height)))
    return x0 < x1 && y0 < y1 ? (x0, y0, x1, y1) : nil
  }

  /// Source-over of `color` at coverage·opacity `amount` onto pixel (x, y).
  mutating func blend(_ color: Color, amount: Float, x: Int, y: Int) {
    let index = (y * width + x) * 4
    let a = min(amount, 1)
    if a >= 1 {
      pixels[index] = color.red
      pixels[index + 1] = color.green
      pixels[index + 2] = color.blue
      pixels[index + 3] = 255
      return
    }
    let below = Float(pixels[index + 3]) / 255
    let outAlpha = a + below * (1 - a)
    guard outAlpha > 0 else { return }
    let keep = below * (1 - a)
    func mix(_ source: UInt8, _ target: UInt8) -> UInt8 {
      let mixed = (Float(source) * a + Float(target) * keep) / outAlpha
      return UInt8(min(max(mixed, 0), 255) + 0.5)
    }
    pixels[index] = mix(color.red, pixels[index])
    pixels[index + 1] = mix(color.green, pixels[index + 1])
    pixels[index + 2] = mix(color.blue, pixels[index + 2])
    pixels[index + 3] = UInt8(min(max(outAlpha * 255, 0), 255) + 0.5)
  }

  /// Draws `bitmap` stretched to `frame` under `transform`, nearest neighbour, unsmoothed edges.
  mutating func draw(_ bitmap: Bitmap, frame: Rect, transform: Transform) {
    guard frame.width > 0, frame.height > 0, let inverse = transform.inverted else { return }
    let corners = [
      Point(frame.x, frame.y), Point(frame.maxX, frame.y),
      Point(frame.maxX, frame.maxY), Point(frame.x, frame.maxY),
    ]
    guard let window = window(around: corners.map(transform.apply)) else { return }
    for y in window.y0..<window.y1 {
      for x in window.x0..<window.x1 {
        let local = inverse.apply(Point(Double(x) + 0.5, Double(y) + 0.5))
        let u = (local.x - frame.x) / frame.width * Double(bitmap.width)
        let v = (local.y - frame.y) / frame.height * Double(bitmap.height)
        guard u >= 0, v >= 0, u < Double(bitmap.width), v < Double(bitmap.height) else { continue }
        let color = bitmap.color(x: Int(u), y: Int(v))
        blend(color, amount: Float(color.alpha) / 255, x: x, y: y)
      }
    }
  }
}

extension Transform {
  /// The inverse transform, or `nil` if this one collapses the plane.
  var inverted: Transform? {
    let det = a * d - b * c
    guard det != 0, det.isFinite else { return nil }
    let (ia, ib, ic, id) = (d / det, -b / det, -c / det, a / det)
    return Transform(a: ia, b: ib, c: ic, d: id, e: -(ia * e + ic * f), f: -(ib * e + id * f))
  }
}
