import Testing

@testable import NN

/// `History.smoothedTrainingError(window:)`: the curve He et al. plot, as exact values.
@Suite struct TrainingHistoryTests {
  /// A history whose steps have the given accuracies (two steps per epoch).
  static func history(accuracies: [Double]) -> History {
    var history = History()
    for (index, accuracy) in accuracies.enumerated() {
      history.batches.append(
        History.Batch(
          epoch: index / 2 + 1, batch: index % 2 + 1, step: index + 1,
          loss: 1, accuracy: accuracy, learningRate: 0.1, seconds: 0))
    }
    return history
  }

  @Test func smoothedErrorIsTheTrailingMeanInPercent() {
    let history = Self.history(accuracies: [0.5, 0.75, 1.0, 0.25, 0.5])
    #expect(history.batchAccuracy == [0.5, 0.75, 1.0, 0.25, 0.5])
    // errors 50, 25, 0, 75, 50; window 2: 50, 37.5, 12.5, 37.5, 62.5
    #expect(history.smoothedTrainingError(window: 2) == [50, 37.5, 12.5, 37.5, 62.5])
    #expect(history.smoothedTrainingError(window: 1) == [50, 25, 0, 75, 50])
    // A window longer than the run averages everything so far.
    #expect(history.smoothedTrainingError(window: 100) == [50, 37.5, 25, 37.5, 40])
  }

  @Test func emptyHistoryHasNoCurve() {
    #expect(History().smoothedTrainingError(window: 20).isEmpty)
    #expect(Self.history(accuracies: [0.5]).smoothedTrainingError(window: 0) == [50])
  }
}
