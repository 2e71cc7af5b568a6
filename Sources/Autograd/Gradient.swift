import Tensor

/// Helpers shared by the gradient rules.
enum Gradient {
  /// Sums a broadcast gradient back to `shape`: over leading extra axes and over axes where
  /// `shape` had size 1 (the adjoint of broadcasting).
  static func reduce(_ g: Tensor, to shape: [Int]) throws -> Tensor {
    if g.shape == shape { return g }
    let extra = g.rank - shape.count
    var axes = Array(0..<max(extra, 0))
    for (i, d) in shape.enumerated() where d == 1 && g.shape[i + extra] != 1 {
      axes.append(i + extra)
    }
    let summed = axes.isEmpty ? g : try g.sum(axes: axes, keepingDims: true)
    return try summed.reshaped(shape)
  }
}
