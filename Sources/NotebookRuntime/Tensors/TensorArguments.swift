import Lang

/// Checked tensor arguments: axes (`axis:` as an Int or [Int], negative from the end), counts and
/// sizes, each with an error that names the argument, the value and the valid range.
enum TensorArguments {
  /// Parameters shared by the reductions: `axis: Int or [Int] = nil`, `keepDims: Bool = false`.
  static var axisParameter: Parameter { P.labelled("axis", "Int or [Int]?", default: .null) }
  static var keepDimsParameter: Parameter { P.labelled("keepDims", "Bool", default: .bool(false)) }

  /// The `axis:` argument as normalised axes, or nil (all axes) when left at nil.
  static func axes(_ a: Arguments, _ name: String = "axis", shape: [Int]) throws -> [Int]? {
    if a.isNil(name) { return nil }
    let raw: [Int]
    if let single = a[name].intValue { raw = [single] } else { raw = try a.ints(name) }
    let axes = try raw.map { try axis($0, shape: shape, function: a.function) }
    guard Set(axes).count == axes.count else {
      throw HostError("ValueError", "\(a.function): axis \(raw) names an axis twice")
    }
    return axes
  }

  /// The `axis:` argument as one normalised axis (`default` when nil is allowed and given).
  static func axis(_ a: Arguments, _ name: String = "axis", shape: [Int], insert: Bool = false)
    throws -> Int
  {
    let raw = try a.int(name)
    return try axis(raw, shape: shape, function: a.function, insert: insert)
  }

  /// `raw` checked against the rank (rank + 1 positions when `insert`), made non-negative.
  static func axis(_ raw: Int, shape: [Int], function: String, insert: Bool = false) throws -> Int {
    let rank = shape.count + (insert ? 1 : 0)
    guard raw >= -rank, raw < rank, rank > 0 else {
      throw HostError(
        "IndexError", "\(function): axis \(raw) is out of range for a tensor of shape \(shape)",
        hint: rank == 0
          ? "a scalar tensor has no axes"
          : "valid axes are 0..<\(rank) (or -\(rank)..<0 from the end)")
    }
    return raw < 0 ? raw + rank : raw
  }

  /// An Int argument checked to lie in `range` (a ValueError naming both otherwise).
  static func int(_ a: Arguments, _ name: String, in range: ClosedRange<Int>) throws -> Int {
    let value = try a.int(name)
    guard range.contains(value) else {
      throw HostError(
        "ValueError",
        "\(a.function): '\(name)' must be in \(range.lowerBound)...\(range.upperBound), got \(value)"
      )
    }
    return value
  }

  /// A shape argument: every size ≥ 0 (the engine then checks the element count against memory).
  static func shape(_ a: Arguments, _ name: String = "shape") throws -> [Int] {
    let shape = try a.ints(name)
    guard shape.count <= 32, shape.allSatisfy({ $0 >= 0 }) else {
      throw HostError(
        "ValueError", "\(a.function): invalid shape \(shape): sizes must be ≥ 0, at most 32 axes")
    }
    return shape
  }
}
