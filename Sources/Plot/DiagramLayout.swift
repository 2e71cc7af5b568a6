import Graphics

/// Positions of an architecture diagram's blocks, labels, arrows and arcs.
///
/// The chain runs left to right and wraps into further rows when it would be wider than the
/// diagram's `maxWidth`, but only between nodes that no skip edge spans (a U-Net stays one row).
struct DiagramLayout {
  let nodes: [DiagramNode]
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
  /// Residual shortcuts over nodes `first...last`.
  let spans: [(first: Int, last: Int, shortcut: DiagramNode.Shortcut)]
  /// Distance from the centre line up to the line of the node shortcuts.
  let shortcutRise: Double
  /// Distance from the centre line down to the gutter the wrap path runs in.
  let gutterDrop: Double
  /// The error written under the diagram, in lines.
  let errorText: [String]
  /// Top of the error text.
  let errorTop: Double

  static let arcStep = 24.0
  static let margin = 24.0
  static let lineHeight = 15.0
  /// x of the lane the wrap path runs down in, left of every row.
  static let wrapLane = 10.0

  init(_ diagram: ArchitectureDiagram) {
    nodes = diagram.nodes
    spans = diagram.spans
    geometries = nodes.map { BlockGeometry(shape: $0.shape, repeats: $0.repeats) }
    levels = DiagramLayout.assignLevels(diagram.arcEdges)
    let maxLevel = levels.map(\.1).max() ?? 0
    let titleRoom = diagram.title.isEmpty ? 10.0 : 38.0
    let rise = geometries.map { $0.height / 2 + $0.depthY + $0.stack }.max() ?? 20
    let hasProjection = spans.contains { if case .projection = $0.shortcut { true } else { false } }
    let shortcutRoom = spans.isEmpty ? 0 : (hasProjection ? 34.0 : 18.0)
    shortcutRise = rise + 10
    let arcRoom = Double(maxLevel) * DiagramLayout.arcStep
    firstArcBase = titleRoom + arcRoom
    firstCenterY = titleRoom + arcRoom + shortcutRoom + rise + 6
    labelOffset = (geometries.map { $0.height / 2 }.max() ?? 20) + 14
    let lineCount = Double(nodes.map { DiagramLayout.labelLines($0).count }.max() ?? 1)
    gutterDrop = labelOffset + lineCount * DiagramLayout.lineHeight
    rowHeight = gutterDrop + 14 + arcRoom + shortcutRoom + rise + 6
    let placed = DiagramLayout.place(diagram, spans: spans, geometries: geometries)
    (rows, slots, blockX) = (placed.rows, placed.slots, placed.blockX)
    width = max(placed.width, TextMetrics.width(of: diagram.title, fontSize: Theme.titleSize) + 24)
    let rowCount = Double((rows.last ?? 0) + 1)
    errorTop = firstCenterY + (rowCount - 1) * rowHeight + gutterDrop + 6
    errorText = DiagramLayout.errorLines(nodes, width: width - 2 * DiagramLayout.margin)
    height = errorTop + Double(errorText.count) * DiagramLayout.lineHeight + 6
  }

  typealias Placement = (
    rows: [Int], slots: [(x: Double, width: Double)], blockX: [Double], width: Double
  )

  /// Rows and slots: the fewest rows within `maxWidth`, then the narrowest width that keeps
  /// that many rows, so rows come out about equally full.
  static func place(
    _ diagram: ArchitectureDiagram,
    spans: [(first: Int, last: Int, shortcut: DiagramNode.Shortcut)],
    geometries: [BlockGeometry]
  ) -> Placement {
    let slotWidths = slotWidths(diagram.nodes, geometries, spans: spans)
    let gaps = gaps(diagram)
    let bounds = diagram.arcEdges.map { ($0.from, $0.to) } + spans.map { ($0.first, $0.last) }
    func attempt(_ limit: Double) -> Placement {
      let rows = breakRows(slotWidths, gaps: gaps, bounds: bounds, maxWidth: limit)
      return positions(rows, slotWidths: slotWidths, gaps: gaps, geometries: geometries)
    }
    var limit = diagram.maxWidth
    var best = attempt(limit)
    while best.width > diagram.maxWidth, limit > 200 {
      limit -= best.width - diagram.maxWidth + 1
      best = attempt(limit)
    }
    let rowCount = (best.rows.last ?? 0) + 1
    guard rowCount > 1 else { return best }
    var narrower = best.width - 20
    while narrower > 200 {
      let candidate = attempt(narrower)
      guard (candidate.rows.last ?? 0) + 1 <= rowCount else { break }
      if candidate.width < best.width { best = candidate }
      narrower -= 20
    }
    return best
  }

  /// Slot positions for given rows; each row starts at the margin.
  static func positions(
    _ rows: [Int], slotWidths: [Double], gaps: [Double], geometries: [BlockGeometry]
  ) -> Placement {
    var x = margin
    var blockX: [Double] = []
    var slots: [(x: Double, width: Double)] = []
    var widest = 100.0
    for index in rows.indices {
      if index > 0 && rows[index] != rows[index - 1] { x = margin }
      slots.append((x, slotWidths[index]))
      blockX.append(x + (slotWidths[index] - geometries[index].totalWidth) / 2)
      widest = max(widest, x + slotWidths[index] + 14 + margin / 2)
      x += slotWidths[index] + gaps[index]
    }
    return (rows, slots, blockX, widest)
  }

  /// The first error, "Shape error at Dense: …", broken into lines of at most `width`.
  static func errorLines(_ nodes: [DiagramNode], width: Double) -> [String] {
    guard let node = nodes.first(where: { $0.error != nil }), let error = node.error else {
      return []
    }
    let perLine = max(Int(width / (TextMetrics.advance * Theme.tickSize)), 20)
    var lines: [String] = []
    var line = ""
    for word in "Shape error at \(node.label): \(error)".split(separator: " ") {
      if !line.isEmpty && line.count + 1 + word.count > perLine {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + String(word.prefix(perLine))
    }
    return lines + (line.isEmpty ? [] : [line])
  }

  /// Width of each node's slot: its block (with room for a shortcut around it) or its widest
  /// label line, plus 4.
  static func slotWidths(
    _ nodes: [DiagramNode], _ geometries: [BlockGeometry],
    spans: [(first: Int, last: Int, shortcut: DiagramNode.Shortcut)]
  ) -> [Double] {
    nodes.indices.map { index in
      var lines = labelLines(nodes[index]).map { TextMetrics.width(of: $0.text, fontSize: $0.size) }
      var room = 0.0
      for span in spans where span.first == index || span.last == index {
        room = 26
        if case .projection(let text) = span.shortcut, span.first == span.last {
          lines.append(TextMetrics.width(of: text, fontSize: Theme.tickSize) + 12)
        }
      }
      return max(geometries[index].totalWidth + room, lines.max() ?? 0) + 4
    }
  }

  /// Room after each node for the arrow and the shape written above it.
  static func gaps(_ diagram: ArchitectureDiagram) -> [Double] {
    diagram.nodes.map { node in
      let edgeText = diagram.showEdgeShapes ? ArchitectureDiagram.shapeText(node.shape) : ""
      return max(30, TextMetrics.width(of: edgeText, fontSize: Theme.tickSize) + 16)
    }
  }

  /// Row of every node. A row ends before the node that would cross `maxWidth`, at the latest
  /// earlier break that no edge or shortcut spans (`bounds`: a cut before node k is barred
  /// when lo < k ≤ hi) and that leaves the row at least half full; failing that,
  /// the row runs wide: to the end if that is within 1.5 × maxWidth (or leaves one node), else
  /// to the next break.
  static func breakRows(
    _ slots: [Double], gaps: [Double], bounds: [(Int, Int)], maxWidth: Double
  ) -> [Int] {
    func allowed(_ cut: Int) -> Bool { !bounds.contains { $0.0 < cut && $0.1 >= cut } }
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

  /// Name (bold), detail, shape, and "shape error" for a failing node.
  static func labelLines(_ node: DiagramNode) -> [(text: String, size: Double, bold: Bool)] {
    var lines: [(text: String, size: Double, bold: Bool)] = [(node.label, Theme.labelSize, true)]
    if !node.detail.isEmpty { lines.append((node.detail, Theme.tickSize, false)) }
    if !node.shape.isEmpty {
      lines.append((ArchitectureDiagram.shapeText(node.shape), Theme.tickSize, false))
    }
    if node.error != nil { lines.append(("shape error", Theme.tickSize, true)) }
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

  static let errorColor = Color(hex: 0xC62828)
  static let lineColor = Color(hex: 0x555555)
  static let residualColor = Color(hex: 0xD0562A)
  static let skipColor = Color(hex: 0x23916A)
}
