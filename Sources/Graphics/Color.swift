/// An sRGB colour with 8-bit channels and straight (not premultiplied) alpha.
///
/// `Color(hex: 0x1f77b4)` is opaque; `alpha` 0 is fully transparent.
public struct Color: Sendable, Hashable {
  /// Red, 0…255.
  public var red: UInt8
  /// Green, 0…255.
  public var green: UInt8
  /// Blue, 0…255.
  public var blue: UInt8
  /// Alpha, 0 (transparent) … 255 (opaque).
  public var alpha: UInt8

  /// A colour from its four channels.
  public init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
    self.red = red
    self.green = green
    self.blue = blue
    self.alpha = alpha
  }

  /// An opaque colour from `0xRRGGBB`.
  public init(hex: UInt32) {
    self.init(
      red: UInt8((hex >> 16) & 0xff), green: UInt8((hex >> 8) & 0xff), blue: UInt8(hex & 0xff))
  }

  /// A gray level, 0 (black) … 255 (white).
  public init(gray: UInt8) {
    self.init(red: gray, green: gray, blue: gray)
  }

  /// The same colour with alpha `opacity` (0…1, clamped).
  public func withOpacity(_ opacity: Double) -> Color {
    var copy = self
    copy.alpha = Color.channel(opacity * 255)
    return copy
  }

  /// Linear interpolation `self + t * (other - self)` per channel, `t` clamped to 0…1.
  public func mixed(with other: Color, amount t: Double) -> Color {
    let t = min(max(t.isNaN ? 0 : t, 0), 1)
    func mix(_ a: UInt8, _ b: UInt8) -> UInt8 {
      Color.channel(Double(a) + (Double(b) - Double(a)) * t)
    }
    return Color(
      red: mix(red, other.red), green: mix(green, other.green), blue: mix(blue, other.blue),
      alpha: mix(alpha, other.alpha))
  }

  /// Relative luminance approximation 0…1 (Rec. 601 weights), for choosing a text colour.
  public var luminance: Double {
    (0.299 * Double(red) + 0.587 * Double(green) + 0.114 * Double(blue)) / 255
  }

  /// `#rrggbb`, lower case, without alpha.
  public var hexString: String {
    let digits = Array("0123456789abcdef")
    var text = "#"
    for value in [red, green, blue] {
      text.append(digits[Int(value >> 4)])
      text.append(digits[Int(value & 15)])
    }
    return text
  }

  /// Rounds and clamps a value to 0…255.
  static func channel(_ value: Double) -> UInt8 {
    guard value.isFinite else { return 0 }
    return UInt8(min(max(value.rounded(), 0), 255))
  }
}

// MARK: - Named colours

extension Color {
  /// Opaque black.
  public static let black = Color(red: 0, green: 0, blue: 0)
  /// Opaque white.
  public static let white = Color(red: 255, green: 255, blue: 255)
  /// Fully transparent black.
  public static let clear = Color(red: 0, green: 0, blue: 0, alpha: 0)
  /// Pure red.
  public static let red = Color(red: 255, green: 0, blue: 0)
  /// Pure green.
  public static let green = Color(red: 0, green: 255, blue: 0)
  /// Pure blue.
  public static let blue = Color(red: 0, green: 0, blue: 255)
  /// Mid gray.
  public static let gray = Color(gray: 128)
}
