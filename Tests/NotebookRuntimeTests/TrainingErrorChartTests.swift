import Graphics
import Testing

@testable import NN
@testable import NotebookRuntime
@testable import Plot

/// `runs.plotTrainingError(window:)`: per-step smoothed training error of several runs, plain
/// nets dashed, and a text form of the error at the end of each epoch.
struct TrainingErrorChartTests {
  /// Two epochs of four steps with the given accuracies.
  static func history(_ accuracies: [Double]) -> History {
    var history = History()
    for (index, accuracy) in accuracies.enumerated() {
      history.batches.append(
        History.Batch(
          epoch: index / 4 + 1, batch: index % 4 + 1, step: index + 1,
          loss: 1, accuracy: accuracy, learningRate: 0.1, seconds: 0))
    }
    for epoch in 1...2 {
      history.epochs.append(
        History.Epoch(
          epoch: epoch, loss: 1, accuracy: 0.5, iou: nil, validationLoss: nil,
          validationAccuracy: nil, validationIoU: nil, seconds: 1,
          imagesPerSecond: 1))
    }
    return history
  }

  static let runs: [(name: String, history: History)] = [
    ("plain-8", history([0.5, 0.5, 0.75, 0.75, 0.75, 1, 1, 1])),
    ("resnet-20", history([0.25, 0.5, 0.5, 0.5, 0.75, 0.75, 0.75, 0.75])),
  ]

  @Test func runsOfOneDepthShareAColour() {
    let runs = [
      ("plain-8", Self.runs[0].history), ("plain-44", Self.runs[0].history),
      ("resnet-8", Self.runs[1].history), ("resnet-44", Self.runs[1].history),
    ]
    let colors = TrainingErrorChart.chart(runs, window: 2).series.map(\.color)
    #expect(colors[0] == colors[2] && colors[1] == colors[3] && colors[0] != colors[1])
  }

  @Test func textGivesTheSmoothedErrorAtTheEndOfEachEpoch() {
    // plain-8 errors 50 50 25 25 | 25 0 0 0, window 2: epoch ends 25 and 0.
    // resnet-20 errors 75 50 50 50 | 25 25 25 25: epoch ends 50 and 25.
    #expect(
      TrainingErrorChart.text(Self.runs, window: 2) == """
        Training error (%), mean of the last 2 batches, at the end of each epoch:
        plain-8    25  0
        resnet-20  50  25
        """)
  }

  @Test func chartDrawsPlainNetsDashedInEpochsAndReads() {
    let chart = TrainingErrorChart.chart(Self.runs, window: 2)
    #expect(chart.series.map(\.dashed) == [true, false])
    #expect(chart.series[0].color != chart.series[1].color)
    #expect(chart.series[0].x == [0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2])
    #expect(chart.series[1].y == [75, 62.5, 50, 50, 37.5, 25, 25, 25])
    #expect(chart.yLabel == "training error (%)")
    let problems = SceneAudit(maxWidth: 1000, minFontSize: 10).problems(in: chart.scene())
    #expect(problems.isEmpty, "\(problems)")
  }
}
