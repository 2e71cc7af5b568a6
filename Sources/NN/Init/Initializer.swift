import Foundation

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

  /// `count` values drawn for a tensor with the given fans.
  func values(count: Int, fanIn: Int, fanOut: Int, using rng: inout some RandomNumberGenerator)
    -> [Float] {
    let fanIn = Double(max(fanIn, 1))
    let fanOut = Double(max(fanOut, 1))
    switch self {
    case .pytorchDefault: return drawUniform(count, bound: 1 / fanIn.squareRoot(), &rng)
    case .heNormal: return drawNormal(count, mean: 0, std: (2 / fanIn).squareRoot(), &rng)
    case .heNormalFanOut: return drawNormal(count, mean: 0, std: (2 / fanOut).squareRoot(), &rng)
    case .heUniform: return drawUniform(count, bound: (6 / fanIn).squareRoot(), &rng)
    case .xavierNormal:
      return drawNormal(count, mean: 0, std: (2 / (fanIn + fanOut)).squareRoot(), &rng)
    case .xavierUniform: return drawUniform(count, bound: (6 / (fanIn + fanOut)).squareRoot(), &rng)
    case .lecunNormal: return drawNormal(count, mean: 0, std: (1 / fanIn).squareRoot(), &rng)
    case .lecunUniform: return drawUniform(count, bound: (3 / fanIn).squareRoot(), &rng)
    case .normal(let mean, let std): return drawNormal(count, mean: mean, std: std, &rng)
    case .uniform(let low, let high):
      return (0..<count).map { _ in Float(low + (high - low) * unitDouble(&rng)) }
    case .constant(let value): return Array(repeating: Float(value), count: count)
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

/// A double in [0, 1) from the top 53 bits of one draw.
func unitDouble(_ rng: inout some RandomNumberGenerator) -> Double {
  Double(rng.next() >> 11) * 0x1p-53
}

private func drawUniform(_ count: Int, bound: Double, _ rng: inout some RandomNumberGenerator)
  -> [Float] {
  (0..<count).map { _ in Float((2 * unitDouble(&rng) - 1) * bound) }
}

/// Box–Muller: two uniforms give one standard normal (the second is discarded for simplicity).
private func drawNormal(_ count: Int, mean: Double, std: Double,
                    _ rng: inout some RandomNumberGenerator) -> [Float] {
  (0..<count).map { _ in
    let u1 = 1 - unitDouble(&rng)
    let u2 = unitDouble(&rng)
    let z = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    return Float(mean + std * z)
  }
}
