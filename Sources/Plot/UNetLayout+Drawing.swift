import Graphics

/// The elements of a U-Net diagram, placed by its layout.
extension UNetLayout {
  /// A flat box; a concatenation shows its copied channels (pale, left) beside the up-convolved
  /// ones.
  func block(_ place: Place) -> [Element] {
    let node = node(place), rect = box(place)
    let color = DiagramLayout.color(node.kind)
    let stroke = node.error == nil ? Color(hex: 0x4A4A4A) : DiagramLayout.errorColor
    var elements: [Element] = [
      .rectangle(rect, style: Style(fill: color, stroke: stroke, strokeWidth: 0.8))
    ]
    if place.up, place.index == 0, let copied = copiedChannels(place.level), node.shape.count == 3,
      node.shape[0] > copied
    {
      let split = rect.width * Double(copied) / Double(node.shape[0])
      elements = [
        .rectangle(
          Rect(x: rect.x, y: rect.y, width: split, height: rect.height),
          style: Style(fill: .white, stroke: stroke, strokeWidth: 0.8)),
        .rectangle(
          Rect(x: rect.x + split, y: rect.y, width: rect.width - split, height: rect.height),
          style: Style(fill: DiagramLayout.color(.upsample), stroke: stroke, strokeWidth: 0.8)),
      ]
    }
    return elements
  }

  /// Channels of the map copied across at `level` (the last map on the way down).
  func copiedChannels(_ level: Int) -> Int? {
    guard let last = diagram.levels[level].encoder.last, last.shape.count == 3 else { return nil }
    return last.shape[0]
  }

  /// Channel count and map size, above or below the box.
  func blockLabels(_ place: Place) -> [Element] {
    let rect = box(place)
    let center = (slotX[place] ?? 0) + (slotWidth[place] ?? 0) / 2
    let lines = UNetDiagram.labels(node(place))
    let above = labelsAbove(place)
    return lines.enumerated().map { offset, line in
      let fromBox = Double(above ? lines.count - 1 - offset : offset) * UNetLayout.lineHeight
      let y = above ? rect.y - 9 - fromBox : rect.maxY + 10 + fromBox
      return Theme.label(
        line, centeredAt: Point(center, y), size: Theme.tickSize,
        color: offset == 0 ? Theme.text : Theme.mutedText)
    }
  }

  /// Arrows within rows, down the left, up the right, and across.
  func connections() -> [Element] {
    var elements: [Element] = []
    let colors = convColors()
    for (a, b) in zip(places, places.dropFirst()) where a.level == b.level && a.up == b.up {
      let from = box(a), to = box(b)
      let color = colors[node(b).detail] ?? UNetLayout.convColors[0]
      elements += arrow(
        [Point(from.maxX + 1, rowY[a.level]), Point(to.x - 1, rowY[a.level])], color)
    }
    let levels = diagram.levels
    for level in levels.indices.dropLast() {
      guard let last = levels[level].encoder.indices.last, !levels[level + 1].encoder.isEmpty
      else { continue }
      let from = box(Place(level: level, up: false, index: last))
      let to = box(Place(level: level + 1, up: false, index: 0))
      elements += arrow(
        [
          Point(from.center.x, from.maxY + 1), Point(from.center.x, rowY[level + 1]),
          Point(to.x - 1, rowY[level + 1]),
        ], UNetLayout.downColor)
      elements += upAndAcross(level, from: from)
    }
    return elements
  }

  /// The up-conv arrow into the concatenation at `level` and the skip across to it.
  func upAndAcross(_ level: Int, from encoderLast: Rect) -> [Element] {
    guard !diagram.levels[level].decoder.isEmpty else { return [] }
    let below = diagram.levels[level + 1]
    let source =
      below.decoder.isEmpty
      ? Place(level: level + 1, up: false, index: below.encoder.count - 1)
      : Place(level: level + 1, up: true, index: below.decoder.count - 1)
    let concat = box(Place(level: level, up: true, index: 0))
    let start = box(source)
    let quarter = concat.height / 4
    let up = arrow(
      [
        Point(start.center.x, start.y - 1), Point(start.center.x, rowY[level] + quarter),
        Point(concat.x - 1, rowY[level] + quarter),
      ], UNetLayout.upColor)
    let across = arrow(
      [
        Point(encoderLast.maxX + 1, rowY[level] - quarter),
        Point(concat.x - 1, rowY[level] - quarter),
      ], UNetLayout.skipColor, dash: [5, 3])
    return up + across
  }

  /// A polyline ending in an arrowhead that points along its last segment (right).
  func arrow(_ points: [Point], _ color: Color, dash: [Double] = []) -> [Element] {
    guard let tip = points.last, points.count >= 2 else { return [] }
    var line = points
    line[line.count - 1] = Point(tip.x - 5, tip.y)
    return [
      .polyline(line, .stroke(color, width: 1.5, dash: dash)),
      .path(
        Path.polyline(
          [tip, Point(tip.x - 6, tip.y - 3), Point(tip.x - 6, tip.y + 3)], closed: true),
        .fill(color)),
    ]
  }

  /// The colour of each in-row arrow, by the description of the layer it leads into.
  func convColors() -> [String: Color] {
    var colors: [String: Color] = [:]
    for (a, b) in zip(places, places.dropFirst()) where a.level == b.level && a.up == b.up {
      let detail = node(b).detail
      if colors[detail] == nil {
        colors[detail] = UNetLayout.convColors[colors.count % UNetLayout.convColors.count]
      }
    }
    return colors
  }

  /// Legend entries: every in-row arrow kind, then down, up and across.
  static func legendEntries(_ diagram: UNetDiagram) -> [(String, Color, Bool)] {
    let places = UNetLayout.places(diagram)
    var seen: [String] = []
    for (a, b) in zip(places, places.dropFirst()) where a.level == b.level && a.up == b.up {
      let detail = UNetLayout.node(diagram, b).detail
      if !seen.contains(detail) { seen.append(detail) }
    }
    var entries = seen.enumerated().map {
      ($0.element, UNetLayout.convColors[$0.offset % UNetLayout.convColors.count], false)
    }
    entries.append((diagram.down, downColor, false))
    entries.append((diagram.up, upColor, false))
    entries.append((diagram.skip, skipColor, true))
    return entries
  }

  /// Legend entries split into rows that fit `width`.
  static func legendRows(_ entries: [(String, Color, Bool)], width: Double) -> [[(
    String, Color, Bool
  )]] {
    var rows: [[(String, Color, Bool)]] = [[]]
    var x = margin
    for entry in entries {
      let w = 30 + TextMetrics.width(of: entry.0, fontSize: Theme.tickSize) + 18
      if x + w > width - margin, !(rows.last?.isEmpty ?? true) {
        rows.append([])
        x = margin
      }
      rows[rows.count - 1].append(entry)
      x += w
    }
    return rows
  }

  /// The legend: a short arrow and its meaning per entry.
  func legend() -> [Element] {
    var elements: [Element] = []
    let rows = UNetLayout.legendRows(UNetLayout.legendEntries(diagram), width: width)
    for (row, entries) in rows.enumerated() {
      var x = UNetLayout.margin
      let y = legendTop + 9 + Double(row) * 18
      for (text, color, dashed) in entries {
        elements += arrow([Point(x, y), Point(x + 24, y)], color, dash: dashed ? [5, 3] : [])
        elements.append(
          Theme.label(
            text, centeredAt: Point(x + 30, y), size: Theme.tickSize, anchor: .start,
            color: Theme.text))
        x += 30 + TextMetrics.width(of: text, fontSize: Theme.tickSize) + 18
      }
    }
    return elements
  }
}
