/// One step of a path outline, in the SVG path vocabulary.
public enum PathCommand: Sendable, Hashable {
  /// Starts a new subpath at the point (`M`).
  case moveTo(Point)
  /// A straight segment to the point (`L`).
  case lineTo(Point)
  /// A quadratic Bézier to `end` with one control point (`Q`).
  case quadTo(Point, control: Point)
  /// A cubic Bézier to `end` with two control points (`C`).
  case cubicTo(Point, control1: Point, control2: Point)
  /// Closes the current subpath back to its start (`Z`).
  case close
}

/// An outline made of subpaths of lines and Bézier curves.
///
/// ```swift
/// var triangle = Path()
/// triangle.moveTo(Point(0, 0))
/// triangle.lineTo(Point(10, 0))
/// triangle.lineTo(Point(5, 8))
/// triangle.close()
/// ```
public struct Path: Sendable, Hashable {
  /// The commands in drawing order.
  public private(set) var commands: [PathCommand]

  /// An empty path, or one from commands.
  public init(_ commands: [PathCommand] = []) {
    self.commands = commands
  }

  /// Starts a new subpath at `point`.
  public mutating func moveTo(_ point: Point) { commands.append(.moveTo(point)) }
  /// Adds a straight segment to `point`.
  public mutating func lineTo(_ point: Point) { commands.append(.lineTo(point)) }
  /// Adds a quadratic Bézier to `point`.
  public mutating func quadTo(_ point: Point, control: Point) {
    commands.append(.quadTo(point, control: control))
  }
  /// Adds a cubic Bézier to `point`.
  public mutating func cubicTo(_ point: Point, control1: Point, control2: Point) {
    commands.append(.cubicTo(point, control1: control1, control2: control2))
  }
  /// Closes the current subpath.
  public mutating func close() { commands.append(.close) }

  /// A polyline through `points`, closed if asked.
  public static func polyline(_ points: [Point], closed: Bool = false) -> Path {
    var path = Path()
    for (index, point) in points.enumerated() {
      if index == 0 { path.moveTo(point) } else { path.lineTo(point) }
    }
    if closed && !points.isEmpty { path.close() }
    return path
  }

  /// A rectangle, with corners rounded by `radius` (clamped to half the shorter side).
  public static func rectangle(_ rect: Rect, cornerRadius radius: Double = 0) -> Path {
    let r = max(0, min(radius, rect.width / 2, rect.height / 2))
    guard r > 0 else {
      return polyline(
        [
          Point(rect.x, rect.y), Point(rect.maxX, rect.y), Point(rect.maxX, rect.maxY),
          Point(rect.x, rect.maxY),
        ], closed: true)
    }
    var path = Path()
    path.moveTo(Point(rect.x + r, rect.y))
    path.lineTo(Point(rect.maxX - r, rect.y))
    path.quadTo(Point(rect.maxX, rect.y + r), control: Point(rect.maxX, rect.y))
    path.lineTo(Point(rect.maxX, rect.maxY - r))
    path.quadTo(Point(rect.maxX - r, rect.maxY), control: Point(rect.maxX, rect.maxY))
    path.lineTo(Point(rect.x + r, rect.maxY))
    path.quadTo(Point(rect.x, rect.maxY - r), control: Point(rect.x, rect.maxY))
    path.lineTo(Point(rect.x, rect.y + r))
    path.quadTo(Point(rect.x + r, rect.y), control: Point(rect.x, rect.y))
    path.close()
    return path
  }

  /// An ellipse centred at `center`, drawn as four cubic arcs (κ = 0.5523).
  public static func ellipse(center: Point, radiusX rx: Double, radiusY ry: Double) -> Path {
    let k = 0.5522847498
    let (cx, cy) = (center.x, center.y)
    var path = Path()
    path.moveTo(Point(cx + rx, cy))
    path.cubicTo(
      Point(cx, cy + ry), control1: Point(cx + rx, cy + k * ry),
      control2: Point(cx + k * rx, cy + ry))
    path.cubicTo(
      Point(cx - rx, cy), control1: Point(cx - k * rx, cy + ry),
      control2: Point(cx - rx, cy + k * ry))
    path.cubicTo(
      Point(cx, cy - ry), control1: Point(cx - rx, cy - k * ry),
      control2: Point(cx - k * rx, cy - ry))
    path.cubicTo(
      Point(cx + rx, cy), control1: Point(cx + k * rx, cy - ry),
      control2: Point(cx + rx, cy - k * ry))
    path.close()
    return path
  }
}
