/// How a shape is painted: fill, stroke, dash pattern and overall opacity.
///
/// `nil` fill or stroke paints nothing. Widths and dash lengths are in scene units and scale with
/// the enclosing transforms. Strokes join and cap round in both renderers.
public struct Style: Sendable, Hashable {
  /// Interior colour, or `nil` for none.
  public var fill: Color?
  /// Outline colour, or `nil` for none.
  public var stroke: Color?
  /// Outline width.
  public var strokeWidth: Double
  /// Alternating dash and gap lengths; empty for a solid line.
  public var dash: [Double]
  /// Opacity multiplier for fill and stroke, 0…1.
  public var opacity: Double

  /// A style from its parts.
  public init(
    fill: Color? = nil, stroke: Color? = nil, strokeWidth: Double = 1, dash: [Double] = [],
    opacity: Double = 1
  ) {
    self.fill = fill
    self.stroke = stroke
    self.strokeWidth = strokeWidth
    self.dash = dash
    self.opacity = opacity
  }

  /// A fill without outline.
  public static func fill(_ color: Color, opacity: Double = 1) -> Style {
    Style(fill: color, opacity: opacity)
  }

  /// An outline without fill.
  public static func stroke(_ color: Color, width: Double = 1, dash: [Double] = []) -> Style {
    Style(stroke: color, strokeWidth: width, dash: dash)
  }
}

/// Where a text's position sits along the text: its start, middle or end.
public enum TextAnchor: String, Sendable, Hashable {
  /// Position at the left end.
  case start
  /// Position at the centre.
  case middle
  /// Position at the right end.
  case end
}

/// Stroke weight of text.
public enum FontWeight: String, Sendable, Hashable {
  /// Regular.
  case normal
  /// Bold.
  case bold
}

/// A line of text; `position` is on the baseline at the anchor.
///
/// Both renderers use the same metrics: every character advances `0.6 · fontSize`
/// (`TextMetrics.width`), capitals are `0.7 · fontSize` tall. `rotation` turns the text about
/// `position`, in degrees clockwise (−90 reads bottom to top).
public struct Text: Sendable, Hashable {
  /// The characters (one line; the raster font covers ASCII and a few symbols, see `PixelFont`;
  /// others draw as `?`).
  public var string: String
  /// Baseline point at the anchor.
  public var position: Point
  /// Font size (em height) in scene units.
  public var fontSize: Double
  /// Which part of the text sits at `position`.
  public var anchor: TextAnchor
  /// Regular or bold.
  public var weight: FontWeight
  /// Text colour.
  public var color: Color
  /// Rotation about `position` in degrees, clockwise.
  public var rotation: Double

  /// A text from its parts.
  public init(
    _ string: String, at position: Point, fontSize: Double = 12, anchor: TextAnchor = .start,
    weight: FontWeight = .normal, color: Color = .black, rotation: Double = 0
  ) {
    self.string = string
    self.position = position
    self.fontSize = fontSize
    self.anchor = anchor
    self.weight = weight
    self.color = color
    self.rotation = rotation
  }
}

/// Text measurement shared by the SVG and raster renderers, so layouts fit in both.
public enum TextMetrics {
  /// Advance of one character as a fraction of the font size.
  public static let advance = 0.6
  /// Capital height as a fraction of the font size.
  public static let capHeight = 0.7

  /// The width of `string` at `fontSize`: characters × 0.6 × fontSize.
  public static func width(of string: String, fontSize: Double) -> Double {
    Double(string.count) * advance * fontSize
  }
}
