extension Tensor {
  /// A rank-2 tensor from rows of equal length; throws on ragged rows.
  public init(_ rows: [[Float]]) throws(TensorError) {
    let width = rows.first?.count ?? 0
    guard rows.allSatisfy({ $0.count == width }) else {
      throw .shapeMismatch("rows have different lengths: \(rows.map(\.count))")
    }
    self.init(uncheckedShape: [rows.count, width], scalars: rows.flatMap { $0 })
  }

  /// A rank-3 tensor from nested arrays; throws when the nesting is ragged.
  public init(_ planes: [[[Float]]]) throws(TensorError) {
    let parts = try planes.map { (p: [[Float]]) throws(TensorError) in try Tensor(p) }
    try self.init(stackingEqualShapes: parts, outer: planes.count)
  }

  /// A rank-4 tensor from nested arrays (e.g. NCHW images); throws when the nesting is ragged.
  public init(_ blocks: [[[[Float]]]]) throws(TensorError) {
    let parts = try blocks.map { (b: [[[Float]]]) throws(TensorError) in try Tensor(b) }
    try self.init(stackingEqualShapes: parts, outer: blocks.count)
  }

  private init(stackingEqualShapes parts: [Tensor], outer: Int) throws(TensorError) {
    let inner = parts.first?.shape ?? [0]
    guard parts.allSatisfy({ $0.shape == inner }) else {
      throw .shapeMismatch("nested arrays are ragged: \(parts.map(\.shape))")
    }
    self.init(uncheckedShape: [outer] + inner, scalars: parts.flatMap(\.scalars))
  }

  /// Values `0, 1, …, end − 1` (fewer when `end` is fractional), as rank 1.
  public static func arange(_ end: Float) throws(TensorError) -> Tensor {
    try arange(0, end, step: 1)
  }

  /// Values `start, start + step, …` below `end` (above it for a negative step), as rank 1.
  public static func arange(_ start: Float, _ end: Float, step: Float = 1) throws(TensorError)
    -> Tensor
  {
    guard step != 0, step.isFinite, start.isFinite, end.isFinite else {
      throw .invalidArgument("arange needs finite bounds and a non-zero step, got step \(step)")
    }
    let steps = (Double(end) - Double(start)) / Double(step)
    guard steps < Double(Int32.max) else {
      throw Memory.overflowError()
    }
    let n = Swift.max(0, Int(steps))
    let exact = Double(start) + Double(n) * Double(step)
    let count = (step > 0 ? exact < Double(end) : exact > Double(end)) ? n + 1 : n
    _ = try Shape.checkedCount([count])
    let values = (0..<count).map { Float(Double(start) + Double($0) * Double(step)) }
    return Tensor(uncheckedShape: [count], scalars: values)
  }

  /// `count` evenly spaced values from `start` to `end`, both included, as rank 1.
  public static func linspace(_ start: Float, _ end: Float, count: Int) throws(TensorError)
    -> Tensor
  {
    guard count >= 0 else { throw .invalidArgument("linspace needs count >= 0, got \(count)") }
    _ = try Shape.checkedCount([count])
    if count == 1 { return Tensor([start]) }
    let step = (Double(end) - Double(start)) / Double(Swift.max(count - 1, 1))
    let values = (0..<count).map { i in
      i == count - 1 ? end : Float(Double(start) + Double(i) * step)
    }
    return Tensor(uncheckedShape: [count], scalars: values)
  }

  /// The identity matrix [n, n] (ones on the diagonal).
  public static func eye(_ n: Int) throws(TensorError) -> Tensor {
    var t = try Tensor(zeros: [n, n])
    for i in 0..<n { t.scalars[i * n + i] = 1 }
    return t
  }

  /// Zeros shaped like this tensor.
  public func zerosLike() -> Tensor { Tensor.zerosUnchecked(shape) }
}
