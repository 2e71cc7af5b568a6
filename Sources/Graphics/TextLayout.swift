/// Lays out a `Text` in the pixel font as device-space rectangles for the rasteriser.
///
/// Under transforms that keep axes (no rotation other than quarter turns) and at least 0.8
/// device pixels per font unit, text is drawn on the pixel grid so it stays crisp: a unit
/// within 0.2 of a whole number of pixels becomes that number (uniform strokes); otherwise each
/// glyph cell edge is rounded to the nearest pixel (nearest-neighbour scaling, true size).
/// Rotated or tiny text is drawn exactly, anti-aliased.
enum TextLayout {
  /// How glyph cells meet the pixel grid.
  enum Grid {
    /// A whole number of pixels per font unit.
    case uniform
    /// Cell edges rounded to pixels.
    case rounded
    /// No snapping.
    case exact
  }

  /// One polygon (a quadrilateral) per horizontal run of lit glyph cells.
  static func polygons(_ text: Text, transform: Transform) -> [[Point]] {
    guard text.fontSize > 0, text.fontSize.isFinite else { return [] }
    let characters = Array(text.string)
    let unit = text.fontSize / PixelFont.unitsPerEm
    let local = Transform.scale(unit, unit).then(.rotate(degrees: text.rotation))
      .then(.translate(text.position.x, text.position.y)).then(transform)
    var linear = Transform(a: local.a, b: local.b, c: local.c, d: local.d, e: 0, f: 0)
    let size = linear.lengthScale
    let grid = TextLayout.grid(unitSize: size, keepsAxes: linear.keepsAxes)
    if grid == .uniform {
      let factor = size.rounded() / size
      linear = linear.then(.scale(factor, factor))
    }
    let totalUnits = Double(characters.count * PixelFont.advance)
    let shift = linear.apply(Point(-totalUnits * anchorFraction(text.anchor), 0))
    var origin = local.apply(Point(0, 0))
    origin = Point(origin.x + shift.x, origin.y + shift.y)
    if grid != .exact { origin = Point(origin.x.rounded(), origin.y.rounded()) }
    let bold = text.weight == .bold ? boldExtra(grid: grid, unitSize: linear.lengthScale) : 0
    return cellRects(characters, bold: bold).map { rect in
      rect.map { p in
        let q = linear.apply(p)
        let device = Point(origin.x + q.x, origin.y + q.y)
        return grid == .rounded ? Point(device.x.rounded(), device.y.rounded()) : device
      }
    }
  }

  /// The grid mode for `unitSize` device pixels per font unit.
  static func grid(unitSize: Double, keepsAxes: Bool) -> Grid {
    guard keepsAxes, unitSize >= 0.8 else { return .exact }
    return abs(unitSize - unitSize.rounded()) <= 0.2 ? .uniform : .rounded
  }

  static func anchorFraction(_ anchor: TextAnchor) -> Double {
    switch anchor {
    case .start: 0
    case .middle: 0.5
    case .end: 1
    }
  }

  /// Extra width in font units that bold adds to every run: at least one device pixel on the
  /// grid, half a unit otherwise.
  static func boldExtra(grid: Grid, unitSize: Double) -> Double {
    guard grid != .exact, unitSize > 0 else { return 0.5 }
    return max((0.5 * unitSize).rounded(.up), 1) / unitSize
  }

  /// Rectangles in font units; x grows along the text, y down, the baseline at y = 0.
  static func cellRects(_ characters: [Character], bold: Double) -> [[Point]] {
    var rects: [[Point]] = []
    for (index, character) in characters.enumerated() {
      let left = Double(index * PixelFont.advance)
      for run in PixelFont.runs(of: character) {
        let x0 = left + Double(run.column), x1 = x0 + Double(run.length) + bold
        let y0 = Double(run.row - PixelFont.ascent), y1 = y0 + 1
        rects.append([Point(x0, y0), Point(x1, y0), Point(x1, y1), Point(x0, y1)])
      }
    }
    return rects
  }
}
