import Tensor

/// An elementwise nonlinearity, as an option of Conv2D and Dense or as a layer of its own.
///
/// `leakyRelu` uses slope 0.01 and `elu` alpha 1, PyTorch's defaults; `softmax` is over axis 1
/// (the class or channel axis).
public enum Activation: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
  case relu, tanh, sigmoid, leakyRelu, elu, gelu, softmax, identity

  /// The engine's kernel form (`Tensor`'s `Activation`) that a convolution fuses into its output
  /// loop; nil for the others, which run as an autograd op after it. The two enums differ on
  /// purpose: this one is the option a user names (softmax included, coefficients set by the
  /// layer), Tensor's is the elementwise function with its derivative and parameters.
  var fused: KernelActivation? {
    switch self {
    case .relu: return .relu
    case .tanh: return .tanh
    case .sigmoid: return .sigmoid
    default: return nil
    }
  }

  /// `.tanh`, as a user writes it.
  public var description: String { "." + rawValue }

  /// The layer's type name: `ReLU`, `Tanh`, …
  var layerName: String {
    switch self {
    case .relu: return "ReLU"
    case .tanh: return "Tanh"
    case .sigmoid: return "Sigmoid"
    case .leakyRelu: return "LeakyReLU"
    case .elu: return "ELU"
    case .gelu: return "GELU"
    case .softmax: return "Softmax"
    case .identity: return "Identity"
    }
  }
}
