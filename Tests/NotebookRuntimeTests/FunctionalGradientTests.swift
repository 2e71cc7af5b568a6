import Cancellation
import Display
import Foundation
import Lang
import NotebookRuntime
import TestSupport
import Testing

/// Every new differentiable built-in, through the language: `gradient(at:)` against central finite
/// differences of the same cell expression (Float32: step 1e-2, tolerance 2e-2 relative).
@Suite struct FunctionalGradientTests {
  /// (name, shape of x, expression of x giving a scalar).
  static let cases: [(String, [Int], String)] = [
    (
      "conv2d groups dilation", [2, 5, 5],
      "conv2d(x, k4, bias: Tensor([0.5, -0.5]), padding: 1, stride: 1, dilation: 2, groups: 2).squared().sum()"
    ),
    ("conv2d weight", [2, 1, 3, 3], "conv2d(image, x, padding: 1, stride: 2).squared().sum()"),
    (
      "convTranspose2d", [1, 2, 2],
      "convTranspose2d(x, Tensor.uniform([1, 2, 3, 3], seed: 5), padding: 1, stride: 2, outputPadding: 1).squared().sum()"
    ),
    (
      "maxPool2D padding", [1, 4, 4], "maxPool2D(x, size: 3, stride: 2, padding: 1).squared().sum()"
    ),
    (
      "avgPool2D padding", [1, 4, 4], "avgPool2D(x, size: 2, stride: 2, padding: 1).squared().sum()"
    ),
    ("upsample bilinear", [1, 2, 3], "upsample(x, scale: 2, mode: .bilinear).squared().sum()"),
    (
      "linear", [2, 3],
      "linear(x, Tensor.uniform([4, 3], seed: 6), bias: Tensor.uniform([4], seed: 7)).squared().sum()"
    ),
    (
      "batchNorm training", [3, 2],
      "(batchNorm(x, weight: Tensor([1.5, 0.5]), bias: Tensor([0, 1]), training: true) * Tensor([[1, 2], [3, 4], [5, 6]])).sum()"
    ),
    ("dropout seeded", [6], "dropout(x, p: 0.5, seed: 2).squared().sum()"),
    (
      "crossEntropy none", [3, 4],
      "(crossEntropy(x, Tensor([0, 3, 1]), reduction: .none) * Tensor([1, 2, 3])).sum()"
    ),
    ("crossEntropy sum", [3, 4], "crossEntropy(x, Tensor([2, 0, 1]), reduction: .sum)"),
    (
      "nllLoss none", [2, 3],
      "(nllLoss(x.logSoftmax(axis: 1), Tensor([2, 0]), reduction: .none) * Tensor([1, 3])).sum()"
    ),
    ("mseLoss sum", [2, 3], "mseLoss(x, Tensor.uniform([2, 3], seed: 8), reduction: .sum)"),
    (
      "binaryCrossEntropy none", [5],
      "(binaryCrossEntropy(logits: x, targets: Tensor([0, 1, 0.5, 1, 0]), reduction: .none) * Tensor([1, 2, 3, 4, 5])).sum()"
    ),
    ("padded reflect", [2, 3], "x.padded([[1, 1], [2, 1]], mode: .reflect).squared().sum()"),
    (
      "tiled and repeated", [2, 2],
      "(x.tiled([2, 1]).squared().sum() + x.repeated(3, axis: 1).pow(3).sum())"
    ),
    ("topK", [2, 4], "x.topK(2, axis: 1).0.squared().sum()"),
    ("strided index", [6], "x[stride(from: 5, to: -1, by: -2)].pow(3).sum()"),
    ("matrix product •", [2, 3], "(x • Tensor([[1, -2], [0.5, 1], [2, 3]]) • x).squared().sum()"),
    ("dot and outer", [3], "dot(x, Tensor([1, -2, 3])) + outer(x, x).pow(3).sum()"),
  ]

  func run(_ session: Session, _ source: String) throws -> [Double] {
    let result = session.execute(source, sink: RecordingSink(), cancellation: CancellationToken())
    if let error = result.error { throw HostError("Error", error.plainText) }
    let text = result.value?.plainText ?? ""
    return text.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: ",")
      .compactMap {
        Double($0.trimmingCharacters(in: .whitespaces))
      }
  }

  @Test(arguments: cases.map(\.0))
  func gradientMatchesFiniteDifferences(_ name: String) throws {
    let (_, shape, expression) = Self.cases.first { $0.0 == name }!
    let session = NotebookRuntime.makeSession()
    _ = try run(
      session,
      "let k4 = Tensor.uniform([2, 1, 2, 2], low: -1, high: 1, seed: 3); let image = Tensor.uniform([1, 5, 5], seed: 4)"
    )
    let x0 = try run(session, "Tensor.uniform(\(shape), low: -1, high: 1, seed: 11).scalars")
    func tensor(_ values: [Double]) -> String { "Tensor(\(values), shape: \(shape))" }
    let analytic = try run(session, "gradient(at: \(tensor(x0))) { x in \(expression) }.scalars")
    #expect(analytic.count == x0.count)
    let step = 1e-2
    for i in x0.indices {
      var plus = x0, minus = x0
      plus[i] += step
      minus[i] -= step
      let f = { (values: [Double]) throws -> Double in
        try self.run(session, "{ (x: Tensor) in \(expression) }(\(tensor(values))).scalars")[0]
      }
      let numeric = (try f(plus) - f(minus)) / (2 * step)
      #expect(
        abs(numeric - analytic[i]) <= 2e-2 * max(1, abs(numeric)),
        "\(name) [\(i)]: numeric \(numeric), gradient \(analytic[i])")
    }
  }
}
