import Glibc

/// Broadcasting arithmetic: tensor ⊕ tensor throws on incompatible shapes; with a scalar it cannot fail.
extension Tensor {
  public static func + (lhs: Tensor, rhs: Tensor) throws(TensorError) -> Tensor {
    lhs.shape == rhs.shape
      ? Elementwise.apply(lhs, rhs, AddKernel()) : try Elementwise.zip(lhs, rhs, +)
  }
  public static func - (lhs: Tensor, rhs: Tensor) throws(TensorError) -> Tensor {
    lhs.shape == rhs.shape
      ? Elementwise.apply(lhs, rhs, SubKernel()) : try Elementwise.zip(lhs, rhs, -)
  }
  public static func * (lhs: Tensor, rhs: Tensor) throws(TensorError) -> Tensor {
    lhs.shape == rhs.shape
      ? Elementwise.apply(lhs, rhs, MulKernel()) : try Elementwise.zip(lhs, rhs, *)
  }
  public static func / (lhs: Tensor, rhs: Tensor) throws(TensorError) -> Tensor {
    lhs.shape == rhs.shape
      ? Elementwise.apply(lhs, rhs, DivKernel()) : try Elementwise.zip(lhs, rhs, /)
  }

  public static func + (lhs: Tensor, rhs: Float) -> Tensor {
    Elementwise.apply(lhs, AddScalarKernel(s: rhs))
  }
  public static func - (lhs: Tensor, rhs: Float) -> Tensor {
    Elementwise.apply(lhs, AddScalarKernel(s: -rhs))
  }
  public static func * (lhs: Tensor, rhs: Float) -> Tensor {
    Elementwise.apply(lhs, MulScalarKernel(s: rhs))
  }
  public static func / (lhs: Tensor, rhs: Float) -> Tensor {
    Elementwise.apply(lhs, DivScalarKernel(s: rhs))
  }
  public static func + (lhs: Float, rhs: Tensor) -> Tensor {
    Elementwise.apply(rhs, AddScalarKernel(s: lhs))
  }
  public static func - (lhs: Float, rhs: Tensor) -> Tensor {
    Elementwise.apply(rhs, ScalarSubKernel(s: lhs))
  }
  public static func * (lhs: Float, rhs: Tensor) -> Tensor {
    Elementwise.apply(rhs, MulScalarKernel(s: lhs))
  }
  public static func / (lhs: Float, rhs: Tensor) -> Tensor {
    Elementwise.apply(rhs, ScalarDivKernel(s: lhs))
  }

  /// Elementwise negation.
  public static prefix func - (x: Tensor) -> Tensor { Elementwise.apply(x, NegateKernel()) }

  /// Elementwise maximum of two tensors (broadcasting).
  public static func maximum(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
    try Elementwise.zip(a, b) { Swift.max($0, $1) }
  }

  /// Elementwise minimum of two tensors (broadcasting).
  public static func minimum(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
    try Elementwise.zip(a, b) { Swift.min($0, $1) }
  }

  /// Applies `f` to every element.
  public func map(_ f: (Float) -> Float) -> Tensor { Elementwise.map(self, f) }

  /// `x^p` elementwise.
  public func pow(_ p: Float) -> Tensor {
    if p == 2 { return Elementwise.apply(self, SquareKernel()) }
    if p == 1 { return self }
    if p == 0.5 { return Elementwise.map(self) { $0.squareRoot() } }
    return Elementwise.map(self) { powf($0, p) }
  }

  /// `x^p` elementwise with a broadcast tensor of exponents.
  public func pow(_ p: Tensor) throws(TensorError) -> Tensor {
    try Elementwise.zip(self, p) { powf($0, $1) }
  }

  /// `eˣ` elementwise.
  public func exp() -> Tensor { Elementwise.apply(self, ExpKernel()) }
  /// Natural logarithm elementwise (−inf at 0, NaN below).
  public func log() -> Tensor { Elementwise.map(self) { logf($0) } }
  /// Square root elementwise.
  public func sqrt() -> Tensor { Elementwise.apply(self, SqrtKernel()) }
  /// Absolute value elementwise.
  public func abs() -> Tensor { Elementwise.apply(self, AbsKernel()) }
  /// Sign elementwise: −1, 0 or 1.
  public func sign() -> Tensor { Elementwise.map(self) { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) } }
  /// Squares elementwise.
  public func squared() -> Tensor { Elementwise.apply(self, SquareKernel()) }

  /// Values limited to `[min, max]` (either bound may be omitted).
  public func clamped(min low: Float = -.infinity, max high: Float = .infinity) -> Tensor {
    Elementwise.map(self) { Swift.min(Swift.max($0, low), high) }
  }
}

/// Comparisons give 1 where true and 0 where false, broadcasting like arithmetic.
extension Tensor {
  public static func .== (lhs: Tensor, rhs: Tensor) throws(TensorError) -> Tensor {
    try Elementwise.zip(lhs, rhs) { $0 == $1 ? 1 : 0 }
  }
  public static func .!= (lhs: Tensor, rhs: Tensor) throws(TensorError) -> Tensor {
    try Elementwise.zip(lhs, rhs) { $0 != $1 ? 1 : 0 }
  }
  public static func .< (lhs: Tensor, rhs: Tensor) throws(TensorError) -> Tensor {
    try Elementwise.zip(lhs, rhs) { $0 < $1 ? 1 : 0 }
  }
  public static func .<= (lhs: Tensor, rhs: Tensor) throws(TensorError) -> Tensor {
    try Elementwise.zip(lhs, rhs) { $0 <= $1 ? 1 : 0 }
  }
  public static func .> (lhs: Tensor, rhs: Tensor) throws(TensorError) -> Tensor {
    try Elementwise.zip(lhs, rhs) { $0 > $1 ? 1 : 0 }
  }
  public static func .>= (lhs: Tensor, rhs: Tensor) throws(TensorError) -> Tensor {
    try Elementwise.zip(lhs, rhs) { $0 >= $1 ? 1 : 0 }
  }

  public static func .== (lhs: Tensor, rhs: Float) -> Tensor {
    Elementwise.map(lhs) { $0 == rhs ? 1 : 0 }
  }
  public static func .!= (lhs: Tensor, rhs: Float) -> Tensor {
    Elementwise.map(lhs) { $0 != rhs ? 1 : 0 }
  }
  public static func .< (lhs: Tensor, rhs: Float) -> Tensor {
    Elementwise.map(lhs) { $0 < rhs ? 1 : 0 }
  }
  public static func .<= (lhs: Tensor, rhs: Float) -> Tensor {
    Elementwise.map(lhs) { $0 <= rhs ? 1 : 0 }
  }
  public static func .> (lhs: Tensor, rhs: Float) -> Tensor {
    Elementwise.map(lhs) { $0 > rhs ? 1 : 0 }
  }
  public static func .>= (lhs: Tensor, rhs: Float) -> Tensor {
    Elementwise.map(lhs) { $0 >= rhs ? 1 : 0 }
  }

  /// Picks `a` where `condition` is non-zero and `b` elsewhere; all three broadcast together.
  public static func `where`(_ condition: Tensor, _ a: Tensor, _ b: Tensor) throws(TensorError)
    -> Tensor
  {
    let shape = try Shape.broadcast(Shape.broadcast(condition.shape, a.shape), b.shape)
    let c = try condition.broadcasted(to: shape), x = try a.broadcasted(to: shape),
      y = try b.broadcasted(to: shape)
    var out = x
    for i in 0..<out.count where c.scalars[i] == 0 { out.scalars[i] = y.scalars[i] }
    return out
  }

  /// The shape two shapes broadcast to (NumPy rules), or a shape mismatch naming the axis that fails.
  public static func broadcastShape(_ a: [Int], _ b: [Int]) throws(TensorError) -> [Int] {
    try Shape.broadcast(a, b)
  }

  /// This tensor repeated along size-1 (or missing leading) axes to `shape`.
  public func broadcasted(to shape: [Int]) throws(TensorError) -> Tensor {
    if shape == self.shape { return self }
    let target = try Shape.broadcast(self.shape, shape)
    guard target == shape else {
      throw .shapeMismatch(
        "cannot broadcast \(self.shape) to \(shape) "
          + "(shapes align from the last axis; each size must equal the target's or be 1)")
    }
    return try Elementwise.zip(self, Tensor.zerosUnchecked(shape)) { a, _ in a }
  }
}

/// Free-function forms, for code that reads like math.
public func exp(_ x: Tensor) -> Tensor { x.exp() }
public func log(_ x: Tensor) -> Tensor { x.log() }
public func sqrt(_ x: Tensor) -> Tensor { x.sqrt() }
public func abs(_ x: Tensor) -> Tensor { x.abs() }
public func pow(_ x: Tensor, _ p: Float) -> Tensor { x.pow(p) }
public func pow(_ x: Tensor, _ p: Tensor) throws(TensorError) -> Tensor { try x.pow(p) }
