/// Exact-area anti-aliased coverage of polygons over a pixel window, by signed-area accumulation.
///
/// Each edge deposits, into the cells it crosses, the signed area between itself and the right
/// edge of the window; a running sum along each row then gives the winding-weighted coverage of
/// every pixel. Coverage is `min(1, |sum|)`: the non-zero rule for shapes whose parts wind the
/// same way (which is how `Stroker` builds strokes). Pixel (x, y) covers [x, x+1) × [y, y+1).
struct CoverageMask {
  /// Window origin and size in device pixels.
  let originX: Int, originY: Int, width: Int, height: Int
  /// Accumulation cells, `height` rows of `width + 2`.
  private var cells: [Float]

  init(originX: Int, originY: Int, width: Int, height: Int) {
    self.originX = originX
    self.originY = originY
    self.width = width
    self.height = height
    self.cells = [Float](repeating: 0, count: max(width + 2, 0) * max(height, 0))
  }

  /// Adds a closed polygon (device coordinates); the last point connects back to the first.
  mutating func addPolygon(_ points: [Point]) {
    guard points.count >= 3 else { return }
    for index in points.indices {
      let next = points[(index + 1) % points.count]
      addEdge(points[index], next)
    }
  }

  /// Adds one edge, first cut at the window's left and right sides so that parts outside
  /// collapse onto the sides (which keeps the winding of everything to their right).
  mutating func addEdge(_ start: Point, _ end: Point) {
    let p0 = Point(start.x - Double(originX), start.y - Double(originY))
    let p1 = Point(end.x - Double(originX), end.y - Double(originY))
    guard p0.y != p1.y, p0.x.isFinite, p1.x.isFinite, p0.y.isFinite, p1.y.isFinite else { return }
    var cuts = [0.0, 1.0]
    for side in [0.0, Double(width)] where (p0.x - side) * (p1.x - side) < 0 {
      cuts.append((side - p0.x) / (p1.x - p0.x))
    }
    cuts.sort()
    for k in 0..<(cuts.count - 1) {
      let a = lerp(p0, p1, cuts[k]), b = lerp(p0, p1, cuts[k + 1])
      let clampA = Point(min(max(a.x, 0), Double(width)), a.y)
      let clampB = Point(min(max(b.x, 0), Double(width)), b.y)
      accumulateLine(clampA, clampB)
    }
  }

  private func lerp(_ a: Point, _ b: Point, _ t: Double) -> Point {
    Point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
  }

  /// Deposits the area of a segment whose x lies within 0…width.
  private mutating func accumulateLine(_ start: Point, _ end: Point) {
    guard start.y != end.y else { return }
    let direction: Double = start.y < end.y ? 1 : -1
    let (top, bottom) = start.y < end.y ? (start, end) : (end, start)
    let slope = (bottom.x - top.x) / (bottom.y - top.y)
    let firstRow = max(Int(top.y.rounded(.down)), 0)
    let lastRow = min(Int(bottom.y.rounded(.up)), height)
    guard firstRow < lastRow else { return }
    for row in firstRow..<lastRow {
      let y0 = max(Double(row), top.y), y1 = min(Double(row + 1), bottom.y)
      guard y1 > y0 else { continue }
      // Clamped: rounding can put an end a hair outside the window (an edge ending on its side).
      let xa = min(max(top.x + (y0 - top.y) * slope, 0), Double(width))
      let xb = min(max(top.x + (y1 - top.y) * slope, 0), Double(width))
      depositSpan(row: row, from: xa, to: xb, weight: (y1 - y0) * direction)
    }
  }

  /// Deposits one row's piece of an edge: it goes from x `xa` to `xb` over a height `weight`.
  private mutating func depositSpan(row: Int, from xa: Double, to xb: Double, weight: Double) {
    let base = row * (width + 2)
    let (x0, x1) = xa < xb ? (xa, xb) : (xb, xa)
    let first = Int(x0.rounded(.down))
    let lastCeil = Int(x1.rounded(.up))
    if lastCeil <= first + 1 {
      let mid = (x0 + x1) / 2 - Double(first)
      add(base + first, weight * (1 - mid))
      add(base + first + 1, weight * mid)
      return
    }
    let inverse = 1 / (x1 - x0)
    let frac0 = x0 - Double(first)
    let a0 = 0.5 * inverse * (1 - frac0) * (1 - frac0)
    let frac1 = x1 - Double(lastCeil) + 1
    let aEnd = 0.5 * inverse * frac1 * frac1
    add(base + first, weight * a0)
    if lastCeil == first + 2 {
      add(base + first + 1, weight * (1 - a0 - aEnd))
    } else {
      let a1 = inverse * (1.5 - frac0)
      add(base + first + 1, weight * (a1 - a0))
      for x in (first + 2)..<(lastCeil - 1) { add(base + x, weight * inverse) }
      let a2 = a1 + Double(lastCeil - first - 3) * inverse
      add(base + lastCeil - 1, weight * (1 - a2 - aEnd))
    }
    add(base + lastCeil, weight * aEnd)
  }

  private mutating func add(_ index: Int, _ value: Double) {
    cells[index] += Float(value)
  }

  /// Coverage 0…1 of pixel (originX + x, originY + y) for each pixel in the window, row-major.
  func coverage() -> [Float] {
    var out = [Float](repeating: 0, count: width * height)
    for row in 0..<height {
      var sum: Float = 0
      let base = row * (width + 2)
      for x in 0..<width {
        sum += cells[base + x]
        out[row * width + x] = min(abs(sum), 1)
      }
    }
    return out
  }
}
