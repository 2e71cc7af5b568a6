import Display
import Foundation
import Lang
import NN
import Plot
import TextFormat

/// `model.predict(image)`: one image's class probabilities, shown as bars of the top classes.
///
/// Compares equal to its class index (`model.predict(x) == 3`) and to its label
/// (`model.predict(x) == "Dress"`), so code written when `predict` answered an Int still runs.
final class PredictionValue: RuntimeObject {
  let result: ClassProbabilities
  let classNames: [String]
  let top: Int

  init(_ result: ClassProbabilities, classNames: [String], top: Int) {
    self.result = result
    self.classNames = classNames
    self.top = min(max(top, 1), result.probabilities.count)
  }

  var classIndex: Int { result.best }
  var label: String { classNames[classIndex] }
  var confidence: Double { result.probabilities[classIndex] }
  var ranked: [Int] { Array(result.ranking.prefix(top)) }

  override var typeName: String { "Prediction" }

  override var description: String {
    let lines = ranked.map {
      "  \(classNames[$0]) (\($0)): \(Self.percent(result.probabilities[$0]))"
    }
    return (["Prediction: \(label) (class \(classIndex), \(Self.percent(confidence)))"] + lines)
      .joined(separator: "\n")
  }

  static func percent(_ p: Double) -> String { String(format: "%.1f%%", p * 100) }

  override var properties: [PropertySpec] {
    [
      PropertySpec(name: "classIndex", type: "Int", doc: "The most probable class.") {
        .int(self.classIndex)
      },
      PropertySpec(name: "label", type: "String", doc: "Its name.") { .string(self.label) },
      PropertySpec(
        name: "confidence", type: "Double", doc: "Its probability (softmax of the scores)."
      ) { .double(self.confidence) },
      PropertySpec(
        name: "probabilities", type: "[Double]", doc: "Every class's probability, in class order."
      ) {
        .doubles(self.result.probabilities)
      },
      PropertySpec(name: "classNames", type: "[String]", doc: "The class names, in class order.") {
        .strings(self.classNames)
      },
      PropertySpec(
        name: "top", type: "[String]", doc: "The names of the top classes, most probable first."
      ) {
        .strings(self.ranked.map { self.classNames[$0] })
      },
    ]
  }

  override func binaryOperator(_ op: BinaryOperator, other: Value, selfOnLeft: Bool) throws
    -> Value?
  {
    guard op == .equal || op == .notEqual else { return nil }
    let same: Bool
    if let int = other.intValue {
      same = int == classIndex
    } else if let text = other.stringValue {
      same = text == label
    } else {
      return nil
    }
    return .bool(op == .equal ? same : !same)
  }

  /// Bars of the top classes' probabilities (in percent), the best first; each class's label
  /// carries its value (values printed above bars would meet the grid lines).
  func figure() -> BarChart {
    BarChart(
      title: "Prediction: \(label) (\(Self.percent(confidence)))", xLabel: "class",
      yLabel: "probability (%)",
      categories: ranked.map { "\(classNames[$0]) \(Self.percent(result.probabilities[$0]))" },
      values: ranked.map { result.probabilities[$0] * 100 }, showValues: false, width: 560,
      height: 300)
  }

  override func displayBundle() -> MimeBundle { FigureBundle.bundle(figure(), plain: description) }
}
