/// A picture as a value: a canvas size, a background and a list of elements in paint order.
///
/// `SVGWriter` turns a scene into SVG text and `Rasterizer` into pixels; both draw the same
/// thing. Coordinates are SVG user units, origin top-left, y downwards.
///
/// ```swift
/// var scene = Scene(width: 40, height: 30)
/// scene.add(.rectangle(Rect(x: 5, y: 5, width: 20, height: 10), style: .fill(.red)))
/// scene.add(.text(Text("hi", at: Point(5, 28), fontSize: 10)))
/// let svg = SVGWriter().write(scene)
/// let bitmap = Rasterizer().render(scene)
/// ```
public struct Scene: Sendable, Hashable {
  /// Canvas width.
  public var width: Double
  /// Canvas height.
  public var height: Double
  /// Colour under everything, or `nil` for a transparent canvas.
  public var background: Color?
  /// Elements, painted first to last.
  public var elements: [Element]
  /// A short description for screen readers and tooltips (SVG `<title>`); "" for none.
  public var title: String = ""

  /// An empty scene.
  public init(width: Double, height: Double, background: Color? = .white, elements: [Element] = [])
  {
    self.width = width
    self.height = height
    self.background = background
    self.elements = elements
  }

  /// Appends one element on top.
  public mutating func add(_ element: Element) {
    elements.append(element)
  }

  /// Appends elements on top, in order.
  public mutating func add(contentsOf more: [Element]) {
    elements.append(contentsOf: more)
  }
}

/// One thing drawn in a scene.
public indirect enum Element: Sendable, Hashable {
  /// A general outline.
  case path(Path, Style)
  /// A rectangle, its corners rounded by `cornerRadius` (0 for square corners).
  case rectangle(Rect, cornerRadius: Double, Style)
  /// An ellipse (a circle when both radii agree).
  case ellipse(center: Point, radiusX: Double, radiusY: Double, Style)
  /// Connected straight segments through the points, open (a line when there are two).
  case polyline([Point], Style)
  /// A line of text.
  case text(Text)
  /// A raster image stretched to `frame`, sampled by nearest neighbour.
  case image(Bitmap, frame: Rect)
  /// Elements drawn through a transform.
  case group(Transform, [Element])
  /// Elements with a description that SVG viewers show on hover (`<g><title>…</title>…</g>`);
  /// the rasteriser draws the elements alone.
  case titled(String, [Element])

  /// A square-cornered or rounded rectangle.
  public static func rectangle(_ rect: Rect, cornerRadius: Double = 0, style: Style) -> Element {
    .rectangle(rect, cornerRadius: cornerRadius, style)
  }

  /// A circle.
  public static func circle(center: Point, radius: Double, style: Style) -> Element {
    .ellipse(center: center, radiusX: radius, radiusY: radius, style)
  }

  /// A straight line from `start` to `end`.
  public static func line(from start: Point, to end: Point, style: Style) -> Element {
    .polyline([start, end], style)
  }

  /// The outline of this element as a path, for shapes; `nil` for text, images and groups.
  var outline: (Path, Style)? {
    switch self {
    case .path(let path, let style): (path, style)
    case .rectangle(let rect, let radius, let style):
      (Path.rectangle(rect, cornerRadius: radius), style)
    case .ellipse(let center, let rx, let ry, let style):
      (Path.ellipse(center: center, radiusX: rx, radiusY: ry), style)
    case .polyline(let points, let style): (Path.polyline(points), style)
    case .text, .image, .group, .titled: nil
    }
  }
}
