import Graphics
import Testing

@testable import Plot

let midRun = TrainingProgress(
  epoch: 2, totalEpochs: 5, batch: 120, batchesPerEpoch: 469, loss: 0.43125,
  imagesPerSecond: 1843.4, etaSeconds: 97)

@Test func progressTextShowsEveryField() {
  #expect(midRun.status == "epoch 2/5  batch 120/469  loss 0.4313  1843 img/s  ETA 1:37")
  #expect(midRun.text(barWidth: 10) == "[##........]  25%  " + midRun.status)
}

@Test func progressFractionCountsFinishedBatches() {
  #expect(abs(midRun.fraction - Double(469 + 120) / Double(5 * 469)) < 1e-12)
  var done = midRun
  done.finished = true
  #expect(done.fraction == 1 && done.status.hasSuffix("done"))
}

@Test(arguments: [(42.0, "0:42"), (97.0, "1:37"), (3725.0, "1:02:05"), (-1.0, "?"), (.nan, "?")])
func clockFormatsDurations(seconds: Double, expected: String) {
  #expect(TrainingProgress.clock(seconds) == expected)
}

@Test func dashboardShowsStatusBarAndLossChart() throws {
  let dashboard = TrainingDashboard(progress: midRun, batchLosses: [2.3, 1.9, 1.4, 1.1, 0.9])
  let scene = dashboard.scene()
  let strings = texts(in: scene.elements).map(\.string)
  #expect(strings.contains(midRun.status) && strings.contains("25%"))
  #expect(strings.contains("batch loss") && strings.contains("smoothed"))
  let bars = scene.elements.compactMap { element -> Rect? in
    if case .rectangle(let rect, _, let style) = element, style.fill == Theme.color(0) {
      return rect
    }
    return nil
  }
  let bar = try #require(bars.first)
  #expect(abs(bar.width - (640 - 32) * midRun.fraction) < 1e-9)
  #expect(SVGDocument.parse(dashboard.svg()) != nil)
}

@Test func smoothingIsABiasCorrectedMovingAverage() {
  let dashboard = TrainingDashboard(progress: midRun, batchLosses: [], smoothing: 0.5)
  let smooth = dashboard.smoothed([2, 4, .nan, 4])
  #expect(smooth[0] == 2)
  #expect(abs(smooth[1] - (0.25 * 2 + 0.5 * 4) / 0.75) < 1e-12)
  #expect(smooth[2].isNaN)
}
