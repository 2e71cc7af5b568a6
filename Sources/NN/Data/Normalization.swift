/// How raw pixel bytes 0…255 become Float32 inputs.
public enum Normalization: Sendable, Equatable {
  /// x / 255, in [0, 1] (the default; what the PyTorch LeNet reference uses).
  case unitRange
  /// (x / 255 − mean) / std, per data set statistics.
  case standardized(mean: Float, std: Float)

  /// Fashion-MNIST training-set statistics on the [0, 1] scale: mean 0.2860, std 0.3530.
  public static let fashionMNIST = Normalization.standardized(mean: 0.2860, std: 0.3530)
  /// MNIST training-set statistics on the [0, 1] scale: mean 0.1307, std 0.3081.
  public static let mnist = Normalization.standardized(mean: 0.1307, std: 0.3081)

  /// The 256 Float values that the bytes map to.
  var table: [Float] {
    (0..<256).map { byte in
      let unit = Float(byte) / 255
      switch self {
      case .unitRange: return unit
      case .standardized(let mean, let std): return (unit - mean) / std
      }
    }
  }
}
