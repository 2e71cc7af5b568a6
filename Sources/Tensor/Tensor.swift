/// An n-dimensional array of Float32 values, contiguous and row-major, with value semantics.
///
/// Storage is a Swift array, so copies are cheap and a write copies only when the storage is
/// shared (copy-on-write). Images are laid out NCHW: [batch, channels, height, width].
/// Operations that can fail on their inputs (shapes, arguments, memory) throw `TensorError`.
public struct Tensor: Sendable {
  /// The size of each axis; `[]` for a scalar.
  public internal(set) var shape: [Int]
  /// The values in row-major order (`count` of them).
  public internal(set) var scalars: [Float]

  /// Makes a tensor without checking that `scalars.count` matches `shape` (internal fast path).
  @inline(__always)
  init(uncheckedShape shape: [Int], scalars: [Float]) {
    self.shape = shape
    self.scalars = scalars
  }

  /// Makes a tensor of `shape` from row-major `scalars`; throws unless the counts agree.
  public init(shape: [Int], scalars: [Float]) throws(TensorError) {
    let n = try Shape.checkedCount(shape)
    guard n == scalars.count else {
      throw .shapeMismatch("shape \(shape) needs \(n) values, got \(scalars.count)")
    }
    self.init(uncheckedShape: shape, scalars: scalars)
  }

  /// A tensor of `shape` with every element equal to `value` ("full").
  public init(repeating value: Float, shape: [Int]) throws(TensorError) {
    let n = try Shape.checkedCount(shape)
    _ = AllocatorPolicy.applied
    self.init(uncheckedShape: shape, scalars: [Float](repeating: value, count: n))
  }

  /// A tensor of zeros.
  public init(zeros shape: [Int]) throws(TensorError) { try self.init(repeating: 0, shape: shape) }

  /// A tensor of ones.
  public init(ones shape: [Int]) throws(TensorError) { try self.init(repeating: 1, shape: shape) }

  /// A rank-0 tensor holding one value.
  public init(_ scalar: Float) { self.init(uncheckedShape: [], scalars: [scalar]) }

  /// A rank-1 tensor from an array.
  public init(_ vector: [Float]) { self.init(uncheckedShape: [vector.count], scalars: vector) }

  /// The number of elements.
  public var count: Int { scalars.count }

  /// The number of axes.
  public var rank: Int { shape.count }

  /// The value of a one-element tensor (any rank); throws otherwise.
  public var item: Float {
    get throws(TensorError) {
      guard scalars.count == 1 else {
        throw .invalidArgument("item needs a tensor with one element, this one has shape \(shape)")
      }
      return scalars[0]
    }
  }

  /// Reads the values through a pointer, without copying.
  public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows
    -> R
  {
    try scalars.withUnsafeBufferPointer(body)
  }

  /// Writes the values in place through a pointer (copies first only if the storage is shared).
  public mutating func withUnsafeMutableBufferPointer<R>(
    _ body: (inout UnsafeMutableBufferPointer<Float>) throws -> R
  ) rethrows -> R {
    try scalars.withUnsafeMutableBufferPointer(body)
  }

  /// A tensor of `shape` whose values `body` writes, all of them (internal allocation fast path).
  @inline(__always)
  static func build(
    _ shape: [Int], _ body: (UnsafeMutableBufferPointer<Float>) throws -> Void
  ) rethrows -> Tensor {
    _ = AllocatorPolicy.applied
    let n = Shape.count(shape)
    let scalars = try [Float](unsafeUninitializedCapacity: n) { buffer, initialized in
      try body(buffer)
      initialized = n
    }
    return Tensor(uncheckedShape: shape, scalars: scalars)
  }

  /// A zero-filled tensor of a shape already known to be valid.
  @inline(__always)
  static func zerosUnchecked(_ shape: [Int]) -> Tensor {
    _ = AllocatorPolicy.applied
    return Tensor(uncheckedShape: shape, scalars: [Float](repeating: 0, count: Shape.count(shape)))
  }
}

extension Tensor: Equatable {
  /// Equal shapes and bit-for-bit equal values (NaN never equals NaN).
  public static func == (lhs: Tensor, rhs: Tensor) -> Bool {
    lhs.shape == rhs.shape && lhs.scalars == rhs.scalars
  }
}
