import Foundation

/// A point in scene units (SVG user units; y grows downwards).
public struct Point: Sendable, Hashable {
  /// Horizontal coordinate.
  public var x: Double
  /// Vertical coordinate, downwards.
  public var y: Double

  /// A point from its coordinates.
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }

  /// Shorthand for `Point(x:y:)`.
  public init(_ x: Double, _ y: Double) {
    self.init(x: x, y: y)
  }
}

/// An axis-aligned rectangle: origin at the top-left corner, non-negative size.
public struct Rect: Sendable, Hashable {
  /// Left edge.
  public var x: Double
  /// Top edge.
  public var y: Double
  /// Width.
  public var width: Double
  /// Height.
  public var height: Double

  /// A rectangle from its top-left corner and size.
  public init(x: Double, y: Double, width: Double, height: Double) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  /// The right edge, `x + width`.
  public var maxX: Double { x + width }
  /// The bottom edge, `y + height`.
  public var maxY: Double { y + height }
  /// The centre point.
  public var center: Point { Point(x + width / 2, y + height / 2) }
}

/// A 2-D affine transform, the SVG `matrix(a b c d e f)`.
///
/// It maps (x, y) to (a·x + c·y + e, b·x + d·y + f). `then` composes: `t.then(u)` applies `t`
/// first, then `u`.
public struct Transform: Sendable, Hashable {
  /// Matrix entries in SVG order.
  public var a, b, c, d, e, f: Double

  /// A transform from its six matrix entries.
  public init(a: Double, b: Double, c: Double, d: Double, e: Double, f: Double) {
    (self.a, self.b, self.c, self.d, self.e, self.f) = (a, b, c, d, e, f)
  }

  /// The identity.
  public static let identity = Transform(a: 1, b: 0, c: 0, d: 1, e: 0, f: 0)

  /// A translation by (dx, dy).
  public static func translate(_ dx: Double, _ dy: Double) -> Transform {
    Transform(a: 1, b: 0, c: 0, d: 1, e: dx, f: dy)
  }

  /// A scaling about the origin by (sx, sy).
  public static func scale(_ sx: Double, _ sy: Double) -> Transform {
    Transform(a: sx, b: 0, c: 0, d: sy, e: 0, f: 0)
  }

  /// A rotation about the origin by `degrees`, clockwise on screen (SVG `rotate`).
  public static func rotate(degrees: Double) -> Transform {
    let radians = degrees * Double.pi / 180
    let (cosine, sine) = (snapped(cos(radians)), snapped(sin(radians)))
    return Transform(a: cosine, b: sine, c: -sine, d: cosine, e: 0, f: 0)
  }

  /// This transform followed by `next`.
  public func then(_ next: Transform) -> Transform {
    Transform(
      a: next.a * a + next.c * b, b: next.b * a + next.d * b,
      c: next.a * c + next.c * d, d: next.b * c + next.d * d,
      e: next.a * e + next.c * f + next.e, f: next.b * e + next.d * f + next.f)
  }

  /// The image of a point.
  public func apply(_ p: Point) -> Point {
    Point(a * p.x + c * p.y + e, b * p.x + d * p.y + f)
  }

  /// The factor by which lengths grow on average: √|det|.
  var lengthScale: Double { (abs(a * d - b * c)).squareRoot() }

  /// Whether axis-aligned boxes stay axis-aligned (no rotation other than quarter turns).
  var keepsAxes: Bool { (b == 0 && c == 0) || (a == 0 && d == 0) }

  /// Rounds sin/cos of quarter turns to exact 0 and ±1.
  private static func snapped(_ value: Double) -> Double {
    let rounded = value.rounded()
    return abs(value - rounded) < 1e-12 ? rounded : value
  }
}
