import Foundation
import Graphics

/// Positions of a U-Net diagram's boxes, labels and arrows.
///
/// Rows are levels, top to bottom. Each group of boxes starts just right of the lane its
/// incoming arrow runs in: down from the centre of the last box one row up (contracting path),
/// or up from the centre of the last box one row down (expanding path), so lanes never pass
/// through a label. Way-down boxes carry their labels above, way-up and bottom boxes below.
struct UNetLayout {
  /// Where a box sits: its level, the way up (`true`) or down, its index in the group.
  struct Place: Hashable {
    let level: Int
    let up: Bool
    let index: Int
  }

  let diagram: UNetDiagram
  let places: [Place]
  /// Left edge of each box's slot, and the slot's width.
  let slotX: [Place: Double]
  let slotWidth: [Place: Double]
  /// Vertical centre of each row.
  let rowY: [Double]
  let width: Double
  let height: Double
  let legendTop: Double
  /// Log scales for box heights.
  let maxMap: Double

  static let margin = 16.0
  static let gap = 8.0
  static let lineHeight = 14.0
  static let labelRoom = 2 * lineHeight + 6
  static let convColors = [Color(hex: 0x1F6FB4), Color(hex: 0x17A2B8), Color(hex: 0x8E5BB5)]
  static let downColor = Color(hex: 0xC0392B)
  static let upColor = Color(hex: 0x2A9D6F)
  static let skipColor = Color(hex: 0x777777)

  init(_ diagram: UNetDiagram) {
    self.diagram = diagram
    let levels = diagram.levels
    let places = UNetLayout.places(diagram)
    self.places = places
    let nodes = places.map { UNetLayout.node(diagram, $0) }
    let maxMap = Double(nodes.compactMap { $0.shape.count == 3 ? $0.shape[1] : nil }.max() ?? 2)
    self.maxMap = maxMap
    var slotX: [Place: Double] = [:], slotWidth: [Place: Double] = [:]
    var x = UNetLayout.margin
    var previous: Place?
    for (place, node) in zip(places, nodes) {
      let labels = UNetDiagram.labels(node).map {
        TextMetrics.width(of: $0, fontSize: Theme.tickSize)
      }
      let w = max(UNetLayout.boxWidth(node), labels.max() ?? 0) + 2
      if let previous, previous.level != place.level || previous.up != place.up {
        x = (slotX[previous] ?? 0) + (slotWidth[previous] ?? 0) / 2 + 8
      }
      slotX[place] = x
      slotWidth[place] = w
      x += w + UNetLayout.gap
      previous = place
    }
    self.slotX = slotX
    self.slotWidth = slotWidth
    width = max(
      x - UNetLayout.gap + UNetLayout.margin,
      TextMetrics.width(of: diagram.title, fontSize: Theme.titleSize) + 24)
    var rowY: [Double] = []
    var bottom = diagram.title.isEmpty ? 4.0 : 34.0
    for level in levels.indices {
      let rowNodes = zip(places, nodes).filter { $0.0.level == level }.map(\.1)
      let tallest = rowNodes.map { UNetLayout.boxHeight($0, maxMap: maxMap) }.max() ?? 20
      let above = level < levels.count - 1 && !levels[level].encoder.isEmpty
      let below = level == levels.count - 1 || !levels[level].decoder.isEmpty
      let y = bottom + 8 + (above ? UNetLayout.labelRoom : 0) + tallest / 2
      rowY.append(y)
      bottom = y + tallest / 2 + (below ? UNetLayout.labelRoom : 0)
    }
    self.rowY = rowY
    legendTop = bottom + 14
    let legendRows = UNetLayout.legendRows(UNetLayout.legendEntries(diagram), width: width)
    height = legendTop + Double(legendRows.count) * 18 + 6
  }

  /// Every box in drawing order: down the left, then up the right.
  static func places(_ diagram: UNetDiagram) -> [Place] {
    var places: [Place] = []
    for (level, row) in diagram.levels.enumerated() {
      places += row.encoder.indices.map { Place(level: level, up: false, index: $0) }
    }
    for level in diagram.levels.indices.reversed() {
      places += diagram.levels[level].decoder.indices.map {
        Place(level: level, up: true, index: $0)
      }
    }
    return places
  }

  static func node(_ diagram: UNetDiagram, _ place: Place) -> DiagramNode {
    let level = diagram.levels[place.level]
    return place.up ? level.decoder[place.index] : level.encoder[place.index]
  }

  func node(_ place: Place) -> DiagramNode { UNetLayout.node(diagram, place) }

  /// Box width: 6 … 22 units, growing with log₂ of the channels up to 1024.
  static func boxWidth(_ node: DiagramNode) -> Double {
    let channels = node.shape.count == 3 ? node.shape[0] : node.shape.first ?? 1
    return 6 + 16 * min(log2(Double(max(channels, 1))) / 10, 1)
  }

  /// Box height: 12 … 70 units, growing with log₂ of the map height.
  static func boxHeight(_ node: DiagramNode, maxMap: Double) -> Double {
    let map = node.shape.count == 3 ? node.shape[1] : 1
    return 12 + 58 * log2(Double(max(map, 1))) / log2(max(maxMap, 2))
  }

  /// The box of a place: left, top, width, height.
  func box(_ place: Place) -> Rect {
    let node = node(place)
    let w = UNetLayout.boxWidth(node), h = UNetLayout.boxHeight(node, maxMap: maxMap)
    let x = (slotX[place] ?? 0) + ((slotWidth[place] ?? 0) - w) / 2
    return Rect(x: x, y: rowY[place.level] - h / 2, width: w, height: h)
  }

  /// Whether a place's labels go above its box (the way down, above the bottom).
  func labelsAbove(_ place: Place) -> Bool {
    !place.up && place.level < diagram.levels.count - 1
  }
}
