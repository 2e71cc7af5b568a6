import Foundation

/// Turns polylines into polygons that cover their stroke, for `CoverageMask`.
///
/// Each segment becomes a quadrilateral of the stroke width; each joint and each end gets a
/// disc (round joins and caps). All pieces wind the same way, so their union is what the
/// mask's non-zero rule fills. Dash patterns cut the polylines first.
enum Stroker {
  /// Polygons covering the stroke of `polylines` (device units), `width` wide.
  static func polygons(
    _ polylines: [(points: [Point], closed: Bool)], width: Double, dash: [Double]
  ) -> [[Point]] {
    guard width > 0 else { return [] }
    var pieces: [[Point]] = []
    for line in polylines {
      var points = line.points
      if line.closed, let first = points.first { points.append(first) }
      pieces += usable(dash) ? dashed(points, pattern: dash) : [points]
    }
    return pieces.flatMap { outline($0, halfWidth: width / 2) }
  }

  static func usable(_ dash: [Double]) -> Bool {
    !dash.isEmpty && dash.allSatisfy { $0 >= 0 && $0.isFinite } && dash.reduce(0, +) > 0
  }

  /// The dash-on pieces of a polyline, the pattern restarting at its start.
  static func dashed(_ points: [Point], pattern: [Double]) -> [[Point]] {
    let cycle = pattern.count % 2 == 0 ? pattern : pattern + pattern
    var pieces: [[Point]] = []
    var current: [Point] = []
    var index = 0
    var remaining = cycle[0]
    for k in 0..<max(points.count - 1, 0) {
      var a = points[k]
      let b = points[k + 1]
      var length = distance(a, b)
      while length > 0 {
        let step = min(remaining, length)
        let next = a.moved(toward: b, by: step)
        if index % 2 == 0 {
          if current.isEmpty { current.append(a) }
          current.append(next)
        }
        remaining -= step
        length -= step
        a = next
        if remaining <= 1e-9 {
          if index % 2 == 0, current.count >= 2 { pieces.append(current) }
          current = []
          index = (index + 1) % cycle.count
          remaining = cycle[index]
        }
      }
    }
    if current.count >= 2 { pieces.append(current) }
    return pieces
  }

  /// Quads for segments plus discs at every vertex, all wound positively.
  static func outline(_ points: [Point], halfWidth: Double) -> [[Point]] {
    var polygons: [[Point]] = []
    for k in 0..<max(points.count - 1, 0) {
      let (a, b) = (points[k], points[k + 1])
      let length = distance(a, b)
      guard length > 1e-12 else { continue }
      let nx = -(b.y - a.y) / length * halfWidth, ny = (b.x - a.x) / length * halfWidth
      polygons.append(
        positive([
          Point(a.x + nx, a.y + ny), Point(b.x + nx, b.y + ny),
          Point(b.x - nx, b.y - ny), Point(a.x - nx, a.y - ny),
        ]))
    }
    if points.count >= 2 && halfWidth > 0.75 {
      polygons += points.map { disc(center: $0, radius: halfWidth) }
    }
    return polygons
  }

  /// A regular polygon approximating a disc, wound positively.
  static func disc(center: Point, radius: Double) -> [Point] {
    let sides = min(max(Int(radius * 4), 8), 48)
    return positive(
      (0..<sides).map { i in
        let angle = Double(i) / Double(sides) * 2 * Double.pi
        return Point(center.x + radius * cos(angle), center.y + radius * sin(angle))
      })
  }

  /// The polygon with a positive shoelace area (reversed if needed).
  static func positive(_ polygon: [Point]) -> [Point] {
    var area = 0.0
    for i in polygon.indices {
      let (p, q) = (polygon[i], polygon[(i + 1) % polygon.count])
      area += p.x * q.y - q.x * p.y
    }
    return area >= 0 ? polygon : polygon.reversed()
  }

  static func distance(_ a: Point, _ b: Point) -> Double {
    ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
  }
}

extension Point {
  /// The point `step` along the straight line toward `target`.
  func moved(toward target: Point, by step: Double) -> Point {
    let length = Stroker.distance(self, target)
    guard length > 0 else { return self }
    let t = step / length
    return Point(x + (target.x - x) * t, y + (target.y - y) * t)
  }
}
