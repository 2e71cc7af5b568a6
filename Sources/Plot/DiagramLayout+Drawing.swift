import Graphics

/// The elements of an architecture diagram, placed by its layout.
extension DiagramLayout {
  /// A box (front, top and side face, shaded); a stack of three for a repeated node; red edges
  /// for a node with an error.
  func block(_ index: Int) -> [Element] {
    let node = nodes[index], g = geometries[index]
    let failed = node.error != nil
    let base = failed ? Color(hex: 0xF4C7C3) : DiagramLayout.color(node.kind)
    let edgeColor = failed ? DiagramLayout.errorColor : Color(hex: 0x4A4A4A)
    let edgeWidth = failed ? 1.8 : 0.8
    let copies = g.stack > 0 ? 3 : 1
    var elements: [Element] = []
    for copy in stride(from: copies - 1, through: 0, by: -1) {
      let shift = Double(copy) * g.stack / 2
      let x = blockX[index] + shift, centre = centerY(index) - shift
      let top = centre - g.height / 2, bottom = centre + g.height / 2
      func face(_ points: [Point], _ fill: Color) -> Element {
        .path(
          Path.polyline(points, closed: true),
          Style(fill: fill, stroke: edgeColor, strokeWidth: edgeWidth))
      }
      let right = x + g.thickness
      elements.append(
        face([Point(x, top), Point(right, top), Point(right, bottom), Point(x, bottom)], base))
      guard g.depthX > 0 else { continue }
      let (dx, dy) = (g.depthX, g.depthY)
      elements.append(
        face(
          [Point(x, top), Point(x + dx, top - dy), Point(right + dx, top - dy), Point(right, top)],
          base.mixed(with: .white, amount: 0.45)))
      elements.append(
        face(
          [
            Point(right, top), Point(right + dx, top - dy), Point(right + dx, bottom - dy),
            Point(right, bottom),
          ], base.mixed(with: .black, amount: 0.18)))
    }
    return elements
  }

  /// The node's name, detail and shape, centred under its slot.
  func blockLabels(_ index: Int) -> [Element] {
    var y = centerY(index) + labelOffset
    let center = slots[index].x + slots[index].width / 2
    var elements: [Element] = []
    for line in DiagramLayout.labelLines(nodes[index]) {
      let isError = line.text == "shape error" && nodes[index].error != nil
      let color = isError ? DiagramLayout.errorColor : line.bold ? Theme.text : Theme.mutedText
      elements.append(
        Theme.label(
          line.text, centeredAt: Point(center, y), size: line.size,
          weight: line.bold ? .bold : .normal, color: color))
      y += DiagramLayout.lineHeight
    }
    return elements
  }

  /// The arrow from block `index` to the next, with the passed shape above it in the gap
  /// between the two slots; the wrap path when the next block starts a new row.
  func chainArrow(from index: Int, label: String) -> [Element] {
    guard rows[index] == rows[index + 1] else { return wrapArrow(from: index) }
    let g = geometries[index]
    let start = blockX[index] + g.thickness + g.depthX / 2 + 3
    let end = blockX[index + 1] - 3
    let y = centerY(index)
    guard end > start + 6 else { return [] }
    let style = Style.stroke(DiagramLayout.lineColor, width: 1.2)
    var elements: [Element] = [.line(from: Point(start, y), to: Point(end - 6, y), style: style)]
    elements.append(arrowHead(at: Point(end, y), direction: 0))
    if !label.isEmpty {
      let gapCenter = (slots[index].x + slots[index].width + slots[index + 1].x) / 2
      elements.append(
        Theme.label(
          label, centeredAt: Point(gapCenter, y - 10), size: Theme.tickSize,
          color: Theme.mutedText))
    }
    return elements
  }

  /// From the last block of a row: right into the gap, down to the gutter under the row's
  /// labels, left to the lane at the canvas edge, down to the next row's centre line and right
  /// into its first block. Only the gutter and the lanes are crossed, where no text lies.
  func wrapArrow(from index: Int) -> [Element] {
    let g = geometries[index]
    let start = Point(blockX[index] + g.thickness + g.depthX / 2 + 3, centerY(index))
    let right = slots[index].x + slots[index].width + 10
    let gutter = centerY(index) + gutterDrop + 7
    let nextY = centerY(index + 1)
    let end = Point(blockX[index + 1] - 3, nextY)
    let lane = DiagramLayout.wrapLane
    let points = [
      start, Point(right, start.y), Point(right, gutter), Point(lane, gutter), Point(lane, nextY),
      Point(end.x - 6, nextY),
    ]
    return [
      .polyline(points, .stroke(DiagramLayout.lineColor, width: 1.2)),
      arrowHead(at: end, direction: 0),
    ]
  }

  /// A filled triangle with its tip at `tip`, pointing right (0), down (90) or up (270).
  func arrowHead(at tip: Point, direction: Int, color: Color = DiagramLayout.lineColor) -> Element {
    let points: [Point]
    switch direction {
    case 0: points = [tip, Point(tip.x - 7, tip.y - 3.5), Point(tip.x - 7, tip.y + 3.5)]
    case 270: points = [tip, Point(tip.x - 3.5, tip.y + 7), Point(tip.x + 3.5, tip.y + 7)]
    default: points = [tip, Point(tip.x - 3.5, tip.y - 7), Point(tip.x + 3.5, tip.y - 7)]
    }
    return .path(Path.polyline(points, closed: true), .fill(color))
  }

  /// A residual shortcut: from the incoming arrow of node `first` up over the blocks and down
  /// into the outgoing arrow of node `last`, where a dot marks the addition; a projection's
  /// description above it.
  func shortcut(_ span: (first: Int, last: Int, shortcut: DiagramNode.Shortcut)) -> [Element] {
    let shortcut = span.shortcut
    let y = centerY(span.first)
    let x0 = slots[span.first].x + 5, x1 = slots[span.last].x + slots[span.last].width - 5
    let top = y - shortcutRise
    var path = Path()
    path.moveTo(Point(x0, y))
    path.lineTo(Point(x0, top + 6))
    path.quadTo(Point(x0 + 6, top), control: Point(x0, top))
    path.lineTo(Point(x1 - 6, top))
    path.quadTo(Point(x1, top + 6), control: Point(x1, top))
    path.lineTo(Point(x1, y - 9))
    let color = DiagramLayout.residualColor
    var elements: [Element] = [
      .path(path, .stroke(color, width: 1.5)),
      arrowHead(at: Point(x1, y - 3), direction: 90, color: color),
      .circle(center: Point(x1, y), radius: 2.5, style: .fill(color)),
    ]
    if case .projection(let text) = shortcut {
      elements.append(
        Theme.label(
          text, centeredAt: Point((x0 + x1) / 2, top - 9), size: Theme.tickSize, color: color))
    }
    return elements
  }

  /// An arc over the chain from one block's top to another's, "+ add" or "concat" above it.
  func arc(_ edge: DiagramEdge, level: Int) -> [Element] {
    let color = edge.kind == .residual ? DiagramLayout.residualColor : DiagramLayout.skipColor
    let fromTop = blockTop(edge.from), toTop = blockTop(edge.to)
    let x0 = blockCenterX(edge.from) + 3, x1 = blockCenterX(edge.to) - 3
    let y = arcBase(edge.from) - Double(level - 1) * DiagramLayout.arcStep
    let r = min(8, (x1 - x0) / 4)
    var path = Path()
    path.moveTo(Point(x0, fromTop - 3))
    path.lineTo(Point(x0, y + r))
    path.quadTo(Point(x0 + r, y), control: Point(x0, y))
    path.lineTo(Point(x1 - r, y))
    path.quadTo(Point(x1, y + r), control: Point(x1, y))
    path.lineTo(Point(x1, toTop - 9))
    let dash: [Double] = edge.kind == .skip ? [6, 4] : []
    let word = edge.kind == .residual ? "+ add" : "concat"
    return [
      .path(path, .stroke(color, width: 1.6, dash: dash)),
      arrowHead(at: Point(x1, toTop - 2), direction: 90, color: color),
      Theme.label(
        word, centeredAt: Point((x0 + x1) / 2, y - 9), size: Theme.tickSize, color: color),
    ]
  }

  /// The error, in red under the diagram.
  func errorLines() -> [Element] {
    errorText.enumerated().map { offset, line in
      .text(
        Text(
          line,
          at: Point(DiagramLayout.margin, errorTop + 9 + Double(offset) * DiagramLayout.lineHeight),
          fontSize: Theme.tickSize, color: DiagramLayout.errorColor))
    }
  }

  func blockTop(_ index: Int) -> Double {
    let g = geometries[index]
    return centerY(index) - g.height / 2 - g.depthY - g.stack
  }

  func blockCenterX(_ index: Int) -> Double {
    blockX[index] + geometries[index].totalWidth / 2
  }
}
