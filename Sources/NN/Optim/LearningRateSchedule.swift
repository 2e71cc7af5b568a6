#if canImport(Glibc)
  import Glibc
#else
  import Foundation
#endif

/// How the learning rate changes during `fit`; evaluated before every optimizer step.
///
/// `step` counts optimizer steps from 0; `totalSteps` is epochs × batches per epoch.
public enum LearningRateSchedule: Sendable, Equatable {
  /// The optimizer's learning rate throughout.
  case constant
  /// lr = base · gamma^⌊epoch / everyEpochs⌋ (PyTorch's StepLR stepped once per epoch).
  case step(everyEpochs: Int, gamma: Double)
  /// lr = minimum + (base − minimum) · (1 + cos(π · step / totalSteps)) / 2, per batch
  /// (PyTorch's CosineAnnealingLR with T_max = totalSteps).
  case cosine(minimum: Double)
  /// PyTorch's OneCycleLR (cosine, two phases): from max/divFactor up to `maxLearningRate` over
  /// the first `warmupFraction` of the steps, then down to max/(divFactor · finalDivFactor).
  /// The optimizer's own learning rate is ignored. Momentum is not cycled.
  case oneCycle(
    maxLearningRate: Double, warmupFraction: Double, divFactor: Double, finalDivFactor: Double)

  /// One-cycle with PyTorch's defaults: 30 % warm-up, div 25, final div 10⁴.
  public static func oneCycle(maxLearningRate: Double) -> LearningRateSchedule {
    .oneCycle(
      maxLearningRate: maxLearningRate, warmupFraction: 0.3, divFactor: 25, finalDivFactor: 1e4)
  }

  /// The learning rate for optimizer step `step` (0-based) of `totalSteps`.
  public func learningRate(base: Double, step: Int, totalSteps: Int, stepsPerEpoch: Int) -> Double {
    switch self {
    case .constant:
      return base
    case .step(let every, let gamma):
      let epoch = step / max(stepsPerEpoch, 1)
      return base * pow(gamma, Double(epoch / max(every, 1)))
    case .cosine(let minimum):
      let t = Double(min(step, totalSteps)) / Double(max(totalSteps, 1))
      return minimum + (base - minimum) * (1 + cos(Double.pi * t)) / 2
    case .oneCycle(let peak, let warmup, let div, let finalDiv):
      let initial = peak / div
      let final = initial / finalDiv
      let warmupEnd = max(warmup * Double(totalSteps) - 1, 1)
      let end = Double(max(totalSteps - 1, 1))
      let s = Double(step)
      if s <= warmupEnd { return Self.anneal(from: initial, to: peak, fraction: s / warmupEnd) }
      return Self.anneal(
        from: peak, to: final, fraction: min((s - warmupEnd) / max(end - warmupEnd, 1), 1))
    }
  }

  /// Cosine interpolation: `from` at fraction 0, `to` at fraction 1.
  static func anneal(from start: Double, to end: Double, fraction: Double) -> Double {
    end + (start - end) / 2 * (1 + cos(Double.pi * fraction))
  }
}
