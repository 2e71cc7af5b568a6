import Graphics

/// Maps a number in 0…1 to a colour, by linear interpolation between evenly spaced stops.
public struct ColorMap: Sendable, Hashable {
  /// Colours at 0, 1/(n−1), …, 1.
  public var stops: [Color]

  /// A map through `stops` (at least one).
  public init(stops: [Color]) {
    self.stops = stops.isEmpty ? [.black, .white] : stops
  }

  /// The colour at `t` (clamped to 0…1; NaN maps to 0).
  public func color(at t: Double) -> Color {
    guard stops.count > 1 else { return stops[0] }
    let clamped = t.isNaN ? 0 : min(max(t, 0), 1)
    let position = clamped * Double(stops.count - 1)
    let index = min(Int(position), stops.count - 2)
    return stops[index].mixed(with: stops[index + 1], amount: position - Double(index))
  }

  /// Black to white.
  public static let gray = ColorMap(stops: [.black, .white])
  /// White to dark blue, for counts (confusion matrices).
  public static let blues = ColorMap(stops: [
    Color(hex: 0xF7FBFF), Color(hex: 0xC6DBEF), Color(hex: 0x6BAED6), Color(hex: 0x2171B5),
    Color(hex: 0x08306B),
  ])
  /// Dark purple through teal to yellow: perceptually ordered, for feature maps.
  public static let viridis = ColorMap(stops: [
    Color(hex: 0x440154), Color(hex: 0x3B528B), Color(hex: 0x21918C), Color(hex: 0x5EC962),
    Color(hex: 0xFDE725),
  ])
  /// Blue (negative) through white (zero) to red (positive), for filter weights.
  public static let diverging = ColorMap(stops: [
    Color(hex: 0x2166AC), Color(hex: 0x92C5DE), Color(hex: 0xF7F7F7), Color(hex: 0xF4A582),
    Color(hex: 0xB2182B),
  ])
}

/// A vertical colour bar with its low and high labels (and a middle one, e.g. 0 on a diverging
/// map), for heatmaps and image grids.
struct ColorBar {
  var map: ColorMap
  var low: String
  var high: String
  var caption: String = ""
  var middle: String = ""

  static let barWidth = 14.0

  /// Width the bar, its labels and caption take.
  var width: Double {
    let labels =
      [low, high, middle].map { TextMetrics.width(of: $0, fontSize: Theme.smallSize) }.max() ?? 0
    return ColorBar.barWidth + 6 + labels + (caption.isEmpty ? 0 : 18)
  }

  /// The bar as an image (top = high) plus labels, in `frame`'s left `barWidth` units.
  func elements(in frame: Rect) -> [Element] {
    let steps = 64
    var pixels: [UInt8] = []
    for row in 0..<steps {
      let c = map.color(at: 1 - Double(row) / Double(steps - 1))
      pixels += [c.red, c.green, c.blue]
    }
    var elements: [Element] = []
    let bar = Rect(x: frame.x, y: frame.y, width: ColorBar.barWidth, height: frame.height)
    if let image = try? Bitmap(width: 1, height: steps, format: .rgb, pixels: pixels) {
      elements.append(.image(image, frame: bar))
    }
    elements.append(.rectangle(bar, style: .stroke(Theme.axis, width: 0.75)))
    let labelX = bar.maxX + 5
    elements.append(
      Theme.label(
        high, centeredAt: Point(labelX, bar.y + 5), size: Theme.smallSize,
        anchor: .start, color: Theme.mutedText))
    elements.append(
      Theme.label(
        low, centeredAt: Point(labelX, bar.maxY - 5), size: Theme.smallSize,
        anchor: .start, color: Theme.mutedText))
    if !middle.isEmpty {
      elements.append(
        Theme.label(
          middle, centeredAt: Point(labelX, bar.center.y), size: Theme.smallSize,
          anchor: .start, color: Theme.mutedText))
    }
    if !caption.isEmpty {
      let x = frame.x + width - 8
      elements.append(
        Theme.label(
          caption, centeredAt: Point(x, bar.center.y), size: Theme.smallSize,
          color: Theme.mutedText, rotation: -90))
    }
    return elements
  }
}
