/// Lays out a `Text` in the pixel font as device-space rectangles for the rasteriser.
///
/// Under transforms that keep axes (no rotation other than quarter turns) the font unit is
/// snapped to whole device pixels (`snappedUnit`) and the origin to the pixel grid, so small text stays crisp;
/// otherwise the glyph cells are drawn exactly (and anti-aliased).
enum TextLayout {
  /// One polygon (a quadrilateral) per horizontal run of lit glyph cells.
  static func polygons(_ text: Text, transform: Transform) -> [[Point]] {
    guard text.fontSize > 0, text.fontSize.isFinite else { return [] }
    let characters = Array(text.string)
    let unit = text.fontSize / PixelFont.unitsPerEm
    let local = Transform.scale(unit, unit).then(.rotate(degrees: text.rotation))
      .then(.translate(text.position.x, text.position.y)).then(transform)
    var linear = Transform(a: local.a, b: local.b, c: local.c, d: local.d, e: 0, f: 0)
    let snap = linear.keepsAxes
    if snap {
      let size = linear.lengthScale
      let factor = TextLayout.snappedUnit(size) / size
      linear = linear.then(.scale(factor, factor))
    }
    let anchorFraction: Double =
      switch text.anchor {
      case .start: 0
      case .middle: 0.5
      case .end: 1
      }
    let totalUnits = Double(characters.count * PixelFont.advance)
    let shift = linear.apply(Point(-totalUnits * anchorFraction, 0))
    var origin = local.apply(Point(0, 0))
    origin = Point(origin.x + shift.x, origin.y + shift.y)
    if snap { origin = Point(origin.x.rounded(), origin.y.rounded()) }
    let bold = text.weight == .bold ? boldExtra(snap: snap, unitSize: linear.lengthScale) : 0
    return cellRects(characters, bold: bold).map { rect in
      rect.map { p in
        let q = linear.apply(p)
        return Point(origin.x + q.x, origin.y + q.y)
      }
    }
  }

  /// A whole number of device pixels per font unit near `size`, at least 1. Rounding up is
  /// limited to a quarter pixel so text never grows more than 25% wider than its metrics.
  static func snappedUnit(_ size: Double) -> Double {
    max(1, (size + 0.25).rounded(.down))
  }

  /// Extra width in font units that bold adds to every run: one device pixel when snapped.
  static func boldExtra(snap: Bool, unitSize: Double) -> Double {
    guard snap, unitSize > 0 else { return 0.5 }
    return (0.5 * unitSize).rounded(.up) / unitSize
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
