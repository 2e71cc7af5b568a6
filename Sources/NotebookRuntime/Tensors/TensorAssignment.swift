import Autograd
import Lang
import MemoryBudget
import Tensor

/// Masks, index tensors and assignment: `t[mask]`, `t[Tensor([2, 0])]`, `t[0, 1..<3] = v` and
/// `t[t .< 0] = 0`. Assignment builds the new value with differentiable ops (a `select` between
/// the old value and the new values), so gradients flow to both; the tensor object is rebound.
enum TensorAssignment {
  /// `t[mask]` (the elements where a Bool mask of t's shape is true, as rank 1) or `t[indices]`
  /// (rows of axis 0 picked by an integer tensor of any shape: result shape indices.shape + rest).
  static func select(_ x: Variable, _ selector: TensorValue) throws -> Variable {
    if selector.isBool { return try x.masked(by: try maskShaped(selector.tensor, like: x.shape)) }
    guard x.shape.count >= 1 else {
      throw HostError("IndexError", "a scalar tensor cannot be indexed")
    }
    let size = x.shape[0]
    let (total, overflow) = selector.tensor.count.multipliedReportingOverflow(
      by: Swift.max(x.value.count / Swift.max(size, 1), 1))
    try MemoryBudget.reserve(count: overflow ? -1 : total, stride: 2 * MemoryLayout<Float>.stride)
    let rows = try selector.tensor.scalars.map { value -> Variable in
      guard value == value.rounded(), let raw = Int(exactly: value) else {
        throw HostError(
          "TypeError", "an index tensor needs whole numbers, got \(value)",
          hint: "a Bool mask comes from a comparison such as t .> 0")
      }
      let row = raw < 0 ? raw + size : raw
      guard row >= 0, row < size else {
        throw HostError(
          "IndexError", "index \(raw) is out of range for axis 0 of size \(size) (shape \(x.shape))"
        )
      }
      return try x.slice(axis: 0, row..<(row + 1))
    }
    let rest = Array(x.shape.dropFirst())
    guard !rows.isEmpty else { return Variable(try Tensor(zeros: selector.tensor.shape + rest)) }
    return try concat(rows, axis: 0).reshaped(selector.tensor.shape + rest)
  }

  /// The new value of `t` after `t[indices] = value`.
  static func assign(_ t: TensorValue, _ indices: [Value], _ value: Value) throws -> Variable {
    let old = t.variable
    if old.isLeaf && old.requiresGrad {
      throw HostError(
        "ValueError",
        "cannot assign into a tensor that requires gradients (a leaf of the gradient graph)",
        hint: "assign before setting requiresGrad, or into a copy: var u = t.detached()")
    }
    guard let new = try TensorArithmetic.operand(value) else {
      throw HostError(
        "TypeError", "cannot assign a \(value.typeName) into a tensor",
        hint: "assign a number or a Tensor")
    }
    if indices.count == 1, let selector = indices[0].host(as: TensorValue.self) {
      guard selector.isBool else {
        throw HostError(
          "TypeError", "assignment through an index tensor is not supported",
          hint: "use a Bool mask: t[t .< 0] = 0")
      }
      let mask = try maskShaped(selector.tensor, like: old.shape)
      return try Autograd.select(mask, try new.broadcasted(to: old.shape), old)
    }
    let region = try TensorIndexing.index(Variable(try Tensor(zeros: old.shape)), indices).shape
    let placed = try new.broadcasted(to: region)
    let (padding, blockShape) = try regionPadding(old.shape, indices)
    let block = try placed.reshaped(blockShape).padded(padding)
    let mask = try Tensor(ones: blockShape).padded(padding)
    return try Autograd.select(mask, block, old)
  }

  /// (before, after) padding of every axis around the indexed block, and the block's shape with
  /// Int-indexed axes kept as size 1.
  private static func regionPadding(_ shape: [Int], _ indices: [Value]) throws -> (
    [(before: Int, after: Int)], [Int]
  ) {
    var padding: [(before: Int, after: Int)] = []
    var block: [Int] = []
    for (axis, size) in shape.enumerated() {
      var (low, high) = (0, size)
      if axis < indices.count {
        switch indices[axis] {
        case .int(let raw):
          low = raw < 0 ? raw + size : raw
          high = low + 1
        case .range(let range): (low, high) = range.bounds(count: size)
        default: break
        }
      }
      padding.append((low, size - high))
      block.append(high - low)
    }
    return (padding, block)
  }

  private static func maskShaped(_ mask: Tensor, like shape: [Int]) throws -> Tensor {
    guard mask.shape == shape else {
      throw HostError(
        "ShapeError", "a mask of shape \(mask.shape) cannot select from a tensor of shape \(shape)",
        hint: "build the mask from the same tensor, e.g. t[t .> 0]")
    }
    return mask
  }
}
