/// Turns paths into polylines in device space, splitting curves into short straight pieces.
enum Flattener {
  /// The subpaths of `path` under `transform`, each with whether it was closed.
  ///
  /// Curves are cut into about one piece per 2 device units of control-polygon length
  /// (between 4 and 64 pieces), which keeps the error well under a pixel.
  static func subpaths(_ path: Path, transform: Transform) -> [(points: [Point], closed: Bool)] {
    var result: [(points: [Point], closed: Bool)] = []
    var current: [Point] = []
    func finish(closed: Bool) {
      if current.count >= 2 || (closed && !current.isEmpty) { result.append((current, closed)) }
      current = []
    }
    for command in path.commands {
      switch command {
      case .moveTo(let p):
        finish(closed: false)
        current = [transform.apply(p)]
      case .lineTo(let p):
        current.append(transform.apply(p))
      case .quadTo(let p, let c):
        let start = current.last ?? transform.apply(c)
        if current.isEmpty { current.append(start) }
        current += bezier([start, transform.apply(c), transform.apply(p)])
      case .cubicTo(let p, let c1, let c2):
        let start = current.last ?? transform.apply(c1)
        if current.isEmpty { current.append(start) }
        current += bezier([start, transform.apply(c1), transform.apply(c2), transform.apply(p)])
      case .close:
        let start = current.first
        finish(closed: true)
        if let start { current = [start] }
      }
    }
    finish(closed: false)
    return result.filter { $0.points.count >= 2 || $0.closed }
  }

  /// Points along a Bézier curve with the given control points, excluding the first.
  static func bezier(_ controls: [Point]) -> [Point] {
    var length = 0.0
    for k in 1..<controls.count { length += Stroker.distance(controls[k - 1], controls[k]) }
    let pieces = min(max(Int(length / 2), 4), 64)
    return (1...pieces).map { evaluate(controls, at: Double($0) / Double(pieces)) }
  }

  /// De Casteljau evaluation at parameter `t`.
  static func evaluate(_ controls: [Point], at t: Double) -> Point {
    var points = controls
    while points.count > 1 {
      points = (0..<(points.count - 1)).map { k in
        Point(
          points[k].x + (points[k + 1].x - points[k].x) * t,
          points[k].y + (points[k + 1].y - points[k].y) * t)
      }
    }
    return points[0]
  }
}
