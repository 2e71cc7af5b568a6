import Display
import Lang
import NN
import Plot
import TextFormat

/// A training history (`model.fit(...)`'s result): per-epoch loss and accuracy, per-batch losses.
/// Shown as a loss chart (and accuracy when there is one); its text has no timings, so re-running
/// a notebook reproduces it.
final class HistoryValue: RuntimeObject {
  let history: History

  init(_ history: History) { self.history = history }

  override var typeName: String { "History" }

  override var description: String { HistoryText.summary(history) }

  override var properties: [PropertySpec] {
    [
      PropertySpec(name: "loss", type: "[Double]", doc: "Training loss per epoch.") {
        .doubles(self.history.loss)
      },
      PropertySpec(name: "accuracy", type: "[Double]", doc: "Training accuracy per epoch.") {
        .doubles(self.history.accuracy)
      },
      PropertySpec(name: "validationLoss", type: "[Double]", doc: "Validation loss per epoch.") {
        .doubles(self.history.validationLoss)
      },
      PropertySpec(
        name: "validationAccuracy", type: "[Double]", doc: "Validation accuracy per epoch."
      ) {
        .doubles(self.history.validationAccuracy)
      },
      PropertySpec(name: "batchLoss", type: "[Double]", doc: "The loss of every batch.") {
        .doubles(self.history.batchLoss)
      },
      PropertySpec(
        name: "batchAccuracy", type: "[Double]", doc: "The training accuracy of every batch."
      ) {
        .doubles(self.history.batchAccuracy)
      },
      PropertySpec(
        name: "batchLearningRates", type: "[Double]", doc: "The learning rate of every batch."
      ) {
        .doubles(self.history.batches.map(\.learningRate))
      },
      PropertySpec(name: "finalLoss", type: "Double", doc: "The last epoch's training loss.") {
        .double(self.history.finalLoss)
      },
      PropertySpec(
        name: "finalAccuracy", type: "Double",
        doc: "The last epoch's validation (else training) accuracy."
      ) {
        .optional(self.history.finalAccuracy)
      },
      PropertySpec(name: "epochs", type: "Int", doc: "Epochs completed.") {
        .int(self.history.epochs.count)
      },
      PropertySpec(name: "stopReason", type: "String", doc: "Why training stopped.") {
        .string(self.history.stopReason.description)
      },
    ]
  }

  override var methods: [MethodSpec] {
    [
      MethodSpec(
        name: "plot", parameters: [], returns: "Figure",
        doc: "The loss per batch and per epoch (and the accuracy) as a chart."
      ) { _ in
        .host(
          FigureValue(HistoryCharts.chart(self.history), kind: "Chart", summary: self.description))
      },
      MethodSpec(
        name: "trainingError", parameters: [P.labelled("window", "Int", default: .int(20))],
        returns: "[Double]",
        doc:
          "The training error in percent of every batch, each the mean of the last `window` batches."
      ) { a in
        let window = try ArgumentLimits.check(try a.int("window"), "window", in: 1...1_000_000)
        return .doubles(self.history.smoothedTrainingError(window: window))
      },
    ]
  }

  override func displayBundle() -> MimeBundle {
    FigureBundle.bundle(HistoryCharts.chart(history), plain: description)
  }
}

/// Text of histories: values only, never timings.
enum HistoryText {
  static func summary(_ history: History) -> String {
    var lines = [
      "History: \(history.epochs.count) epoch\(history.epochs.count == 1 ? "" : "s") (\(history.stopReason))"
    ]
    for epoch in history.epochs {
      var line =
        "epoch \(epoch.epoch): loss \(NumberFormat.fixed(epoch.loss, maxFractionDigits: 4)), accuracy \(NumberFormat.fixed(epoch.accuracy, maxFractionDigits: 4))"
      if let iou = epoch.iou { line += ", IoU \(NumberFormat.fixed(iou, maxFractionDigits: 4))" }
      if let loss = epoch.validationLoss {
        line += ", validation loss \(NumberFormat.fixed(loss, maxFractionDigits: 4))"
      }
      if let accuracy = epoch.validationAccuracy {
        line += ", validation accuracy \(NumberFormat.fixed(accuracy, maxFractionDigits: 4))"
      }
      if let iou = epoch.validationIoU {
        line += ", validation IoU \(NumberFormat.fixed(iou, maxFractionDigits: 4))"
      }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }
}

/// Charts of histories.
enum HistoryCharts {
  /// Loss per batch (thin) and per epoch, validation loss; accuracy is in the text form. The title
  /// says "(interrupted)" or "(stopped)" when the run ended so.
  static func chart(_ history: History, title: String = "Training loss") -> LineChart {
    let perEpoch = batchesPerEpoch(history)
    var series: [LineChart.Series] = []
    if !history.batchLoss.isEmpty {
      series.append(
        .perBatch(name: "batch loss", values: history.batchLoss, batchesPerEpoch: perEpoch))
    }
    if !history.loss.isEmpty {
      series.append(LineChart.Series(name: "epoch loss", y: history.loss, marks: .min))
    }
    if !history.validationLoss.isEmpty {
      series.append(
        LineChart.Series(
          name: "validation loss", y: history.validationLoss, dashed: true, marks: .min))
    }
    let heading = LiveProgress.remark(history.stopReason).map { "\(title) \($0)" } ?? title
    return LineChart(title: heading, xLabel: "epoch", yLabel: "loss", series: series)
  }

  /// Batches of a whole epoch: those of the first one when an epoch finished (an interrupted run's
  /// last batches then sit in the epoch they ran in), else all so far.
  static func batchesPerEpoch(_ history: History) -> Int {
    guard !history.epochs.isEmpty, let first = history.batches.first?.epoch else {
      return max(1, history.batches.count)
    }
    return max(1, history.batches.filter { $0.epoch == first }.count)
  }

  /// Several runs on one chart: per-epoch training loss (solid) and validation loss (dashed).
  static func comparison(_ runs: [(name: String, history: History)], title: String, perBatch: Bool)
    -> LineChart
  {
    var series: [LineChart.Series] = []
    for (index, run) in runs.enumerated() {
      let color = Theme.color(index)
      let history = run.history
      if perBatch && !history.batchLoss.isEmpty {
        let perEpoch = max(1, history.batches.count / max(1, history.epochs.count))
        series.append(
          .perBatch(
            name: run.name, values: history.batchLoss, batchesPerEpoch: perEpoch, color: color))
      } else {
        series.append(LineChart.Series(name: run.name, y: history.loss, color: color))
      }
      if !history.validationLoss.isEmpty {
        series.append(
          LineChart.Series(
            name: "\(run.name) (validation)", y: history.validationLoss, color: color, dashed: true)
        )
      }
    }
    return LineChart(title: title, xLabel: "epoch", yLabel: "loss", series: series)
  }

  static func comparisonText(_ runs: [(name: String, history: History)]) -> String {
    runs.map { run in
      var line =
        "\(run.name): final loss \(NumberFormat.fixed(run.history.finalLoss, maxFractionDigits: 4))"
      if let accuracy = run.history.finalAccuracy {
        line += ", accuracy \(NumberFormat.fixed(accuracy, maxFractionDigits: 4))"
      }
      return line
    }.joined(separator: "\n")
  }
}
