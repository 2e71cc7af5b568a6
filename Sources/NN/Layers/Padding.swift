/// Zero padding of a convolution or pooling window: a number of pixels per side, `.same` or `.valid`.
///
/// `.same` keeps the spatial size at stride 1 (per side `dilation * (kernel - 1) / 2`, so it needs an
/// odd effective kernel); `.valid` is no padding. An integer literal means that many pixels per side.
public enum Padding: Sendable, Equatable, ExpressibleByIntegerLiteral, CustomStringConvertible {
  case explicit(Int)
  case same
  case valid

  public init(integerLiteral value: Int) { self = .explicit(value) }

  /// Pixels added on each side for a window of the given effective extent.
  func perSide(extent: Int) -> Int {
    switch self {
    case .explicit(let pixels): return pixels
    case .valid: return 0
    case .same: return (extent - 1) / 2
    }
  }

  /// Whether it is the default (no padding).
  var isZero: Bool { self == .valid || self == .explicit(0) }

  public var description: String {
    switch self {
    case .explicit(let pixels): return String(pixels)
    case .same: return ".same"
    case .valid: return ".valid"
    }
  }
}
