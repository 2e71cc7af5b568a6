import Graphics

/// The outer layout shared by Cartesian charts: title, legend band, axis titles, plot area.
///
/// Margins grow with the widest y tick label and with extra room the chart asks for (rotated
/// category labels, a legend), so nothing is clipped at the canvas edge.
struct ChartFrame {
  var width: Double
  var height: Double
  var title: String
  var xLabel: String
  var yLabel: String
  /// Height of the legend band under the title (0 for none).
  var legendHeight: Double = 0
  /// Width of the widest y tick label.
  var yTickWidth: Double = 0
  /// Height below the x axis taken by tick or category labels.
  var xTickHeight: Double = 18
  /// Extra room on the right (e.g. half the last x tick label).
  var rightPad: Double = 16
  /// Smallest left edge of the plot area (room for labels that lean left).
  var minLeft: Double = 0

  /// Top of the legend band.
  var legendTop: Double { title.isEmpty ? 10 : 34 }

  /// The rectangle inside the axes.
  var plotRect: Rect {
    let top = legendTop + legendHeight + (legendHeight > 0 ? 6 : 8)
    let left = max(12 + (yLabel.isEmpty ? 0 : 20) + yTickWidth + 8, minLeft)
    let bottom = 10 + xTickHeight + (xLabel.isEmpty ? 0 : 20)
    return Rect(
      x: left, y: top, width: max(width - left - rightPad, 10),
      height: max(height - top - bottom, 10))
  }

  /// Title and axis titles.
  func decorations() -> [Element] {
    Theme.titles(
      title: title, xLabel: xLabel, yLabel: yLabel, width: width, plot: plotRect,
      xLabelY: plotRect.maxY + xTickHeight + 14)
  }
}

/// Grid, axis lines, tick marks and tick labels for a plot rectangle.
struct AxesDrawing {
  let plot: Rect
  /// Horizontal axis, or `nil` when the chart draws its own categories.
  let x: AxisMap?
  let y: AxisMap

  func grid() -> [Element] {
    var elements: [Element] = []
    let style = Style.stroke(Theme.grid, width: 1)
    for tick in y.ticks {
      guard let py = y.position(tick.value) else { continue }
      elements.append(.line(from: Point(plot.x, py), to: Point(plot.maxX, py), style: style))
    }
    for tick in x?.ticks ?? [] {
      guard let px = x?.position(tick.value) else { continue }
      elements.append(.line(from: Point(px, plot.y), to: Point(px, plot.maxY), style: style))
    }
    return elements
  }

  func axes() -> [Element] {
    let style = Style.stroke(Theme.axis, width: 1)
    var elements: [Element] = [
      .line(from: Point(plot.x, plot.y), to: Point(plot.x, plot.maxY), style: style),
      .line(from: Point(plot.x, plot.maxY), to: Point(plot.maxX, plot.maxY), style: style),
    ]
    for tick in y.ticks {
      guard let py = y.position(tick.value) else { continue }
      elements.append(.line(from: Point(plot.x - 4, py), to: Point(plot.x, py), style: style))
      elements.append(
        Theme.label(
          tick.label, centeredAt: Point(plot.x - 7, py), size: Theme.tickSize,
          anchor: .end, color: Theme.mutedText))
    }
    elements += xTicks(style: style)
    return elements
  }

  /// x tick marks and labels, skipping every other label when they would collide.
  func xTicks(style: Style) -> [Element] {
    guard let x, x.ticks.count > 0 else { return [] }
    let positions = x.ticks.compactMap { x.position($0.value) }
    let spacing = positions.count > 1 ? abs(positions[1] - positions[0]) : plot.width
    let widest = x.widestLabel(fontSize: Theme.tickSize) + 8
    let every = max(1, Int((widest / max(spacing, 1)).rounded(.up)))
    var elements: [Element] = []
    for (index, tick) in x.ticks.enumerated() {
      guard let px = x.position(tick.value) else { continue }
      elements.append(.line(from: Point(px, plot.maxY), to: Point(px, plot.maxY + 4), style: style))
      if index % every == 0 {
        elements.append(
          Theme.label(
            tick.label, centeredAt: Point(px, plot.maxY + 13),
            size: Theme.tickSize, color: Theme.mutedText))
      }
    }
    return elements
  }
}

/// One legend entry: a colour swatch (line or box) and a name.
struct LegendItem {
  var name: String
  var color: Color
  var dashed: Bool = false
  var box: Bool = false
}

/// Legend entries laid out in rows that wrap within a width.
struct Legend {
  let items: [LegendItem]
  static let rowHeight = 18.0

  func itemWidth(_ item: LegendItem) -> Double {
    22 + TextMetrics.width(of: item.name, fontSize: Theme.tickSize) + 16
  }

  /// Number of rows needed within `width`.
  func rows(width: Double) -> Int {
    positions(left: 0, top: 0, width: width).last.map {
      Int(($0.y / Legend.rowHeight).rounded()) + 1
    } ?? 0
  }

  /// The top-left corner of each item.
  func positions(left: Double, top: Double, width: Double) -> [Point] {
    var points: [Point] = []
    var (x, y) = (left, top)
    for item in items {
      let w = itemWidth(item)
      if x > left && x + w > left + width {
        x = left
        y += Legend.rowHeight
      }
      points.append(Point(x, y))
      x += w
    }
    return points
  }

  func elements(left: Double, top: Double, width: Double) -> [Element] {
    var elements: [Element] = []
    for (item, corner) in zip(items, positions(left: left, top: top, width: width)) {
      let midY = corner.y + Legend.rowHeight / 2
      if item.box {
        elements.append(
          .rectangle(
            Rect(x: corner.x, y: midY - 5, width: 16, height: 10),
            cornerRadius: 2, style: .fill(item.color)))
      } else {
        elements.append(
          .line(
            from: Point(corner.x, midY), to: Point(corner.x + 16, midY),
            style: .stroke(item.color, width: 2.5, dash: item.dashed ? [5, 3] : [])))
      }
      elements.append(
        Theme.label(
          item.name, centeredAt: Point(corner.x + 22, midY),
          size: Theme.tickSize, anchor: .start))
    }
    return elements
  }
}

extension Theme {
  /// A figure's title (centred at the top) and axis titles (under and left of `plot`).
  ///
  /// `xLabelY` is the x-axis title's baseline centre; the y-axis title is rotated −90°.
  static func titles(
    title: String, xLabel: String, yLabel: String, width: Double, plot: Rect, xLabelY: Double
  ) -> [Element] {
    var elements: [Element] = []
    if !title.isEmpty {
      elements.append(
        label(title, centeredAt: Point(width / 2, 19), size: titleSize, weight: .bold))
    }
    if !xLabel.isEmpty {
      elements.append(
        label(
          xLabel, centeredAt: Point(plot.center.x, xLabelY), size: labelSize, color: mutedText))
    }
    if !yLabel.isEmpty {
      elements.append(
        label(
          yLabel, centeredAt: Point(20, plot.center.y), size: labelSize, color: mutedText,
          rotation: -90))
    }
    return elements
  }
}
