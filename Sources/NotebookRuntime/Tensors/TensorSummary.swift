import Lang
import Tensor
import TextFormat

/// `t.describe()`: count, mean, standard deviation (divided by n − 1, as pandas), min and max of all
/// elements, shown as an aligned table and readable as properties.
final class TensorSummary: RuntimeObject {
  let shape: [Int]
  let count: Int
  let mean: Double
  let std: Double
  let low: Double
  let high: Double

  init(_ tensor: Tensor) {
    let values = tensor.scalars.map { Double($0) }
    shape = tensor.shape
    count = values.count
    let average = values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    mean = average
    let squares = values.reduce(0) { $0 + ($1 - average) * ($1 - average) }
    std = values.count > 1 ? (squares / Double(values.count - 1)).squareRoot() : .nan
    low = values.min() ?? .nan
    high = values.max() ?? .nan
  }

  override var typeName: String { "Summary" }

  override var description: String {
    let rows = [
      ("count", String(count)), ("mean", text(mean)), ("std", text(std)), ("min", text(low)),
      ("max", text(high)),
    ]
    return "Tensor \(shape)\n"
      + rows.map { name, value in name + String(repeating: " ", count: 7 - name.count) + value }
      .joined(separator: "\n")
  }

  private func text(_ value: Double) -> String {
    value.isNaN ? "nan" : NumberFormat.fixed(value, maxFractionDigits: DisplaySettings.precision)
  }

  override var properties: [PropertySpec] {
    [
      PropertySpec(name: "count", type: "Int", doc: "The number of elements.") { .int(self.count) },
      PropertySpec(name: "mean", type: "Double", doc: "The mean of the elements.") {
        .double(self.mean)
      },
      PropertySpec(
        name: "std", type: "Double", doc: "The sample standard deviation (divided by n − 1)."
      ) { .double(self.std) },
      PropertySpec(name: "min", type: "Double", doc: "The smallest element.") { .double(self.low) },
      PropertySpec(name: "max", type: "Double", doc: "The largest element.") { .double(self.high) },
    ]
  }
}
