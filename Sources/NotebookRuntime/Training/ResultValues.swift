import Display
import Foundation
import Lang
import NN
import Plot
import TextFormat

/// `model.evaluate(data)`: accuracy, loss, IoU, and the confusion matrix drawn as a heatmap with
/// the class names.
final class EvaluationValue: RuntimeObject {
  let evaluation: Evaluation

  init(_ evaluation: Evaluation) { self.evaluation = evaluation }

  override var typeName: String { "Evaluation" }

  override var description: String {
    var text =
      "accuracy \(NumberFormat.fixed(evaluation.accuracy, maxFractionDigits: 4)) on \(Numbers.grouped(evaluation.count)) samples, loss \(NumberFormat.fixed(evaluation.loss, maxFractionDigits: 4))"
    if let iou = evaluation.iou { text += ", IoU \(NumberFormat.fixed(iou, maxFractionDigits: 4))" }
    return text
  }

  override var properties: [PropertySpec] {
    [
      PropertySpec(name: "accuracy", type: "Double", doc: "The fraction classified correctly.") {
        .double(self.evaluation.accuracy)
      },
      PropertySpec(name: "loss", type: "Double", doc: "The mean loss.") {
        .double(self.evaluation.loss)
      },
      PropertySpec(
        name: "iou", type: "Double?",
        doc: "Foreground intersection over union (segmentation, or metrics: [.iou])."
      ) {
        .optional(self.evaluation.iou)
      },
      PropertySpec(name: "count", type: "Int", doc: "The number of samples evaluated.") {
        .int(self.evaluation.count)
      },
      PropertySpec(
        name: "confusionMatrix", type: "[[Int]]",
        doc: "Counts: row = true class, column = predicted class."
      ) {
        .array(self.evaluation.confusion.counts.map { .ints($0) })
      },
      PropertySpec(name: "classNames", type: "[String]", doc: "The class names of the matrix.") {
        .strings(self.evaluation.confusion.classNames)
      },
    ]
  }

  override func displayBundle() -> MimeBundle {
    let confusion = evaluation.confusion
    guard confusion.classNames.count <= 40 else { return MimeBundle(plain: description) }
    let map = Heatmap.confusionMatrix(
      counts: confusion.counts, classNames: confusion.classNames,
      title:
        "Confusion matrix (accuracy \(NumberFormat.fixed(evaluation.accuracy, maxFractionDigits: 4)))"
    )
    return FigureBundle.bundle(map, plain: description)
  }
}

/// `gradientNorms(model, on: batch)`: the gradient norm of every parameter tensor, first layer first.
final class GradientNormsValue: RuntimeObject {
  let norms: GradientNorms

  init(_ norms: GradientNorms) { self.norms = norms }

  override var typeName: String { "GradientNorms" }

  override var description: String {
    let width = norms.layers.map(\.layer.count).max() ?? 0
    return norms.layers.map { entry in
      entry.layer.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
        + Self.scientific(entry.norm)
    }.joined(separator: "\n")
  }

  /// A norm in a compact, deterministic scientific form: 1.234e-05.
  static func scientific(_ value: Double) -> String {
    guard value.isFinite, value != 0 else { return value.description }
    var exponent = 0
    var mantissa = abs(value)
    while mantissa >= 10 {
      mantissa /= 10
      exponent += 1
    }
    while mantissa < 1 {
      mantissa *= 10
      exponent -= 1
    }
    let digits = (mantissa * 1000).rounded() / 1000
    let sign = value < 0 ? "-" : ""
    return
      "\(sign)\(digits)e\(exponent < 0 ? "-" : "+")\(abs(exponent) < 10 ? "0" : "")\(abs(exponent))"
  }

  override var properties: [PropertySpec] {
    [
      PropertySpec(
        name: "norms", type: "[Double]", doc: "One norm per parameter tensor, first layer first."
      ) { .doubles(self.norms.norms) },
      PropertySpec(name: "layers", type: "[String]", doc: "The parameter names.") {
        .strings(self.norms.layers.map(\.layer))
      },
    ]
  }

  override var methods: [MethodSpec] {
    [
      MethodSpec(
        name: "plot", parameters: [], returns: "Figure",
        doc:
          "A bar chart of the norms per layer on a log scale: vanishing gradients shrink towards the input."
      ) { _ in
        .host(FigureValue(self.chart(), kind: "Chart", summary: self.description))
      }
    ]
  }

  func chart() -> BarChart {
    let weights = norms.layers.filter { $0.layer.hasSuffix("weight") }
    let shown = weights.isEmpty ? norms.layers : weights
    let names = shown.map {
      $0.layer.hasSuffix(".weight") ? String($0.layer.dropLast(7)) : $0.layer
    }
    return BarChart(
      title: "Gradient norm per layer (weights)", xLabel: "layer (input → output)", yLabel: "‖∇W‖",
      yScale: .log, categories: names, values: shown.map { max($0.norm, 1e-30) }, showValues: false)
  }

  override func displayBundle() -> MimeBundle { FigureBundle.bundle(chart(), plain: description) }
}

/// `compare([...], on: data, epochs: 2)`: several models trained alike, shown as one chart.
final class ComparisonValue: RuntimeObject {
  let runs: [(name: String, history: History)]
  let title: String

  init(runs: [(name: String, history: History)], title: String = "Training loss") {
    self.runs = runs
    self.title = title
  }

  override var typeName: String { "Comparison" }
  override var description: String { HistoryCharts.comparisonText(runs) }

  override var properties: [PropertySpec] {
    [
      PropertySpec(
        name: "histories", type: "[(String, History)]", doc: "(name, history) pairs in model order."
      ) {
        .array(self.runs.map { .tuple([.string($0.name), .host(HistoryValue($0.history))]) })
      },
      PropertySpec(name: "names", type: "[String]", doc: "The run names.") {
        .strings(self.runs.map(\.name))
      },
    ]
  }

  override var methods: [MethodSpec] {
    [
      MethodSpec(
        name: "plot", parameters: [], returns: "Figure", doc: "All training curves on one chart."
      ) { _ in
        .host(FigureValue(self.chart(), kind: "Chart", summary: self.description))
      },
      MethodSpec(
        name: "plotTrainingError", parameters: [P.labelled("window", "Int", default: .int(20))],
        returns: "Figure",
        doc:
          "Training error (%) of every step, each the mean of the last `window` batches, for every run on one chart (plain nets dashed): He et al.'s Figures 1 and 6."
      ) { a in
        let window = try ArgumentLimits.check(try a.int("window"), "window", in: 1...1_000_000)
        return .host(
          FigureValue(
            TrainingErrorChart.chart(self.runs, window: window), kind: "Chart",
            summary: TrainingErrorChart.text(self.runs, window: window)))
      },
    ]
  }

  func chart() -> LineChart { HistoryCharts.comparison(runs, title: title, perBatch: false) }

  override func displayBundle() -> MimeBundle { FigureBundle.bundle(chart(), plain: description) }
}
