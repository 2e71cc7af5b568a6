import Graphics
import TextFormat

/// A bar chart of named values, e.g. per-layer gradient norms on a log scale.
///
/// Category labels turn 40° when they do not fit under their bars (long ones are shortened to
/// 18 characters); values are printed above the bars unless there are too many. On a log scale
/// bars start at the bottom of the axis and values ≤ 0 draw no bar (their label says so).
///
/// ```swift
/// let norms = BarChart(
///   title: "Gradient norm per layer", yLabel: "gradient norm", yScale: .log,
///   categories: ["conv1", "conv2", "fc1", "fc2", "fc3"], values: [2e-5, 3e-4, 2e-3, 1e-2, 4e-2])
/// ```
public struct BarChart: Figure {
  /// Title above the chart.
  public var title: String
  /// Title of the category axis.
  public var xLabel: String
  /// Title of the value axis.
  public var yLabel: String
  /// Value axis scale.
  public var yScale: AxisScale
  /// Category names, one per bar.
  public var categories: [String]
  /// Bar heights, one per category (extra values or names are ignored).
  public var values: [Double]
  /// Bar colour.
  public var color: Color
  /// Print each value above its bar (left out when bars are too narrow for 7-unit text).
  public var showValues: Bool
  /// Canvas width.
  public var width: Double
  /// Canvas height.
  public var height: Double

  /// A bar chart; a 640 × 360 canvas unless sized otherwise.
  public init(
    title: String = "", xLabel: String = "", yLabel: String = "", yScale: AxisScale = .linear,
    categories: [String], values: [Double], color: Color = Theme.color(0),
    showValues: Bool = true, width: Double = 640, height: Double = 360
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.yScale = yScale
    self.categories = categories
    self.values = values
    self.color = color
    self.showValues = showValues
    self.width = width
    self.height = height
  }

  static let labelLimit = 18
  static let rotation = -40.0

  /// The chart as a scene.
  public func scene() -> Scene {
    let count = min(categories.count, values.count)
    let names = categories.prefix(count).map { Theme.truncated($0, to: BarChart.labelLimit) }
    var frame = ChartFrame(
      width: width, height: height, title: title, xLabel: xLabel, yLabel: yLabel)
    var axisValues = Array(values.prefix(count))
    if yScale == .linear { axisValues.append(0) }
    let probe = AxisMap(values: axisValues, scale: yScale, start: 0, end: 1, margin: 0.03)
    frame.yTickWidth = probe.widestLabel(fontSize: Theme.tickSize)
    let rough = frame.plotRect.width / Double(max(count, 1))
    let widest = names.map { TextMetrics.width(of: $0, fontSize: Theme.tickSize) }.max() ?? 0
    let rotate = widest + 6 > rough
    frame.xTickHeight = rotate ? widest * 0.643 + 20 : 18
    if rotate {
      let firstWidth = TextMetrics.width(of: names.first ?? "", fontSize: Theme.tickSize)
      frame.minLeft = firstWidth * 0.766 - rough / 2 + 10
    }
    let plot = frame.plotRect
    let axes = AxesDrawing(plot: plot, x: nil, y: AxisMap(probe, start: plot.maxY, end: plot.y))
    var scene = Scene(width: width, height: height)
    scene.title = title
    scene.add(contentsOf: axes.grid())
    let slot = plot.width / Double(max(count, 1))
    let texts = values.prefix(count).map(valueText)
    let longest = Double(texts.map(\.count).max() ?? 1)
    let valueSize = min(Theme.smallSize, slot / (longest * TextMetrics.advance + 0.5))
    for index in 0..<count {
      let center = plot.x + slot * (Double(index) + 0.5)
      let text = showValues && valueSize >= 7 ? texts[index] : ""
      scene.add(
        contentsOf: bar(
          values[index], text: text, size: valueSize, center: center,
          slot: slot, axes: axes))
      scene.add(categoryLabel(names[index], center: center, below: plot.maxY, rotate: rotate))
    }
    scene.add(contentsOf: axes.axes())
    scene.add(contentsOf: frame.decorations())
    return scene
  }

  func valueText(_ value: Double) -> String {
    guard value.isFinite else { return "n/a" }
    return yScale == .linear || value > 0 ? NumberFormat.compact(value, significant: 3) : "<= 0"
  }

  func bar(
    _ value: Double, text: String, size: Double, center: Double, slot: Double, axes: AxesDrawing
  ) -> [Element] {
    let baseline = yScale == .log ? axes.plot.maxY : (axes.y.position(0) ?? axes.plot.maxY)
    let barWidth = min(slot * 0.7, 80)
    var elements: [Element] = []
    var labelY = baseline - 8
    if let top = axes.y.position(value) {
      let rect = Rect(
        x: center - barWidth / 2, y: min(top, baseline), width: barWidth,
        height: abs(baseline - top))
      elements.append(.rectangle(rect, cornerRadius: min(2, barWidth / 4), style: .fill(color)))
      labelY = value < 0 && yScale == .linear ? rect.maxY + 9 : rect.y - 8
    }
    if !text.isEmpty {
      elements.append(
        Theme.label(
          text, centeredAt: Point(center, labelY), size: size,
          color: Theme.mutedText))
    }
    return elements
  }

  func categoryLabel(_ name: String, center: Double, below axisY: Double, rotate: Bool) -> Element {
    guard rotate else {
      return Theme.label(name, centeredAt: Point(center, axisY + 13), size: Theme.tickSize)
    }
    return .text(
      Text(
        name, at: Point(center + 3, axisY + 12), fontSize: Theme.tickSize,
        anchor: .end, color: Theme.text, rotation: BarChart.rotation))
  }
}
