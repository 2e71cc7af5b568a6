import Graphics

/// Positions of an architecture diagram's blocks, labels, arrows and arcs.
struct DiagramLayout {
  let geometries: [BlockGeometry]
  /// Left edge of each block's front face.
  let blockX: [Double]
  /// Left edge and width of each node's slot (block plus labels).
  let slots: [(x: Double, width: Double)]
  /// Vertical centre line of the chain.
  let centerY: Double
  let width: Double
  let height: Double
  /// Arcs and their nesting level (1 = lowest).
  let levels: [(DiagramEdge, Int)]
  let arcBase: Double

  static let arcStep = 24.0

  init(_ diagram: ArchitectureDiagram) {
    let nodes = diagram.nodes
    geometries = nodes.map { BlockGeometry(shape: $0.shape) }
    levels = DiagramLayout.assignLevels(diagram.validEdges)
    let maxLevel = levels.map(\.1).max() ?? 0
    let titleRoom = diagram.title.isEmpty ? 10.0 : 36.0
    let halfHeight = geometries.map { $0.height / 2 + $0.depthY }.max() ?? 20
    arcBase = titleRoom + Double(maxLevel) * DiagramLayout.arcStep + (maxLevel > 0 ? 12 : 0)
    centerY = arcBase + 10 + halfHeight
    var x = 16.0
    var blockX: [Double] = []
    var slots: [(x: Double, width: Double)] = []
    for (index, node) in nodes.enumerated() {
      let g = geometries[index]
      let labelWidth = DiagramLayout.labelLines(node).map {
        TextMetrics.width(of: $0.text, fontSize: $0.size)
      }.max() ?? 0
      let slot = max(g.totalWidth, labelWidth) + 4
      slots.append((x, slot))
      blockX.append(x + (slot - g.totalWidth) / 2)
      let edgeText = diagram.showEdgeShapes ? ArchitectureDiagram.shapeText(node.shape) : ""
      x += slot + max(30, TextMetrics.width(of: edgeText, fontSize: Theme.smallSize) + 16)
    }
    self.blockX = blockX
    self.slots = slots
    let chainWidth = (slots.last.map { $0.x + $0.width } ?? 100) + 16
    width = max(chainWidth, TextMetrics.width(of: diagram.title, fontSize: Theme.titleSize) + 24)
    let lowest = geometries.map { $0.height / 2 }.max() ?? 20
    height = centerY + lowest + 14 + 3 * 14 + 8
  }

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
    let x = blockX[index], top = centerY - g.height / 2, bottom = centerY + g.height / 2
    let base = DiagramLayout.color(node.kind)
    let edge = Style.stroke(Color(hex: 0x4A4A4A), width: 0.8)
    func face(_ points: [Point], _ fill: Color) -> Element {
      .path(Path.polyline(points, closed: true),
            Style(fill: fill, stroke: edge.stroke, strokeWidth: edge.strokeWidth))
    }
    var elements = [face([Point(x, top), Point(x + g.thickness, top), Point(x + g.thickness, bottom),
                          Point(x, bottom)], base)]
    if g.depthX > 0 {
      let (dx, dy) = (g.depthX, g.depthY)
      elements.append(face([Point(x, top), Point(x + dx, top - dy), Point(x + g.thickness + dx, top - dy),
                            Point(x + g.thickness, top)], base.mixed(with: .white, amount: 0.45)))
      elements.append(face([Point(x + g.thickness, top), Point(x + g.thickness + dx, top - dy),
                            Point(x + g.thickness + dx, bottom - dy), Point(x + g.thickness, bottom)],
                           base.mixed(with: .black, amount: 0.18)))
    }
    return elements
  }

  func blockLabels(_ index: Int, node: DiagramNode) -> [Element] {
    let lowest = geometries.map { $0.height / 2 }.max() ?? 20
    var y = centerY + lowest + 16
    let center = slots[index].x + slots[index].width / 2
    var elements: [Element] = []
    for line in DiagramLayout.labelLines(node) {
      elements.append(Theme.label(line.text, centeredAt: Point(center, y), size: line.size,
                                  weight: line.bold ? .bold : .normal,
                                  color: line.bold ? Theme.text : Theme.mutedText))
      y += 14
    }
    return elements
  }

  /// The arrow from block `index` to the next, with the passed shape above it.
  func chainArrow(from index: Int, label: String) -> [Element] {
    let g = geometries[index]
    let start = blockX[index] + g.thickness + g.depthX / 2 + 3
    let end = blockX[index + 1] - 3
    guard end > start else { return [] }
    let style = Style.stroke(Color(hex: 0x555555), width: 1.2)
    var elements: [Element] = [.line(from: Point(start, centerY), to: Point(end - 6, centerY), style: style)]
    elements.append(arrowHead(at: Point(end, centerY), direction: 0))
    if !label.isEmpty {
      elements.append(Theme.label(label, centeredAt: Point((start + end) / 2, centerY - 9),
                                  size: Theme.smallSize, color: Theme.mutedText))
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
    let y = arcBase - Double(level - 1) * DiagramLayout.arcStep
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
      .rectangle(Rect(x: mid.x - boxWidth / 2, y: y - 7, width: boxWidth, height: 14),
                 cornerRadius: 3, style: .fill(.white)),
      Theme.label(word, centeredAt: mid, size: Theme.smallSize, color: color),
    ]
  }

  func blockTop(_ index: Int) -> Double {
    centerY - geometries[index].height / 2 - geometries[index].depthY
  }

  func blockCenterX(_ index: Int) -> Double {
    blockX[index] + geometries[index].totalWidth / 2
  }
}
