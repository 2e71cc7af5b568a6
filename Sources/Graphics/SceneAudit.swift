import TextFormat

/// A geometric check of a scene's legibility: text boxes that overlap, lines through text,
/// anything outside the canvas, a canvas too wide, text too small.
///
/// A text's box runs from its cap height (0.7 em above the baseline) to the bottom of its
/// descenders (0.2 em below), `TextMetrics.width` long from its anchor; a "line" is the outline
/// of every stroked shape (paths, polylines, rectangles, ellipses; curves flattened). Boxes
/// are shrunk by `tolerance` before they are compared, so touching is not overlapping.
///
/// ```swift
/// let problems = SceneAudit(maxWidth: 1000, minFontSize: 11).problems(in: scene)
/// // [] when the figure reads; otherwise one sentence per problem
/// ```
public struct SceneAudit: Sendable {
  /// The widest canvas allowed, in scene units (CSS pixels at 1x).
  public var maxWidth: Double
  /// The smallest font size allowed (em height in scene units).
  public var minFontSize: Double
  /// How far boxes may touch before they count as overlapping.
  public var tolerance: Double

  /// An audit with the given limits.
  public init(maxWidth: Double = .infinity, minFontSize: Double = 0, tolerance: Double = 0.5) {
    self.maxWidth = maxWidth
    self.minFontSize = minFontSize
    self.tolerance = tolerance
  }

  /// One placed text: its string, size and box in canvas coordinates.
  public struct TextBox: Sendable, Hashable {
    /// The characters.
    public var string: String
    /// Font size after transforms.
    public var fontSize: Double
    /// The box from cap height to descender, in canvas coordinates.
    public var box: Rect
  }

  /// Every problem found, as sentences naming the texts involved; empty when none.
  public func problems(in scene: Scene) -> [String] {
    var found: [String] = []
    if scene.width > maxWidth + 1e-9 {
      found.append("the canvas is \(scene.width) wide, more than \(maxWidth)")
    }
    var boxes: [TextBox] = []
    var lines: [[Point]] = []
    collect(scene.elements, transform: .identity, boxes: &boxes, lines: &lines)
    let canvas = Rect(x: 0, y: 0, width: scene.width, height: scene.height)
    for box in boxes {
      if box.fontSize < minFontSize - 1e-9 {
        found.append("\"\(box.string)\" is \(box.fontSize) high, less than \(minFontSize)")
      }
      if !SceneAudit.contains(canvas, box.box, slack: tolerance) {
        found.append("\"\(box.string)\" lies outside the canvas")
      }
    }
    for (i, a) in boxes.enumerated() {
      for b in boxes[(i + 1)...] where overlaps(a.box, b.box) {
        found.append("\"\(a.string)\" overlaps \"\(b.string)\"")
      }
    }
    for line in lines {
      if line.contains(where: { !SceneAudit.contains(canvas, $0, slack: tolerance) }) {
        found.append("a line leaves the canvas near \(SceneAudit.text(line[0]))")
      }
      for box in boxes where crosses(line, box.box) {
        found.append("a line through \(SceneAudit.text(line[0])) crosses \"\(box.string)\"")
      }
    }
    return found
  }

  /// Every text box of a scene, in paint order.
  public func textBoxes(in scene: Scene) -> [TextBox] {
    var boxes: [TextBox] = []
    var lines: [[Point]] = []
    collect(scene.elements, transform: .identity, boxes: &boxes, lines: &lines)
    return boxes
  }

  func collect(
    _ elements: [Element], transform: Transform, boxes: inout [TextBox], lines: inout [[Point]]
  ) {
    for element in elements {
      switch element {
      case .text(let text):
        guard !text.string.allSatisfy(\.isWhitespace) else { continue }
        boxes.append(SceneAudit.box(text, transform: transform))
      case .group(let local, let children):
        collect(children, transform: local.then(transform), boxes: &boxes, lines: &lines)
      case .titled(_, let children):
        collect(children, transform: transform, boxes: &boxes, lines: &lines)
      case .image: continue
      case .path, .rectangle, .ellipse, .polyline:
        guard let (path, style) = element.outline, style.stroke != nil, style.strokeWidth > 0
        else { continue }
        for subpath in Flattener.subpaths(path, transform: transform) {
          lines.append(subpath.closed ? subpath.points + [subpath.points[0]] : subpath.points)
        }
      }
    }
  }

  /// The box of a text under a transform (the bounding box of its transformed corners).
  static func box(_ text: Text, transform: Transform) -> TextBox {
    let size = text.fontSize
    let width = TextMetrics.width(of: text.string, fontSize: size)
    let start = -width * TextLayout.anchorFraction(text.anchor)
    let corners = [
      Point(start, -TextMetrics.capHeight * size),
      Point(start + width, -TextMetrics.capHeight * size),
      Point(start, 0.2 * size), Point(start + width, 0.2 * size),
    ]
    let local = Transform.rotate(degrees: text.rotation)
      .then(.translate(text.position.x, text.position.y)).then(transform)
    let points = corners.map(local.apply)
    let xs = points.map(\.x), ys = points.map(\.y)
    let (minX, minY) = (xs.min() ?? 0, ys.min() ?? 0)
    return TextBox(
      string: text.string, fontSize: size * transform.lengthScale,
      box: Rect(x: minX, y: minY, width: (xs.max() ?? 0) - minX, height: (ys.max() ?? 0) - minY))
  }

  func overlaps(_ a: Rect, _ b: Rect) -> Bool {
    a.x + tolerance < b.maxX - tolerance && b.x + tolerance < a.maxX - tolerance
      && a.y + tolerance < b.maxY - tolerance && b.y + tolerance < a.maxY - tolerance
  }

  /// Whether any segment of the polyline passes through the box shrunk by the tolerance.
  func crosses(_ line: [Point], _ box: Rect) -> Bool {
    let inner = Rect(
      x: box.x + tolerance, y: box.y + tolerance, width: box.width - 2 * tolerance,
      height: box.height - 2 * tolerance)
    guard inner.width > 0, inner.height > 0 else { return false }
    return zip(line, line.dropFirst()).contains { SceneAudit.segment($0, $1, meets: inner) }
  }

  /// Liang–Barsky clipping: does the segment p→q meet the open rectangle?
  static func segment(_ p: Point, _ q: Point, meets r: Rect) -> Bool {
    let (dx, dy) = (q.x - p.x, q.y - p.y)
    var (t0, t1) = (0.0, 1.0)
    for (denominator, numerator) in [
      (-dx, p.x - r.x), (dx, r.maxX - p.x), (-dy, p.y - r.y), (dy, r.maxY - p.y),
    ] {
      if denominator == 0 {
        if numerator <= 0 { return false }
        continue
      }
      let t = numerator / denominator
      if denominator < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
      if t0 >= t1 { return false }
    }
    return true
  }

  static func contains(_ outer: Rect, _ inner: Rect, slack: Double) -> Bool {
    inner.x >= outer.x - slack && inner.y >= outer.y - slack
      && inner.maxX <= outer.maxX + slack && inner.maxY <= outer.maxY + slack
  }

  static func contains(_ outer: Rect, _ point: Point, slack: Double) -> Bool {
    contains(outer, Rect(x: point.x, y: point.y, width: 0, height: 0), slack: slack)
  }

  static func text(_ point: Point) -> String {
    "(\(NumberFormat.fixed(point.x)), \(NumberFormat.fixed(point.y)))"
  }
}
