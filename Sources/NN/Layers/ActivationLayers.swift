import Autograd
import Tensor

/// An elementwise nonlinearity as a layer of its own; the shape passes through unchanged.
public class ActivationLayer: LayerBase, Layer {
  public let activation: Activation
  /// LeakyReLU's negative slope or ELU's alpha; unused by the others.
  public let coefficient: Double
  private let defaultCoefficient: Double

  init(_ activation: Activation, coefficient: Double = 0, defaultCoefficient: Double = 0) {
    self.activation = activation
    self.coefficient = coefficient
    self.defaultCoefficient = defaultCoefficient
    super.init()
  }

  public var typeName: String { activation.layerName }
  public func outputShape(for input: [Int]) throws -> [Int] { input }

  public var description: String {
    let argument = coefficient == defaultCoefficient ? "" : "\(coefficient)"
    return withName("\(typeName)(\(argument))")
  }

  /// The nonlinearity, elementwise (softmax over axis 1).
  public func callAsFunction(_ input: Variable) throws -> Variable {
    switch activation {
    case .leakyRelu: return input.leakyRelu(slope: Float(coefficient))
    case .elu: return input.elu(alpha: Float(coefficient))
    default: return try activation.apply(input)
    }
  }
}

/// `max(0, x)`.
public final class ReLU: ActivationLayer {
  public init() { super.init(.relu) }
}

/// `x` for `x > 0`, `slope·x` otherwise (default slope 0.01).
public final class LeakyReLU: ActivationLayer {
  public init(_ slope: Double = 0.01) {
    super.init(.leakyRelu, coefficient: slope, defaultCoefficient: 0.01)
  }
}

/// `x` for `x > 0`, `alpha·(eˣ − 1)` otherwise (default alpha 1).
public final class ELU: ActivationLayer {
  public init(_ alpha: Double = 1) { super.init(.elu, coefficient: alpha, defaultCoefficient: 1) }
}

/// `x·Φ(x)`, the Gaussian error linear unit.
public final class GELU: ActivationLayer {
  public init() { super.init(.gelu) }
}

/// The hyperbolic tangent, LeNet's activation.
public final class Tanh: ActivationLayer {
  public init() { super.init(.tanh) }
}

/// `1/(1 + e⁻ˣ)`.
public final class Sigmoid: ActivationLayer {
  public init() { super.init(.sigmoid) }
}

/// The identity: passes its input through (a placeholder where an activation may go).
public final class Identity: ActivationLayer {
  public init() { super.init(.identity) }
}

/// Softmax over axis 1 (classes, or channels of an image).
public final class Softmax: ActivationLayer {
  public init() { super.init(.softmax) }
}

extension Activation {
  /// The activation as a layer of its own: `.relu` → `ReLU()`, `.identity` → `Identity()`.
  public var layer: ActivationLayer {
    switch self {
    case .relu: return ReLU()
    case .tanh: return Tanh()
    case .sigmoid: return Sigmoid()
    case .leakyRelu: return LeakyReLU()
    case .elu: return ELU()
    case .gelu: return GELU()
    case .softmax: return Softmax()
    case .identity: return Identity()
    }
  }
}
