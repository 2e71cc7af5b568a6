import Testing

@testable import NN

@Suite struct OptimScheduleTests {
  @Test func stepDecaysPerEpoch() {
    let s = LearningRateSchedule.step(everyEpochs: 2, gamma: 0.1)
    let rates = (0..<6).map {
      s.learningRate(base: 1, step: $0 * 10, totalSteps: 60, stepsPerEpoch: 10)
    }
    #expect(zip(rates, [1, 1, 0.1, 0.1, 0.01, 0.01]).allSatisfy { abs($0 - $1) < 1e-12 })
  }

  @Test func cosineGoesFromBaseToMinimum() {
    let s = LearningRateSchedule.cosine(minimum: 0.1)
    #expect(s.learningRate(base: 1, step: 0, totalSteps: 100, stepsPerEpoch: 10) == 1)
    #expect(
      abs(s.learningRate(base: 1, step: 50, totalSteps: 100, stepsPerEpoch: 10) - 0.55) < 1e-12)
    #expect(
      abs(s.learningRate(base: 1, step: 100, totalSteps: 100, stepsPerEpoch: 10) - 0.1) < 1e-12)
  }

  /// Values from torch.optim.lr_scheduler.OneCycleLR(max_lr=1, total_steps=10) (defaults).
  @Test func oneCycleMatchesPyTorch() {
    let s = LearningRateSchedule.oneCycle(maxLearningRate: 1)
    let torch = [0.04, 0.52, 1.0, 0.95048, 0.81175, 0.61126, 0.38874, 0.18826, 0.04952, 0.0]
    for (step, expected) in torch.enumerated() {
      #expect(
        abs(s.learningRate(base: 0.5, step: step, totalSteps: 10, stepsPerEpoch: 5) - expected)
          < 1e-4)
    }
  }
}
