import Graphics

/// Positions of an architecture diagram's blocks, labels, arrows and arcs.
///
/// The chain runs left to right and wraps into further rows when it would be wider than the
/// diagram's `maxWidth`, but only between nodes that no skip edge spans (a U-Net stays one row).
struct DiagramLayout {
  let geometries: [BlockGeometry]
  /// Left edge of each block's front face.
  let blockX: [Double]
  /// Left edge and width of each node's slot (block plus labels).
  let slots: [(x: Double, width: Double)]
  /// Row of each node.
  let rows: [Int]
  /// Vertical centre line of the first row, and the distance between rows.
  let firstCenterY: Double, rowHeight: Double
  let width: Double
  let height: Double
  /// Arcs and their nesting level (1 = lowest).
  let levels: [(DiagramEdge, Int)]
  /// Height of the lowest arc in the first row.
  let firstArcBase: Double
  /// Distance from the centre line to the top of the labels under the blocks.
  let labelOffset: Double

  static let arcStep = 24.0
  static let margin = 16.0

  init(_ diagram: ArchitectureDiagram) {
    let nodes = diagram.nodes
    geometries = nodes.map { BlockGeometry(shape: $0.shape) }
    levels = DiagramLayout.assignLevels(diagram.validEdges)
    let maxLevel = levels.map(\.1).max() ?? 0
    let titleRoom = diagram.title.isEmpty ? 10.0 : 36.0
    let halfHeight = geometries.map { $0.height / 2 + $0.depthY }.max() ?? 20
    let arcRoom = Double(maxLevel) * DiagramLayout.arcStep + (maxLevel > 0 ? 12 : 0)
    firstArcBase = titleRoom + arcRoom
    firstCenterY = firstArcBase + 10 + halfHeight
    labelOffset = (geometries.map { $0.height / 2 }.max() ?? 20) + 16
    rowHeight = arcRoom + 10 + halfHeight + labelOffset + 3 * 14 + 18
    let slotWidths = DiagramLayout.slotWidths(nodes, geometries)
    let gaps = DiagramLayout.gaps(diagram)
    rows = DiagramLayout.breakRows(
      slotWidths, gaps: gaps, edges: diagram.validEdges,
      maxWidth: diagram.maxWidth)
    var x = DiagramLayout.margin
    var blockX: [Double] = []
    var slots: [(x: Double, width: Double)] = []
    var widest = 100.0
    for index in nodes.indices {
      if index > 0 && rows[index] != rows[index - 1] { x = DiagramLayout.margin + 16 }
      slots.append((x, slotWidths[index]))
      blockX.append(x + (slotWidths[index] - geometries[index].totalWidth) / 2)
      widest = max(widest, x + slotWidths[index] + DiagramLayout.margin + 14)
      x += slotWidths[index] + gaps[index]
    }
    self.blockX = blockX
    self.slots = slots
    width = max(widest, TextMetrics.width(of: diagram.title, fontSize: Theme.titleSize) + 24)
    let rowCount = (rows.last ?? 0) + 1
    height = firstCenterY + Double(rowCount - 1) * rowHeight + labelOffset + 3 * 14 + 8
  }

  /// Width of each node's slot: its block or its widest label line, plus 4.
  static func slotWidths(_ nodes: [DiagramNode], _ geometries: [BlockGeometry]) -> [Double] {
    zip(nodes, geometries).map { node, g in
      let labels = labelLines(node).map { TextMetrics.width(of: $0.text, fontSize: $0.size) }
      return max(g.totalWidth, labels.max() ?? 0) + 4
    }
  }

  /// Room after each node for the arrow and the shape written above it.
  static func gaps(_ diagram: ArchitectureDiagram) -> [Double] {
    diagram.nodes.map { node in
      let edgeText = diagram.showEdgeShapes ? ArchitectureDiagram.shapeText(node.shape) : ""
      return max(30, TextMetrics.width(of: edgeText, fontSize: Theme.smallSize) + 16)
    }
  }

  /// Row of every node. A row ends before the node that would cross `maxWidth`, at the latest
  /// earlier break that no edge spans and that leaves the row at least half full; failing that,
  /// the row runs wide: to the end if that is within 1.5 × maxWidth (or leaves one node), else
  /// to the next break.
  static func breakRows(_ slots: [Double], gaps: [Double], edges: [DiagramEdge], maxWidth: Double)
    -> [Int]
  {
    func allowed(_ cut: Int) -> Bool { !edges.contains { $0.from < cut && $0.to >= cut } }
    func rowWidth(_ start: Int, _ end: Int) -> Double {
      (start..<end).reduce(margin) { $0 + slots[$1] + gaps[$1] }
    }
    var rows = [Int](repeating: 0, count: slots.count)
    var rowStart = 0
    var index = 1
    while index < slots.count {
      guard rowWidth(rowStart, index) + slots[index] > maxWidth else {
        index += 1
        continue
      }
      let earlier = (rowStart + 1...index).reversed().first {
        allowed($0) && rowWidth(rowStart, $0) >= maxWidth / 2
      }
      // No good earlier break: a rest that fits in 1.5 × maxWidth stays on this row, and so
      // does a last node that would be alone.
      if earlier == nil && rowWidth(rowStart, slots.count) <= 1.5 * maxWidth { break }
      guard let cut = earlier ?? (index + 1..<slots.count).first(where: allowed),
        earlier != nil || cut < slots.count - 1
      else { break }
      for k in cut..<slots.count { rows[k] = rows[cut - 1] + 1 }
      rowStart = cut
      index = cut + 1
    }
    return rows
  }

  func centerY(_ index: Int) -> Double { firstCenterY + Double(rows[index]) * rowHeight }

  func arcBase(_ index: Int) -> Double { firstArcBase + Double(rows[index]) * rowHeight }

  /// Nesting: shorter spans first; an edge sits one level above every edge it overlaps.
  static func assignLevels(_ edges: [DiagramEdge]) -> [(DiagramEdge, Int)] {
    var placed: [(DiagramEdge, Int)] = []
    for edge in edges.sorted(by: { ($0.to - $0.from, $0.from) < ($1.to - $1.from, $1.from) }) {
      let below = placed.filter { $0.0.from < edge.to && edge.from < $0.0.to }.map(\.1).max() ?? 0
      placed.append((edge, below + 1))
    }
    return placed
  }

  static func labelLines(_ node: DiagramNode) -> [(text: String, size: Double, bold: Bool)] {
    var lines: [(text: String, size: Double, bold: Bool)] = [(node.label, 11, true)]
    if !node.detail.isEmpty { lines.append((node.detail, 10, false)) }
    if !node.shape.isEmpty { lines.append((ArchitectureDiagram.shapeText(node.shape), 10, false)) }
    return lines
  }

  static func color(_ kind: DiagramNode.Kind) -> Color {
    switch kind {
    case .input, .output: Color(hex: 0xC9CED6)
    case .conv: Color(hex: 0x8DB7E0)
    case .pool: Color(hex: 0xEDA79C)
    case .dense: Color(hex: 0xB9A3D9)
    case .norm: Color(hex: 0xF2D27E)
    case .activation: Color(hex: 0xA8D8B0)
    case .upsample: Color(hex: 0x86CCC6)
    case .concat, .other: Color(hex: 0xD8D8D8)
    }
  }

  /// A box: front face, top face and side face, shaded.
  func block(_ index: Int, node: DiagramNode) -> [Element] {
    let g = geometries[index]
    let centerY = centerY(index)
    let x = blockX[index], top = centerY - g.height / 2, bottom = centerY + g.height / 2
    let base = DiagramLayout.color(node.kind)
    let edge = Style.stroke(Color(hex: 0x4A4A4A), width: 0.8)
    func face(_ points: [Point], _ fill: Color) -> Element {
      .path(
        Path.polyline(points, closed: true),
        Style(fill: fill, stroke: edge.stroke, strokeWidth: edge.strokeWidth))
    }
    var elements = [
      face(
        [
          Point(x, top), Point(x + g.thickness, top), Point(x + g.thickness, bottom),
          Point(x, bottom),
        ], base)
    ]
    if g.depthX > 0 {
      let (dx, dy) = (g.depthX, g.depthY)
      elements.append(
        face(
          [
            Point(x, top), Point(x + dx, top - dy), Point(x + g.thickness + dx, top - dy),
            Point(x + g.thickness, top),
          ], base.mixed(with: .white, amount: 0.45)))
      elements.append(
        face(
          [
            Point(x + g.thickness, top), Point(x + g.thickness + dx, top - dy),
            Point(x + g.thickness + dx, bottom - dy), Point(x + g.thickness, bottom),
          ],
          base.mixed(with: .black, amount: 0.18)))
    }
    return elements
  }

  func blockLabels(_ index: Int, node: DiagramNode) -> [Element] {
    var y = centerY(index) + labelOffset
    let center = slots[index].x + slots[index].width / 2
    var elements: [Element] = []
    for line in DiagramLayout.labelLines(node) {
      elements.append(
        Theme.label(
          line.text, centeredAt: Point(center, y), size: line.size,
          weight: line.bold ? .bold : .normal,
          color: line.bold ? Theme.text : Theme.mutedText))
      y += 14
    }
    return elements
  }

  /// The arrow from block `index` to the next, with the passed shape above it; an elbow
  /// back to the left margin when the next block starts a new row.
  func chainArrow(from index: Int, label: String) -> [Element] {
    let g = geometries[index]
    let start = blockX[index] + g.thickness + g.depthX / 2 + 3
    let end = blockX[index + 1] - 3
    let y = centerY(index)
    let style = Style.stroke(Color(hex: 0x555555), width: 1.2)
    guard rows[index] == rows[index + 1] else { return wrapArrow(from: index, label: label) }
    guard end > start else { return [] }
    var elements: [Element] = [.line(from: Point(start, y), to: Point(end - 6, y), style: style)]
    elements.append(arrowHead(at: Point(end, y), direction: 0))
    if !label.isEmpty {
      elements.append(
        Theme.label(
          label, centeredAt: Point((start + end) / 2, y - 9),
          size: Theme.smallSize, color: Theme.mutedText))
    }
    return elements
  }

  /// The elbow from the last block of a row to the first block of the next row.
  func wrapArrow(from index: Int, label: String) -> [Element] {
    let g = geometries[index]
    let start = Point(blockX[index] + g.thickness + g.depthX / 2 + 3, centerY(index))
    let right = slots[index].x + slots[index].width + 10
    let nextY = centerY(index + 1)
    let turnY = nextY - rowHeight / 2 + 4
    let left = DiagramLayout.margin
    let end = Point(blockX[index + 1] - 3, nextY)
    let points = [
      start, Point(right, start.y), Point(right, turnY), Point(left, turnY),
      Point(left, nextY), Point(end.x - 6, nextY),
    ]
    var elements: [Element] = [
      .polyline(points, .stroke(Color(hex: 0x555555), width: 1.2)),
      arrowHead(at: end, direction: 0),
    ]
    if !label.isEmpty {
      let width = TextMetrics.width(of: label, fontSize: Theme.smallSize) + 8
      let mid = Point((left + right) / 2, turnY)
      elements.append(
        .rectangle(
          Rect(x: mid.x - width / 2, y: turnY - 7, width: width, height: 14),
          style: .fill(.white)))
      elements.append(
        Theme.label(label, centeredAt: mid, size: Theme.smallSize, color: Theme.mutedText))
    }
    return elements
  }

  /// A filled triangle with its tip at `tip`, pointing right (0) or down (90).
  func arrowHead(at tip: Point, direction: Int, color: Color = Color(hex: 0x555555)) -> Element {
    let points =
      direction == 0
      ? [tip, Point(tip.x - 7, tip.y - 3.5), Point(tip.x - 7, tip.y + 3.5)]
      : [tip, Point(tip.x - 3.5, tip.y - 7), Point(tip.x + 3.5, tip.y - 7)]
    return .path(Path.polyline(points, closed: true), .fill(color))
  }

  /// An arc over the chain from one block's top to another's, with "add" or "concat".
  func arc(_ edge: DiagramEdge, level: Int) -> [Element] {
    let color = edge.kind == .residual ? Color(hex: 0xD0562A) : Color(hex: 0x23916A)
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
    let mid = Point((x0 + x1) / 2, y)
    let boxWidth = TextMetrics.width(of: word, fontSize: Theme.smallSize) + 8
    return [
      .path(path, .stroke(color, width: 1.6, dash: dash)),
      arrowHead(at: Point(x1, toTop - 2), direction: 90, color: color),
      .rectangle(
        Rect(x: mid.x - boxWidth / 2, y: y - 7, width: boxWidth, height: 14),
        cornerRadius: 3, style: .fill(.white)),
      Theme.label(word, centeredAt: mid, size: Theme.smallSize, color: color),
    ]
  }

  func blockTop(_ index: Int) -> Double {
    centerY(index) - geometries[index].height / 2 - geometries[index].depthY
  }

  func blockCenterX(_ index: Int) -> Double {
    blockX[index] + geometries[index].totalWidth / 2
  }
}
