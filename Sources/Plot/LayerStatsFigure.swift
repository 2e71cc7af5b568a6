import Foundation
import Graphics
import TextFormat

/// Per-layer activation statistics over training, one row per layer (after fast.ai's
/// "colorful dimension"): the mean (line) and mean ± std (band) of the layer's output on a
/// fixed batch at each snapshot (on the strip's value scale), then its activation histogram as a heat strip (x: snapshot,
/// y: value from the range's low end at the bottom to its high end at the top, colour:
/// log(1 + count) scaled to the layer's largest count), then the gradient RMS of the layer's
/// weights at the last snapshot.
public struct LayerStatsFigure: Figure {
  /// One layer's history.
  public struct Row: Sendable, Hashable {
    public var name: String
    /// One value per snapshot.
    public var means: [Double], stds: [Double]
    /// One histogram per snapshot (equal bins of `low…high`).
    public var histograms: [[Int]]
    public var low: Double, high: Double
    /// Gradient RMS per snapshot (nil where the layer has no parameters).
    public var gradientRMS: [Double?]

    public init(
      name: String, means: [Double], stds: [Double], histograms: [[Int]], low: Double, high: Double,
      gradientRMS: [Double?] = []
    ) {
      (self.name, self.means, self.stds, self.histograms) = (name, means, stds, histograms)
      (self.low, self.high, self.gradientRMS) = (low, high, gradientRMS)
    }
  }

  public var title: String
  public var rows: [Row]
  /// The x-axis caption under the strips, e.g. "snapshot (every 25 steps)".
  public var xCaption: String
  public var width: Double

  public init(title: String, rows: [Row], xCaption: String = "snapshot", width: Double = 900) {
    self.title = title
    self.rows = rows
    self.xCaption = xCaption
    self.width = min(max(width, 600), 1000)
  }

  static let rowHeight = 52.0, nameWidth = 150.0, gradWidth = 150.0, top = 58.0

  var columns: (band: Rect, strip: Rect) {
    let inner = width - Self.nameWidth - Self.gradWidth - 36
    return (
      Rect(x: Self.nameWidth + 12, y: 0, width: inner * 0.42, height: Self.rowHeight - 12),
      Rect(
        x: Self.nameWidth + 24 + inner * 0.42, y: 0, width: inner * 0.58,
        height: Self.rowHeight - 12)
    )
  }

  public func scene() -> Scene {
    let height = Self.top + Double(max(rows.count, 1)) * Self.rowHeight + 30
    var scene = Scene(width: width, height: height)
    scene.title = title
    scene.add(
      Theme.label(title, centeredAt: Point(width / 2, 18), size: Theme.titleSize, weight: .bold))
    let (band, strip) = columns
    let heads = [
      ("layer", 12.0, TextAnchor.start), ("mean ± std", band.center.x, .middle),
      ("activation histogram (log count)", strip.center.x, .middle),
      ("weight grad RMS", width - 12, .end),
    ]
    for (text, x, anchor) in heads {
      scene.add(
        Theme.label(
          text, centeredAt: Point(x, 44), size: Theme.tickSize, anchor: anchor,
          color: Theme.mutedText))
    }
    for (index, row) in rows.enumerated() {
      scene.add(contentsOf: rowElements(row, y: Self.top + Double(index) * Self.rowHeight))
    }
    scene.add(
      Theme.label(
        xCaption + " →", centeredAt: Point(strip.center.x, height - 14), size: Theme.tickSize,
        color: Theme.mutedText))
    return scene
  }

  func rowElements(_ row: Row, y: Double) -> [Element] {
    let (bandColumn, stripColumn) = columns
    let band = Rect(x: bandColumn.x, y: y, width: bandColumn.width, height: bandColumn.height)
    let strip = Rect(x: stripColumn.x, y: y, width: stripColumn.width, height: stripColumn.height)
    var elements: [Element] = [
      Theme.label(
        Theme.truncated(row.name, to: 20), centeredAt: Point(12, band.center.y),
        size: Theme.labelSize, anchor: .start)
    ]
    elements += bandElements(row, in: band)
    if let bitmap = stripBitmap(row) { elements.append(.image(bitmap, frame: strip)) }
    elements.append(.rectangle(strip, style: .stroke(Color(hex: 0xBBBBBB), width: 0.75)))
    elements.append(
      Theme.label(
        NumberFormat.compact(row.high), centeredAt: Point(strip.maxX + 4, strip.y + 5),
        size: Theme.smallSize, anchor: .start, color: Theme.mutedText))
    elements.append(
      Theme.label(
        NumberFormat.compact(row.low), centeredAt: Point(strip.maxX + 4, strip.maxY - 5),
        size: Theme.smallSize, anchor: .start, color: Theme.mutedText))
    let gradient = row.gradientRMS.last.flatMap { $0 }.map { NumberFormat.compact($0) } ?? "–"
    elements.append(
      Theme.label(
        gradient, centeredAt: Point(width - 12, band.center.y), size: Theme.labelSize, anchor: .end)
    )
    return elements
  }

  /// The mean line inside its mean ± std band, on the same value scale as the histogram strip
  /// (`low` at the bottom, `high` at the top, clipped there), with zero as a grey line.
  func bandElements(_ row: Row, in frame: Rect) -> [Element] {
    let n = min(row.means.count, row.stds.count)
    var elements: [Element] = [.rectangle(frame, style: .stroke(Color(hex: 0xBBBBBB), width: 0.75))]
    guard n > 0 else { return elements }
    let lows = (0..<n).map { row.means[$0] - row.stds[$0] },
      highs = (0..<n).map { row.means[$0] + row.stds[$0] }
    let low = row.low, high = max(row.high, low + 1e-9)
    func point(_ i: Int, _ v: Double) -> Point {
      let t = min(max((v.isFinite ? v - low : 0) / (high - low), 0), 1)
      return Point(
        frame.x + 4 + (n == 1 ? 0.5 : Double(i) / Double(n - 1)) * (frame.width - 8),
        frame.maxY - 3 - t * (frame.height - 6))
    }
    let outline =
      (0..<n).map { point($0, highs[$0]) } + (0..<n).reversed().map { point($0, lows[$0]) }
    elements.append(
      .path(Path.polyline(outline, closed: true), .fill(Theme.color(0), opacity: 0.25)))
    elements.append(
      .polyline((0..<n).map { point($0, row.means[$0]) }, .stroke(Theme.color(0), width: 1.5)))
    if low < 0 && high > 0 {
      let zero = point(0, 0).y
      elements.append(
        .line(
          from: Point(frame.x, zero), to: Point(frame.maxX, zero),
          style: .stroke(Theme.grid, width: 0.75)))
    }
    return elements
  }

  /// Snapshots left to right, bins bottom to top, viridis of log(1 + count) / log(1 + max).
  func stripBitmap(_ row: Row) -> Bitmap? {
    let columns = row.histograms.count, bins = row.histograms.map(\.count).max() ?? 0
    guard columns > 0, bins > 0 else { return nil }
    let peak = log(1 + Double(row.histograms.flatMap { $0 }.max() ?? 1))
    var bytes: [UInt8] = []
    for b in (0..<bins).reversed() {
      for c in 0..<columns {
        let count = b < row.histograms[c].count ? row.histograms[c][b] : 0
        let color = ColorMap.viridis.color(at: peak > 0 ? log(1 + Double(count)) / peak : 0)
        bytes += [color.red, color.green, color.blue]
      }
    }
    return try? Bitmap(width: columns, height: bins, format: .rgb, pixels: bytes)
  }
}
