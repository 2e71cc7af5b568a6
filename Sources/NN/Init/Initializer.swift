import Tensor

/// How a weight or bias tensor is filled before training; every choice draws from a seed.
///
/// Fan-in of a conv weight `[Cout, Cin/groups, K, K]` is `Cin/groups·K²`, fan-out `Cout·K²`;
/// of a dense weight `[out, in]` it is `in` and `out`.
public enum Initializer: Sendable, Equatable, CustomStringConvertible {
  /// PyTorch's default for conv and linear layers: `kaiming_uniform_(a: √5)`, which is
  /// `U(−1/√fanIn, 1/√fanIn)`; the same bound is PyTorch's default for their biases.
  case pytorchDefault
  /// He/Kaiming normal for ReLU: `N(0, 2/fanIn)`.
  case heNormal
  /// He/Kaiming normal in fan-out mode, torchvision's ResNet conv init: `N(0, 2/fanOut)`.
  case heNormalFanOut
  /// He/Kaiming uniform: `U(−√(6/fanIn), √(6/fanIn))`.
  case heUniform
  /// Xavier/Glorot normal: `N(0, 2/(fanIn + fanOut))`.
  case xavierNormal
  /// Xavier/Glorot uniform: `U(−√(6/(fanIn + fanOut)), √(6/(fanIn + fanOut)))`.
  case xavierUniform
  /// LeCun normal: `N(0, 1/fanIn)`.
  case lecunNormal
  /// LeCun uniform: `U(−√(3/fanIn), √(3/fanIn))`.
  case lecunUniform
  /// `N(mean, std²)`.
  case normal(mean: Double, std: Double)
  /// `U(low, high)`.
  case uniform(low: Double, high: Double)
  /// Every element the same value (zeros for biases, ones for BatchNorm's scale).
  case constant(Double)

  public static let zeros = Initializer.constant(0)
  public static let ones = Initializer.constant(1)

  /// A tensor of the given shape and fans, drawn from `generator`.
  func tensor(shape: [Int], fanIn: Int, fanOut: Int, using generator: inout SeededGenerator)
    throws -> Tensor
  {
    let fanIn = Float(max(fanIn, 1))
    let fanOut = Float(max(fanOut, 1))
    func uniform(_ bound: Float) throws -> Tensor {
      try Tensor.randomUniform(shape: shape, low: -bound, high: bound, using: &generator)
    }
    func normal(_ std: Float, mean: Float = 0) throws -> Tensor {
      try Tensor.randomNormal(shape: shape, mean: mean, std: std, using: &generator)
    }
    switch self {
    case .pytorchDefault: return try uniform(1 / fanIn.squareRoot())
    case .heNormal: return try normal((2 / fanIn).squareRoot())
    case .heNormalFanOut: return try normal((2 / fanOut).squareRoot())
    case .heUniform: return try uniform((6 / fanIn).squareRoot())
    case .xavierNormal: return try normal((2 / (fanIn + fanOut)).squareRoot())
    case .xavierUniform: return try uniform((6 / (fanIn + fanOut)).squareRoot())
    case .lecunNormal: return try normal((1 / fanIn).squareRoot())
    case .lecunUniform: return try uniform((3 / fanIn).squareRoot())
    case .normal(let mean, let std): return try normal(Float(std), mean: Float(mean))
    case .uniform(let low, let high):
      return try Tensor.randomUniform(
        shape: shape, low: Float(low), high: Float(high), using: &generator)
    case .constant(let value): return try Tensor(repeating: Float(value), shape: shape)
    }
  }

  public var description: String {
    switch self {
    case .pytorchDefault: return ".pytorchDefault"
    case .heNormal: return ".heNormal"
    case .heNormalFanOut: return ".heNormalFanOut"
    case .heUniform: return ".heUniform"
    case .xavierNormal: return ".xavierNormal"
    case .xavierUniform: return ".xavierUniform"
    case .lecunNormal: return ".lecunNormal"
    case .lecunUniform: return ".lecunUniform"
    case .normal(let mean, let std): return ".normal(mean: \(mean), std: \(std))"
    case .uniform(let low, let high): return ".uniform(low: \(low), high: \(high))"
    case .constant(let value): return ".constant(\(value))"
    }
  }
}
