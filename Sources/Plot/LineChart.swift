import Graphics
import TextFormat

/// A line chart of one or more series against a shared x axis (batches, epochs, anything).
///
/// Axes get "nice" ticks (1, 2, 5 × 10ⁿ; decades on log scales), a legend appears when a series
/// has a name, and series may mark their minimum and maximum. Non-finite values break the line;
/// on a log axis values ≤ 0 are left out.
///
/// ```swift
/// let chart = LineChart(
///   title: "Training loss", xLabel: "epoch", yLabel: "loss", yScale: .log,
///   series: [
///     .perBatch(name: "train (batch)", values: batchLosses, batchesPerEpoch: 469),
///     LineChart.Series(name: "validation", y: validationLosses, marks: .min),
///   ])
/// ```
public struct LineChart: Figure {
  /// One line: its points, name and look.
  public struct Series: Sendable, Hashable {
    /// Legend name ("" for none).
    public var name: String
    /// x values, as many as `y`.
    public var x: [Double]
    /// y values.
    public var y: [Double]
    /// Line colour; `nil` takes the palette colour for the series' position.
    public var color: Color?
    /// Dashed instead of solid.
    public var dashed: Bool
    /// Line width.
    public var lineWidth: Double
    /// Which extremes to mark with a dot and a value label.
    public var marks: Extrema

    /// A series with explicit x values (pairs beyond the shorter array are ignored).
    public init(
      name: String = "", x: [Double], y: [Double], color: Color? = nil, dashed: Bool = false,
      lineWidth: Double = 2, marks: Extrema = []
    ) {
      let count = min(x.count, y.count)
      self.name = name
      self.x = Array(x.prefix(count))
      self.y = Array(y.prefix(count))
      self.color = color
      self.dashed = dashed
      self.lineWidth = lineWidth
      self.marks = marks
    }

    /// A series against 1, 2, …, n: batch numbers or epoch numbers.
    public init(
      name: String = "", y: [Double], color: Color? = nil, dashed: Bool = false,
      lineWidth: Double = 2, marks: Extrema = []
    ) {
      self.init(
        name: name, x: y.indices.map { Double($0 + 1) }, y: y, color: color,
        dashed: dashed, lineWidth: lineWidth, marks: marks)
    }

    /// Per-batch values placed on an epoch axis: value i sits at x = (i + 1) / batchesPerEpoch.
    public static func perBatch(
      name: String = "", values: [Double], batchesPerEpoch: Int, color: Color? = nil,
      marks: Extrema = []
    ) -> Series {
      let perEpoch = Double(max(batchesPerEpoch, 1))
      return Series(
        name: name, x: values.indices.map { Double($0 + 1) / perEpoch }, y: values,
        color: color, lineWidth: 1.5, marks: marks)
    }
  }

  /// Which extremes of a series to mark.
  public struct Extrema: OptionSet, Sendable, Hashable {
    /// The raw bits.
    public let rawValue: Int
    /// A set from raw bits.
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// The smallest value (e.g. best loss).
    public static let min = Extrema(rawValue: 1)
    /// The largest value (e.g. best accuracy).
    public static let max = Extrema(rawValue: 2)
  }

  /// Title above the chart ("" for none).
  public var title: String
  /// Title of the x axis, e.g. "batch" or "epoch".
  public var xLabel: String
  /// Title of the y axis.
  public var yLabel: String
  /// x axis scale.
  public var xScale: AxisScale
  /// y axis scale.
  public var yScale: AxisScale
  /// The lines, drawn in order.
  public var series: [Series]
  /// x values the axis must include (e.g. `0...totalEpochs` while training), besides the data.
  public var xRange: ClosedRange<Double>?
  /// Canvas width.
  public var width: Double
  /// Canvas height.
  public var height: Double

  /// A chart; a 640 × 360 canvas unless sized otherwise.
  public init(
    title: String = "", xLabel: String = "epoch", yLabel: String = "",
    xScale: AxisScale = .linear, yScale: AxisScale = .linear, series: [Series] = [],
    xRange: ClosedRange<Double>? = nil, width: Double = 640, height: Double = 360
  ) {
    self.xRange = xRange
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.xScale = xScale
    self.yScale = yScale
    self.series = series
    self.width = width
    self.height = height
  }

  /// The chart as a scene.
  public func scene() -> Scene {
    var scene = Scene(width: width, height: height)
    scene.title = title
    let legend = Legend(items: legendItems())
    var frame = ChartFrame(
      width: width, height: height, title: title, xLabel: xLabel, yLabel: yLabel)
    let xValues = series.flatMap(\.x) + (xRange.map { [$0.lowerBound, $0.upperBound] } ?? [])
    let yValues = series.flatMap(\.y)
    let yProbe = AxisMap(values: yValues, scale: yScale, start: 0, end: 1, margin: 0.03)
    let xProbe = AxisMap(values: xValues, scale: xScale, start: 0, end: 1)
    frame.yTickWidth = yProbe.widestLabel(fontSize: Theme.tickSize)
    frame.rightPad = max(
      18, TextMetrics.width(of: xProbe.ticks.last?.label ?? "", fontSize: Theme.tickSize) / 2 + 6)
    let legendWidth = width - 24
    frame.legendHeight =
      legend.items.isEmpty ? 0 : Double(legend.rows(width: legendWidth)) * Legend.rowHeight
    let plot = frame.plotRect
    let axes = AxesDrawing(
      plot: plot, x: AxisMap(xProbe, start: plot.x, end: plot.maxX),
      y: AxisMap(yProbe, start: plot.maxY, end: plot.y))
    scene.add(contentsOf: axes.grid())
    if series.allSatisfy({ $0.y.allSatisfy { !$0.isFinite } }) {
      scene.add(
        Theme.label(
          "no data yet", centeredAt: plot.center, size: Theme.labelSize,
          color: Theme.mutedText))
    }
    for (index, line) in series.enumerated() {
      scene.add(contentsOf: lineElements(line, color: line.color ?? Theme.color(index), axes: axes))
    }
    scene.add(contentsOf: axes.axes())
    for (index, line) in series.enumerated() {
      scene.add(contentsOf: extremaMarks(line, color: line.color ?? Theme.color(index), axes: axes))
    }
    scene.add(contentsOf: legend.elements(left: 12, top: frame.legendTop, width: legendWidth))
    scene.add(contentsOf: frame.decorations())
    return scene
  }

  func legendItems() -> [LegendItem] {
    series.enumerated().compactMap { index, line in
      line.name.isEmpty
        ? nil
        : LegendItem(name: line.name, color: line.color ?? Theme.color(index), dashed: line.dashed)
    }
  }

  /// Polylines for the finite runs of a series, thinned to at most ~2 points per pixel column.
  func lineElements(_ line: Series, color: Color, axes: AxesDrawing) -> [Element] {
    guard let x = axes.x else { return [] }
    var runs: [[Point]] = [[]]
    for (vx, vy) in zip(line.x, line.y) {
      if let px = x.position(vx), let py = axes.y.position(vy) {
        runs[runs.count - 1].append(Point(px, py))
      } else if !(runs.last?.isEmpty ?? true) {
        runs.append([])
      }
    }
    let style = Style.stroke(color, width: line.lineWidth, dash: line.dashed ? [6, 4] : [])
    return runs.filter { !$0.isEmpty }.map { run in
      run.count == 1
        ? .circle(center: run[0], radius: line.lineWidth, style: .fill(color))
        : .polyline(LineChart.thinned(run), style)
    }
  }

  /// Keeps, per whole-pixel x column, the first, lowest, highest and last points (in order),
  /// so spikes survive while 10 000-point histories stay small.
  static func thinned(_ points: [Point]) -> [Point] {
    guard points.count > 400 else { return points }
    var out: [Point] = []
    var start = 0
    while start < points.count {
      let column = points[start].x.rounded(.down)
      var end = start
      while end + 1 < points.count && points[end + 1].x.rounded(.down) == column { end += 1 }
      let group = points[start...end].indices
      let low = group.min { points[$0].y < points[$1].y } ?? start
      let high = group.max { points[$0].y < points[$1].y } ?? start
      for index in Set([start, low, high, end]).sorted() { out.append(points[index]) }
      start = end + 1
    }
    return out
  }

  /// A dot and a "min 0.123" / "max 0.98" label for each requested extreme.
  func extremaMarks(_ line: Series, color: Color, axes: AxesDrawing) -> [Element] {
    var elements: [Element] = []
    let finite = zip(line.x, line.y).filter {
      axes.x?.position($0.0) != nil && axes.y.position($0.1) != nil
    }
    let wanted: [(Extrema, String, Bool)] = [(.min, "min", true), (.max, "max", false)]
    for (mark, word, below) in wanted where line.marks.contains(mark) {
      let pick = below ? finite.min { $0.1 < $1.1 } : finite.max { $0.1 < $1.1 }
      guard let pick, let px = axes.x?.position(pick.0), let py = axes.y.position(pick.1) else {
        continue
      }
      elements.append(
        .circle(
          center: Point(px, py), radius: 4,
          style: Style(fill: color, stroke: .white, strokeWidth: 1.5)))
      elements += valueTag(
        "\(word) \(NumberFormat.compact(pick.1, significant: 3))",
        at: Point(px, py), below: below, plot: axes.plot)
    }
    return elements
  }

  /// A small label with a translucent white backing, kept inside the plot.
  func valueTag(_ text: String, at point: Point, below: Bool, plot: Rect) -> [Element] {
    let size = Theme.smallSize
    let textWidth = TextMetrics.width(of: text, fontSize: size)
    var left = point.x + 7
    if left + textWidth > plot.maxX - 2 { left = point.x - 7 - textWidth }
    left = max(left, plot.x + 2)
    var centerY = below ? point.y + 12 : point.y - 12
    if centerY + 8 > plot.maxY { centerY = point.y - 12 }
    if centerY - 8 < plot.y { centerY = point.y + 12 }
    let box = Rect(x: left - 3, y: centerY - 7, width: textWidth + 6, height: 14)
    return [
      .rectangle(box, cornerRadius: 3, style: Style(fill: Color.white.withOpacity(0.85))),
      Theme.label(text, centeredAt: Point(left, centerY), size: size, anchor: .start),
    ]
  }
}
