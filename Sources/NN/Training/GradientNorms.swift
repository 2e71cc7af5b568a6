import Autograd
import Tensor

/// The L2 norm of each layer's parameter gradients after one backward pass.
///
/// Layers are named by their parameter paths without the last component ("3.weight" and
/// "3.bias" → layer "3"), in the model's parameter order, input side first. Norms that shrink
/// towards the input show vanishing gradients; norms that grow show exploding ones.
public struct GradientNorms: Sendable, Equatable {
  /// One layer's gradient norm.
  public struct Entry: Sendable, Equatable {
    /// The layer path, e.g. "layer1.0.conv1".
    public let layer: String
    /// ‖∇‖₂ over all the layer's parameters: √(Σ g²).
    public let norm: Double
    /// The number of scalars the norm covers.
    public let count: Int
  }
  /// The optimizer step this was measured at (0 for a standalone `gradientNorms` call).
  public let step: Int
  /// One entry per layer with parameters, input side first.
  public let layers: [Entry]

  /// The norms alone, input side first.
  public var norms: [Double] { layers.map(\.norm) }

  /// Reads the current gradients of `parameters` (missing gradients count as zero).
  init(step: Int, parameters: [NamedParameter]) {
    var order: [String] = []
    var sums: [String: (Double, Int)] = [:]
    for p in parameters {
      let layer = p.name.split(separator: ".").dropLast().joined(separator: ".")
      let key = layer.isEmpty ? p.name : layer
      if sums[key] == nil {
        order.append(key)
        sums[key] = (0, 0)
      }
      var sum = 0.0
      if let g = p.variable.grad {
        g.withUnsafeBufferPointer { for v in $0 { sum += Double(v) * Double(v) } }
      }
      sums[key]!.0 += sum
      sums[key]!.1 += p.variable.value.count
    }
    self.step = step
    layers = order.map { Entry(layer: $0, norm: sums[$0]!.0.squareRoot(), count: sums[$0]!.1) }
  }
}
