import Tensor
import Testing

@testable import NN

@Suite("Initializers")
struct LayersInitTests {
  /// Mean and standard deviation of a tensor's values.
  private func moments(_ t: Tensor) -> (mean: Double, std: Double) {
    let values = t.scalars.map(Double.init)
    let mean = values.reduce(0, +) / Double(values.count)
    let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)
    return (mean, variance.squareRoot())
  }

  private func draw(_ initializer: Initializer, fanIn: Int = 50, fanOut: Int = 200) throws -> Tensor
  {
    var generator = SeededGenerator(seed: 11)
    return try initializer.tensor(shape: [20_000], fanIn: fanIn, fanOut: fanOut, using: &generator)
  }

  @Test("Normal initializers have the textbook standard deviations")
  func normals() throws {
    let expected: [(Initializer, Double)] = [
      (.heNormal, (2.0 / 50).squareRoot()), (.heNormalFanOut, (2.0 / 200).squareRoot()),
      (.xavierNormal, (2.0 / 250).squareRoot()), (.lecunNormal, (1.0 / 50).squareRoot()),
      (.normal(mean: 1, std: 0.5), 0.5),
    ]
    for (initializer, std) in expected {
      let m = moments(try draw(initializer))
      #expect(abs(m.std - std) / std < 0.03, "\(initializer) std \(m.std)")
    }
    #expect(abs(moments(try draw(.normal(mean: 1, std: 0.5))).mean - 1) < 0.02)
  }

  @Test("Uniform initializers stay inside and nearly reach their bounds")
  func uniforms() throws {
    let expected: [(Initializer, Double)] = [
      (.pytorchDefault, 1 / (50.0).squareRoot()), (.heUniform, (6.0 / 50).squareRoot()),
      (.xavierUniform, (6.0 / 250).squareRoot()), (.lecunUniform, (3.0 / 50).squareRoot()),
    ]
    for (initializer, bound) in expected {
      let values = try draw(initializer).scalars.map(Double.init)
      #expect(values.allSatisfy { abs($0) <= bound + 1e-6 }, "\(initializer)")
      #expect((values.max() ?? 0) > 0.99 * bound && (values.min() ?? 0) < -0.99 * bound)
    }
    #expect(try draw(.constant(0.5)).scalars.allSatisfy { $0 == 0.5 })
  }

  @Test("A layer's initializer option reaches its weights; the seed decides them")
  func layerOption() throws {
    let conv = Conv2D(64, kernel: 3, weightInit: .heNormal)
    _ = try conv.build(input: [32, 8, 8], seed: 5)
    let std = moments(try #require(conv.weight).value).std
    #expect(abs(std - (2.0 / 288).squareRoot()) < 0.002)
    #expect(conv.description == "Conv2D(64, kernel: 3, weightInit: .heNormal)")
  }
}
