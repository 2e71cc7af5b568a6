import Autograd
import Tensor
import Testing

@testable import NN

/// A 1×4×4 image with distinct values.
private func image() throws -> Tensor {
  try Tensor(shape: [1, 4, 4], scalars: (0..<16).map { Float(($0 * 7) % 16) / 8 - 1 })
}

/// Conv(2, 3×3, same, ReLU) → Flatten → Dense(3): ∂y_c/∂A is the Dense row c, so Grad-CAM is
/// computable by hand from the weights.
@Test func gradCAMOfConvDenseMatchesTheHandComputation() throws {
  let model = try Sequential(input: [1, 4, 4], seed: 3) {
    Conv2D(2, kernel: 3, padding: 1, activation: .relu)
    Flatten()
    Dense(3)
  }
  let x = try image()
  let a = try model.featureMaps(Variable(try x.reshaped([1, 1, 4, 4])))[0].output.value.scalars
  let dense = try #require(model.layers[2] as? Dense)
  let w = try #require(dense.weight).value.scalars  // [3, 32]
  for c in 0..<3 {
    let cam = try model.gradCAM(x, classIndex: c)
    #expect(cam.layerPath == "0" && cam.classIndex == c)
    let alpha = (0..<2).map { k in (0..<16).reduce(Float(0)) { $0 + w[c * 32 + k * 16 + $1] } / 16 }
    for (got, want) in zip(cam.weights, alpha) { #expect(abs(got - want) < 1e-5) }
    let map = (0..<16).map { i in max(alpha[0] * a[i] + alpha[1] * a[16 + i], 0) }
    #expect(cam.map.shape == [4, 4])
    for (got, want) in zip(cam.map.scalars, map) { #expect(abs(got - want) < 1e-5) }
    let peak = map.max() ?? 0
    #expect(cam.heat.shape == [4, 4])  // same size: the bilinear resize is the identity
    for (got, want) in zip(cam.heat.scalars, map) {
      #expect(abs(got - (peak > 0 ? want / peak : 0)) < 1e-5)
    }
  }
  #expect(model.parameters.allSatisfy { $0.variable.grad == nil })
}

/// With a nonlinear head (ReLU, max pool, Dense) the channel weights are the mean of ∂y/∂A,
/// checked by central finite differences of the head on A.
@Test func gradCAMWeightsMatchFiniteDifferences() throws {
  let model = try Sequential(input: [1, 4, 4], seed: 5) {
    Conv2D(3, kernel: 3, padding: 1)
    Tanh()
    MaxPool2D(2)
    Flatten()
    Dense(4)
  }
  let x = try image()
  let cam = try model.gradCAM(x, classIndex: 2, layer: 0)
  let a = try model.featureMaps(Variable(try x.reshaped([1, 1, 4, 4])))[0].output.value
  func head(_ t: Tensor) throws -> Double {
    var v = Variable(t)
    for layer in model.layers.dropFirst() { v = try layer(v) }
    return Double(v.value.scalars[2])
  }
  let eps: Float = 1e-2
  for k in 0..<3 {
    var sum = 0.0
    for i in 0..<16 {
      var plus = a.scalars, minus = a.scalars
      plus[k * 16 + i] += eps
      minus[k * 16 + i] -= eps
      sum +=
        (try head(Tensor(shape: a.shape, scalars: plus))
          - head(Tensor(shape: a.shape, scalars: minus))) / Double(2 * eps)
    }
    #expect(
      abs(Double(cam.weights[k]) - sum / 16) < 2e-3,
      "channel \(k): \(cam.weights[k]) vs \(sum / 16)")
  }
}

@Test func gradCAMExplainsThePredictedClassByDefaultAndRejectsBadLayers() throws {
  let model = try Sequential(input: [1, 4, 4], seed: 7) {
    Conv2D(2, kernel: 3, padding: 1, activation: .relu)
    Flatten()
    Dense(3)
  }
  let x = try image()
  #expect(try model.gradCAM(x).classIndex == model.classProbabilities(x).best)
  #expect(throws: TrainingError.self) { try model.gradCAM(x, layer: 1) }
  #expect(throws: TrainingError.self) { try model.gradCAM(x, classIndex: 3) }
}

@Test func classProbabilitiesSumToOneAndRankBestFirst() throws {
  let model = try Sequential(input: [1, 4, 4], seed: 9) {
    Flatten()
    Dense(5)
  }
  let p = try model.classProbabilities(try image())
  #expect(abs(p.probabilities.reduce(0, +) - 1) < 1e-5)
  #expect(p.ranking.count == 5 && p.best == p.ranking[0])
  #expect(
    zip(p.ranking, p.ranking.dropFirst()).allSatisfy {
      p.probabilities[$0.0] >= p.probabilities[$0.1]
    })
}

@Test func imageInputConvertsChannelsAndSize() throws {
  let rgb = try Tensor(
    shape: [3, 8, 8], scalars: [Float](repeating: 1, count: 64) + [Float](repeating: 0, count: 128))
  let gray = try ImageInput.fit(rgb, to: [1, 4, 4])
  #expect(gray.shape == [1, 4, 4])
  #expect(gray.scalars.allSatisfy { abs($0 - 0.299) < 1e-6 })
  let ramp = try Tensor(shape: [1, 2, 2], scalars: [0, 1, 2, 3])
  let three = try ImageInput.fit(ramp, to: [3, 2, 2])
  #expect(three.scalars == [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3])
  #expect(try ImageInput.fit(ramp, to: [1, 5, 3]).shape == [1, 5, 3])
  #expect(throws: TrainingError.self) { try ImageInput.fit(ramp, to: [10]) }
}
