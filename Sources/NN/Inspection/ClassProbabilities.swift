import Autograd
import Tensor

/// A classifier's answer for one image: the softmax probability of every class, best first.
public struct ClassProbabilities: Sendable {
  /// p(class) for every class, in class order (they sum to 1).
  public let probabilities: [Double]
  /// Class indices sorted by probability, highest first (ties: lower index first).
  public var ranking: [Int] {
    probabilities.indices.sorted {
      probabilities[$0] > probabilities[$1] || (probabilities[$0] == probabilities[$1] && $0 < $1)
    }
  }
  /// The most probable class.
  public var best: Int { ranking.first ?? 0 }
}

extension Layer {
  /// Softmax of the model's scores `[1, K]` for one image `[C, H, W]` (evaluation mode, no gradients).
  public func classProbabilities(_ image: Tensor) throws -> ClassProbabilities {
    let result = try NN.predict(self, try image.reshaped([1] + image.shape))
    guard result.probabilities.rank == 2 else {
      throw TrainingError.outputMismatch(
        "class probabilities need a classifier (output [1, classes]), got \(result.probabilities.shape)"
      )
    }
    return ClassProbabilities(probabilities: result.probabilities.scalars.map(Double.init))
  }
}
