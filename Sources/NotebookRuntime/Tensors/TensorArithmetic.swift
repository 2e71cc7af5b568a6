import Autograd
import Lang
import Tensor

/// `+ - * /` between tensors and numbers with NumPy broadcasting, differentiable; `a • b` the
/// matrix product (as `matmul(a, b)`, tensors only); `==` and `!=`
/// compare whole tensors (same shape and every element equal) and give a Bool; `.== .!= .< .<= .>
/// .>=` compare pointwise (broadcasting) and give a Bool tensor.
enum TensorArithmetic {
  static func apply(_ op: BinaryOperator, _ tensor: TensorValue, _ other: Value, selfOnLeft: Bool)
    throws -> Value?
  {
    let me = tensor.variable
    if op == .equal || op == .notEqual {
      guard let theirs = try operand(other) else { return .bool(op == .notEqual) }
      let same = me.value.shape == theirs.value.shape && me.value.scalars == theirs.value.scalars
      return .bool(op == .equal ? same : !same)
    }
    if let compared = try pointwise(op, me.value, other, selfOnLeft: selfOnLeft) { return compared }
    if op == .matrixProduct, other.doubleValue != nil {
      throw HostError(
        "TypeError",
        "• is the matrix product of two tensors, not of a Tensor and \(other.typeName)",
        hint: "to scale a tensor by a number use *")
    }
    guard let theirs = try operand(other) else { return nil }
    if let bool = other.host(as: TensorValue.self), bool.isBool {
      _ = try bool.numeric("the operator \(op.rawValue)")
    }
    let (lhs, rhs) =
      selfOnLeft
      ? (try tensor.numeric("the operator \(op.rawValue)"), theirs)
      : (theirs, try tensor.numeric("the operator \(op.rawValue)"))
    switch op {
    case .add: return .host(TensorValue(try lhs + rhs))
    case .subtract: return .host(TensorValue(try lhs - rhs))
    case .multiply: return .host(TensorValue(try lhs * rhs))
    case .divide: return .host(TensorValue(try lhs / rhs))
    case .matrixProduct: return .host(TensorValue(try matmul(lhs, rhs)))
    default:
      throw HostError(
        "TypeError", "the operator \(op.rawValue) is not defined for tensors",
        hint:
          "tensors support + - * / • (matrix product), == != (whole tensors) and .== .!= .< .<= .> .>= (pointwise)"
      )
    }
  }

  /// A pointwise comparison as a Bool tensor; nil for other operators or a non-tensor operand.
  static func pointwise(_ op: BinaryOperator, _ me: Tensor, _ other: Value, selfOnLeft: Bool) throws
    -> Value?
  {
    let tests: [BinaryOperator: (Float, Float) -> Bool] = [
      .pointwiseEqual: (==), .pointwiseNotEqual: (!=), .pointwiseLess: (<),
      .pointwiseLessEqual: (<=), .pointwiseGreater: (>), .pointwiseGreaterEqual: (>=),
    ]
    guard let test = tests[op], let theirs = try operand(other)?.value else { return nil }
    let (lhs, rhs) = selfOnLeft ? (me, theirs) : (theirs, me)
    let shape = try Tensor.broadcastShape(lhs.shape, rhs.shape)
    let (a, b) = (try lhs.broadcasted(to: shape).scalars, try rhs.broadcasted(to: shape).scalars)
    let values = zip(a, b).map { test($0, $1) ? Float(1) : 0 }
    return .host(TensorValue(try Tensor(shape: shape, scalars: values), isBool: true))
  }

  /// A tensor or number operand as a variable (numbers become scalar tensors that broadcast).
  static func operand(_ value: Value) throws -> Variable? {
    if let tensor = value.host(as: TensorValue.self) { return tensor.variable }
    if let number = value.doubleValue { return Variable(Tensor(Float(number))) }
    if case .array = value { return Variable(try TensorLiteral.tensor(from: value)) }
    return nil
  }
}

/// Subscripts: `t[0]`, `t[0, 1..<3]`, `t[..., 2]`; an Int drops its axis, a range keeps it.
/// Implemented with differentiable slices so gradients flow through indexing.
enum TensorIndexing {
  static func index(_ variable: Variable, _ indices: [Value]) throws -> Variable {
    if indices.count == 1, let selector = indices[0].host(as: TensorValue.self) {
      return try TensorAssignment.select(variable, selector)
    }
    let shape = variable.shape
    guard indices.count <= shape.count else {
      throw HostError("IndexError", "\(indices.count) indices for a tensor of shape \(shape)")
    }
    var result = variable
    var kept: [Int] = []
    for (axis, index) in indices.enumerated() {
      let size = shape[axis]
      switch index {
      case .int(let raw):
        let position = raw < 0 ? raw + size : raw
        guard position >= 0, position < size else {
          throw HostError(
            "IndexError",
            "index \(raw) is out of range for axis \(axis) of size \(size) (shape \(shape))")
        }
        result = try result.slice(axis: axis, position..<(position + 1))
      case .range(let range):
        let (low, high) = range.bounds(count: size)
        guard low >= 0, high <= size, low <= high else {
          throw HostError(
            "IndexError",
            "range \(low)..<\(high) is out of range for axis \(axis) of size \(size) (shape \(shape))"
          )
        }
        if low != 0 || high != size { result = try result.slice(axis: axis, low..<high) }
        kept.append(high - low)
      case .array(let items):
        result = try result.gathered(try positions(items, axis: axis, shape: shape), axis: axis)
        kept.append(items.count)
      default:
        throw HostError(
          "TypeError",
          "a tensor index must be an Int, a range, a list of Ints, a Bool mask or an index tensor, got \(index.typeName)",
          hint:
            "write t[0], t[0, 1..<3], t[..., 2], t[stride(from: 0, to: 4, by: 2)], t[t .> 0] or t[Tensor([2, 0])]"
        )
      }
    }
    let rest = Array(shape.dropFirst(indices.count))
    let newShape = kept + rest
    return newShape == result.shape ? result : try result.reshaped(newShape)
  }

  /// A list index (`t[[2, 0]]`, `t[..., stride(from: 0, to: 6, by: 2)]`) as positions along `axis`.
  static func positions(_ items: [Value], axis: Int, shape: [Int]) throws -> [Int] {
    let size = shape[axis]
    try ArgumentLimits.check(items.count, "count", in: 0...ArgumentLimits.largestSize)
    return try items.map { item in
      guard let raw = item.intValue else {
        throw HostError(
          "TypeError",
          "a list index holds Ints (positions along axis \(axis)), got \(item.typeName)")
      }
      let position = raw < 0 ? raw + size : raw
      guard position >= 0, position < size else {
        throw HostError(
          "IndexError",
          "index \(raw) is out of range for axis \(axis) of size \(size) (shape \(shape))")
      }
      return position
    }
  }

  /// A shape with at most one -1, resolved for `count` elements.
  static func resolve(_ shape: [Int], count: Int) throws -> [Int] {
    let unknown = shape.filter { $0 == -1 }.count
    guard unknown <= 1, shape.allSatisfy({ $0 >= 1 || $0 == -1 }) else {
      throw HostError(
        "ShapeError", "invalid shape \(shape): sizes must be positive, with at most one -1")
    }
    guard unknown == 1 else { return shape }
    var known = 1
    for size in shape where size != -1 {
      let (product, overflow) = known.multipliedReportingOverflow(by: size)
      guard !overflow else {
        throw HostError("ShapeError", "cannot reshape \(count) elements into \(shape)")
      }
      known = product
    }
    guard known > 0, count % known == 0 else {
      throw HostError("ShapeError", "cannot reshape \(count) elements into \(shape)")
    }
    return shape.map { $0 == -1 ? count / known : $0 }
  }
}

/// Nested array literals to tensors: `[[7, 2], [4, 5]]` → a 2x2 Float32 tensor.
enum TensorLiteral {
  static func tensor(from value: Value) throws -> Tensor {
    if let tensor = value.host(as: TensorValue.self) { return tensor.tensor }
    if let number = value.doubleValue { return Tensor(Float(number)) }
    var shape: [Int] = []
    var scalars: [Float] = []
    try collect(value, depth: 0, shape: &shape, into: &scalars)
    return try Tensor(shape: shape, scalars: scalars)
  }

  /// The values as nested language arrays, one level per axis; a scalar tensor gives its number.
  static func nested(_ tensor: Tensor, bools: Bool = false) -> Value {
    let scalars = tensor.scalars
    func leaf(_ i: Int) -> Value {
      bools ? .bool(scalars[i] != 0) : .double(Double(engine: scalars[i]))
    }
    func build(_ axis: Int, _ offset: Int, _ stride: Int) -> Value {
      guard axis < tensor.rank else { return leaf(offset) }
      let size = tensor.shape[axis], inner = stride / Swift.max(size, 1)
      return .array((0..<size).map { build(axis + 1, offset + $0 * inner, inner) })
    }
    return build(0, 0, tensor.count)
  }

  private static func collect(
    _ value: Value, depth: Int, shape: inout [Int], into scalars: inout [Float]
  ) throws {
    guard depth < 8 else { throw HostError("ValueError", "Tensor: nesting deeper than 8 levels") }
    if let number = value.doubleValue {
      guard depth == shape.count else { throw ragged() }
      scalars.append(Float(number))
      return
    }
    if let tensor = value.host(as: TensorValue.self) {
      let inner = tensor.tensor.shape
      if depth == shape.count {
        shape += inner
      } else if Array(shape[depth...]) != inner {
        throw ragged()
      }
      scalars += tensor.tensor.scalars
      return
    }
    guard case .array(let elements) = value else {
      throw HostError(
        "TypeError", "Tensor expects numbers or nested arrays of numbers, got \(value.typeName)")
    }
    if depth == shape.count {
      guard !elements.isEmpty else {
        throw HostError("ValueError", "Tensor: an empty array has no shape")
      }
      shape.append(elements.count)
    } else if shape[depth] != elements.count {
      throw ragged()
    }
    for element in elements {
      try collect(element, depth: depth + 1, shape: &shape, into: &scalars)
    }
  }

  private static func ragged() -> HostError {
    HostError(
      "ShapeError", "Tensor: the rows have different lengths (a tensor needs a rectangular array)")
  }
}
