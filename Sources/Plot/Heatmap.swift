import Graphics
import TextFormat

/// A matrix drawn as coloured cells, e.g. a confusion matrix with class labels and counts.
///
/// Row i is drawn top to bottom, column j left to right. Colours scale from the smallest to the
/// largest finite value, or with `centeredAtZero` from −m to m (m the largest magnitude, for a
/// diverging map of signed values: 0 takes the map's middle colour); numbers in cells are white on
/// dark cells. The canvas size follows from `cellSize` and the label lengths.
///
/// ```swift
/// let matrix = Heatmap.confusionMatrix(
///   counts: [[50, 2], [7, 41]], classNames: ["cat", "dog"], title: "Confusion matrix")
/// ```
public struct Heatmap: Figure {
  /// Rows of values (ragged rows are padded with NaN, drawn blank).
  public var values: [[Double]]
  /// One label per row, shown on the left.
  public var rowLabels: [String]
  /// One label per column, shown below.
  public var columnLabels: [String]
  /// Title above the chart.
  public var title: String
  /// Title under the column labels.
  public var xLabel: String
  /// Title left of the row labels.
  public var yLabel: String
  /// Print each value in its cell.
  public var showValues: Bool
  /// Cell colours.
  public var colorMap: ColorMap
  /// Colour each cell by its share of its row (for a confusion matrix: recall per class), so
  /// rare classes read as clearly as common ones; the numbers shown stay the values.
  public var colorByRowShare: Bool
  /// Scale colours symmetrically about 0, from −m to m with m the largest magnitude, and label
  /// the colour bar −m, 0 and m.
  public var centeredAtZero: Bool
  /// Side of a square cell (shrunk so the grid stays within about 900 units; values are shown
  /// only in cells of at least 14).
  public var cellSize: Double

  /// A heatmap of `values`.
  public init(
    values: [[Double]], rowLabels: [String] = [], columnLabels: [String] = [], title: String = "",
    xLabel: String = "", yLabel: String = "", showValues: Bool = true,
    colorMap: ColorMap = .blues, cellSize: Double = 40, colorByRowShare: Bool = false,
    centeredAtZero: Bool = false
  ) {
    self.values = values
    self.rowLabels = rowLabels
    self.columnLabels = columnLabels
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.showValues = showValues
    self.colorMap = colorMap
    self.colorByRowShare = colorByRowShare
    self.centeredAtZero = centeredAtZero
    let largest = Double(max(values.count, values.map(\.count).max() ?? 0, 1))
    self.cellSize = min(max(cellSize, 2), 200, max(900 / largest, 2))
  }

  /// A confusion matrix: rows are true classes, columns predicted ones, cells are counts;
  /// `colorByRowShare` colours by recall instead of raw count.
  public static func confusionMatrix(
    counts: [[Int]], classNames: [String], title: String = "Confusion matrix",
    colorByRowShare: Bool = false
  ) -> Heatmap {
    Heatmap(
      values: counts.map { $0.map(Double.init) }, rowLabels: classNames,
      columnLabels: classNames, title: title, xLabel: "predicted", yLabel: "actual",
      colorByRowShare: colorByRowShare)
  }

  var rows: Int { values.count }
  var columns: Int { values.map(\.count).max() ?? 0 }

  func value(_ row: Int, _ column: Int) -> Double {
    column < values[row].count ? values[row][column] : .nan
  }

  /// `v` over the sum of the finite values of its row (0 when that sum is not positive).
  func rowShare(_ v: Double, row: Int) -> Double {
    let total = values[row].filter(\.isFinite).reduce(0, +)
    return total > 0 ? v / total : 0
  }

  /// The values at the two ends of the colour map: the smallest and largest finite values, or
  /// −m and m when `centeredAtZero`.
  var colorRange: (low: Double, high: Double) {
    let finite = values.joined().filter(\.isFinite)
    let (low, high) = (finite.min() ?? 0, finite.max() ?? 1)
    guard centeredAtZero else { return (low, high) }
    let m = max(abs(low), abs(high))
    return (0 - m, m)
  }

  /// The colour bar beside the grid, with its labels.
  var colorBar: ColorBar {
    if colorByRowShare {
      return ColorBar(map: colorMap, low: "0%", high: "100%", caption: "share of row")
    }
    let (low, high) = colorRange
    return ColorBar(
      map: colorMap, low: NumberFormat.compact(low), high: NumberFormat.compact(high),
      middle: centeredAtZero && high > 0 ? "0" : "")
  }

  /// The line between cells: none between small cells (lines would wash their colours out),
  /// light gray on a centred map (where white means 0), else white.
  var separator: Color? {
    cellSize < 12 ? nil : centeredAtZero ? Color(hex: 0xCCCCCC) : .white
  }

  /// The chart as a scene.
  public func scene() -> Scene {
    let layout = HeatmapLayout(self)
    var scene = Scene(width: layout.width, height: layout.height)
    scene.title = title
    let finite = values.joined().filter(\.isFinite)
    let (low, high) = colorRange
    let integral = finite.allSatisfy { $0 == $0.rounded() && abs($0) < 1e15 }
    for row in 0..<rows {
      for column in 0..<columns {
        scene.add(
          contentsOf: cell(
            row, column, low: low, high: high, integral: integral,
            grid: layout.grid))
      }
    }
    scene.add(.rectangle(layout.grid, style: .stroke(Theme.axis, width: 1)))
    scene.add(contentsOf: layout.labels(rowLabels: rowLabels, columnLabels: columnLabels))
    scene.add(contentsOf: colorBar.elements(in: layout.colorBarFrame))
    scene.add(contentsOf: layout.titles(title: title, xLabel: xLabel, yLabel: yLabel))
    return scene
  }

  func cell(_ row: Int, _ column: Int, low: Double, high: Double, integral: Bool, grid: Rect)
    -> [Element]
  {
    let v = value(row, column)
    let rect = Rect(
      x: grid.x + Double(column) * cellSize, y: grid.y + Double(row) * cellSize,
      width: cellSize, height: cellSize)
    guard v.isFinite else { return [.rectangle(rect, style: .fill(.white))] }
    let t = colorByRowShare ? rowShare(v, row: row) : high > low ? (v - low) / (high - low) : 0.5
    let fill = colorMap.color(at: t)
    var elements: [Element] = [
      .rectangle(rect, style: Style(fill: fill, stroke: separator, strokeWidth: 1))
    ]
    if showValues && cellSize >= 14 {
      let text = integral ? NumberFormat.fixed(v, maxFractionDigits: 0) : NumberFormat.compact(v)
      // At most 80 % of the cell wide, so numbers in neighbouring cells do not run together.
      let size = min(Theme.tickSize, cellSize * 0.8 / (Double(text.count) * 0.6 + 0.2))
      let ink = fill.luminance < 0.5 ? Color.white : Theme.text
      elements.append(Theme.label(text, centeredAt: rect.center, size: size, color: ink))
    }
    return elements
  }
}

/// Where the parts of a heatmap go: row labels, grid, rotated column labels, colour bar.
struct HeatmapLayout {
  let grid: Rect
  let width: Double
  let height: Double
  let rotateColumns: Bool
  let cellSize: Double
  let columnLabelHeight: Double
  let hasXLabel: Bool

  init(_ map: Heatmap) {
    cellSize = map.cellSize
    let rowNames = map.rowLabels.map { Theme.truncated($0, to: 16) }
    let columnNames = map.columnLabels.map { Theme.truncated($0, to: 16) }
    let rowWidth = rowNames.map { TextMetrics.width(of: $0, fontSize: Theme.tickSize) }.max() ?? 0
    let columnWidth =
      columnNames.map { TextMetrics.width(of: $0, fontSize: Theme.tickSize) }.max() ?? 0
    rotateColumns = columnWidth + 4 > map.cellSize
    columnLabelHeight = columnNames.isEmpty ? 4 : (rotateColumns ? columnWidth * 0.707 + 16 : 18)
    hasXLabel = !map.xLabel.isEmpty
    let left = 12 + (map.yLabel.isEmpty ? 0 : 20) + rowWidth + 8
    let top = map.title.isEmpty ? 12.0 : 38.0
    grid = Rect(
      x: left, y: top, width: Double(map.columns) * map.cellSize,
      height: Double(map.rows) * map.cellSize)
    // At least as wide as labels like 0.00e0, wider for longer ones (-1.23e-5).
    let shortest = ColorBar(
      map: map.colorMap, low: "0.00e0", high: "0.00e0",
      caption: map.colorByRowShare ? "share of row" : "")
    width = max(
      grid.maxX + 16 + max(shortest.width, map.colorBar.width) + 12,
      TextMetrics.width(of: map.title, fontSize: Theme.titleSize) + 24)
    height = grid.maxY + columnLabelHeight + (hasXLabel ? 22 : 0) + 10
  }

  var colorBarFrame: Rect {
    Rect(x: grid.maxX + 16, y: grid.y, width: ColorBar.barWidth, height: max(grid.height, 40))
  }

  func labels(rowLabels: [String], columnLabels: [String]) -> [Element] {
    var elements: [Element] = []
    for (row, name) in rowLabels.prefix(Int(grid.height / cellSize)).enumerated() {
      let y = grid.y + (Double(row) + 0.5) * cellSize
      elements.append(
        Theme.label(
          Theme.truncated(name, to: 16), centeredAt: Point(grid.x - 6, y),
          size: Theme.tickSize, anchor: .end))
    }
    for (column, name) in columnLabels.prefix(Int(grid.width / cellSize)).enumerated() {
      let x = grid.x + (Double(column) + 0.5) * cellSize
      let short = Theme.truncated(name, to: 16)
      if rotateColumns {
        elements.append(
          .text(
            Text(
              short, at: Point(x + 3, grid.maxY + 10), fontSize: Theme.tickSize,
              anchor: .end, color: Theme.text, rotation: -45)))
      } else {
        elements.append(
          Theme.label(short, centeredAt: Point(x, grid.maxY + 11), size: Theme.tickSize))
      }
    }
    return elements
  }

  func titles(title: String, xLabel: String, yLabel: String) -> [Element] {
    Theme.titles(
      title: title, xLabel: xLabel, yLabel: yLabel, width: width, plot: grid,
      xLabelY: grid.maxY + columnLabelHeight + 10)
  }
}
