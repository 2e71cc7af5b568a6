import NN
import Plot
import TextFormat

/// Smoothed training error per step of several runs on one chart: He et al.'s Figures 1 and 6
/// in miniature (`runs.plotTrainingError(window: 20)`).
///
/// Each run's curve is `History.smoothedTrainingError(window:)` (percent), its x axis in epochs
/// (step i of an epoch of b steps at x = (i + 1)/b). Runs whose name starts with "plain" are
/// drawn dashed, and runs whose names end alike after their first "-" share a colour, so
/// "plain-8" and "resnet-8" read as one depth, two kinds.
enum TrainingErrorChart {
  static func chart(_ runs: [(name: String, history: History)], window: Int) -> LineChart {
    var keys: [String] = []
    let series = runs.map { run -> LineChart.Series in
      let key = run.name.split(separator: "-", maxSplits: 1).last.map(String.init) ?? run.name
      if !keys.contains(key) { keys.append(key) }
      var line = LineChart.Series.perBatch(
        name: run.name, values: run.history.smoothedTrainingError(window: window),
        batchesPerEpoch: HistoryCharts.batchesPerEpoch(run.history),
        color: Theme.color(keys.firstIndex(of: key) ?? 0))
      line.dashed = run.name.lowercased().hasPrefix("plain")
      return line
    }
    return LineChart(
      title: "Training error, mean of the last \(window) batches", xLabel: "epoch",
      yLabel: "training error (%)", series: series)
  }

  /// Each run's smoothed error at the end of every epoch, one line per run.
  static func text(_ runs: [(name: String, history: History)], window: Int) -> String {
    let nameWidth = runs.map(\.name.count).max() ?? 0
    let lines = runs.map { run -> String in
      let smoothed = run.history.smoothedTrainingError(window: window)
      let perEpoch = HistoryCharts.batchesPerEpoch(run.history)
      let ends = stride(from: perEpoch - 1, to: smoothed.count, by: perEpoch).map { smoothed[$0] }
      let padded = run.name + String(repeating: " ", count: nameWidth - run.name.count)
      return padded + "  "
        + ends.map { NumberFormat.fixed($0, maxFractionDigits: 1) }.joined(separator: "  ")
    }
    return
      (["Training error (%), mean of the last \(window) batches, at the end of each epoch:"] + lines)
      .joined(separator: "\n")
  }
}
