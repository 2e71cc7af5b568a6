import Autograd
import Tensor

/// One top-level layer's output on a fixed batch, and its parameters' gradient, at one moment.
public struct LayerStatistics: Sendable {
  /// The layer's key in the model ("0", "1", …) and its type.
  public let path: String, typeName: String
  /// Mean and standard deviation of every output value over the batch.
  public let mean: Double, std: Double
  /// Counts of output values in `bins` equal bins of `range` (values outside go to the end bins).
  public let histogram: [Int]
  public let range: ClosedRange<Double>
  /// Root mean square of the gradient of the layer's parameters (nil: none, or no gradient yet).
  public let gradientRMS: Double?
}

extension Sequential {
  /// Statistics of every top-level layer for `batch` `[N, C, H, W]` (evaluation mode, no
  /// gradients recorded). `ranges[i]` fixes layer i's histogram range (nil: the layer's own
  /// [min, max] widened to twice its span about its centre, so a later snapshot measured with
  /// the returned ranges still mostly fits).
  public func layerStatistics(_ batch: Tensor, ranges: [ClosedRange<Double>]? = nil, bins: Int = 32)
    throws -> [LayerStatistics]
  {
    let wasTraining = isTraining
    isTraining = false
    defer { isTraining = wasTraining }
    let outputs = try GradMode.withoutGradients { try featureMaps(Variable(batch)) }
    let gradients = gradientRMS()
    return outputs.enumerated().map { index, entry in
      let values = entry.output.value.scalars
      let n = Double(max(values.count, 1))
      let mean = values.reduce(0.0) { $0 + Double($1) } / n
      let variance = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / n
      let range =
        ranges.flatMap { $0.indices.contains(index) ? $0[index] : nil } ?? Self.widened(values)
      return LayerStatistics(
        path: entry.path, typeName: entry.layer.typeName, mean: mean, std: variance.squareRoot(),
        histogram: Self.histogram(values, range: range, bins: bins), range: range,
        gradientRMS: gradients[entry.path])
    }
  }

  /// RMS of the current gradients of each top-level layer's parameters, by layer key.
  func gradientRMS() -> [String: Double] {
    var sums: [String: (Double, Int)] = [:]
    for parameter in parameters {
      guard let grad = parameter.variable.grad else { continue }
      let key = String(parameter.name.prefix { $0 != "." })
      let square = grad.scalars.reduce(0.0) { $0 + Double($1) * Double($1) }
      sums[key, default: (0, 0)].0 += square
      sums[key, default: (0, 0)].1 += grad.count
    }
    return sums.mapValues { ($0.0 / Double(max($0.1, 1))).squareRoot() }
  }

  static func widened(_ values: [Float]) -> ClosedRange<Double> {
    let low = Double(values.min() ?? 0), high = Double(values.max() ?? 0)
    let half = max(high - low, 1e-6), centre = (low + high) / 2
    return (centre - half)...(centre + half)
  }

  /// Counts over `bins` equal bins of `range`, values outside clamped into the end bins.
  static func histogram(_ values: [Float], range: ClosedRange<Double>, bins: Int) -> [Int] {
    var counts = [Int](repeating: 0, count: max(bins, 1))
    let span = max(range.upperBound - range.lowerBound, 1e-12)
    for v in values where v.isFinite {
      let bin = Int((Double(v) - range.lowerBound) / span * Double(counts.count))
      counts[min(max(bin, 0), counts.count - 1)] += 1
    }
    return counts
  }
}
