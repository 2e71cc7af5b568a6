import Autograd
import Cancellation
import Foundation
import Tensor
import Testing

@testable import NN

@Suite(.serialized) struct TrainingDiagnosticsTests {
  @Test func gradientNormsArePerLayerAndLeaveNoGradients() throws {
    let data = try quadrantData(count: 32, seed: 20)
    let model = TinyMLP(inputs: 16, hidden: 8, classes: 3, seed: 21)
    let before = model.parameters.map(\.variable.value)
    let norms = try gradientNorms(model, on: data.batch(32))
    #expect(norms.layers.map(\.layer) == ["0", "2"])
    #expect(norms.layers.map(\.count) == [16 * 8 + 8, 8 * 3 + 3])
    #expect(norms.norms.allSatisfy { $0 > 0 && $0.isFinite })
    #expect(model.parameters.allSatisfy { $0.variable.grad == nil })
    #expect(model.parameters.map(\.variable.value) == before)
    // The norm is √Σg² over the layer's parameters: check against a manual backward.
    let logits = try model(Variable(data.batch(32).images))
    try crossEntropy(logits: logits, labels: data.batch(32).targets).backward()
    let manual = model.parameters.prefix(2).flatMap { $0.variable.grad!.scalars }.reduce(0.0) {
      $0 + Double($1) * Double($1)
    }.squareRoot()
    #expect(abs(manual - norms.norms[0]) < 1e-9 * max(manual, 1))
  }

  @Test func fitRecordsGradientNormsOnRequest() throws {
    let data = try quadrantData(count: 40, seed: 22)
    let model = TinyMLP(inputs: 16, hidden: 4, classes: 3, seed: 23)
    let history = try fit(model, data, epochs: 2, batchSize: 10, gradientNormsEvery: 3)
    #expect(history.gradientNorms.map(\.step) == [1, 4, 7])
    #expect(history.gradientNorms.allSatisfy { $0.layers.count == 2 })
  }

  /// Same seed → bit-identical history values and weights, with 1 and with 2 threads.
  @Test func sameSeedGivesBitIdenticalRunsWithOneOrTwoThreads() throws {
    let data = try SyntheticShapes(count: 24, size: 12, seed: 24).dataset.augmented([
      .horizontalFlip, .randomCrop(padding: 1),
    ])
    func run(threads: Int) throws -> (History, [Tensor]) {
      try Threading.setThreadCount(threads)
      let model = TinySegmenter(seed: 25)
      let history = try fit(
        model, data, epochs: 2, batchSize: 8, optimizer: Adam(learningRate: 0.01), validation: data,
        seed: 26, gradientNormsEvery: 1)
      return (history, model.parameters.map(\.variable.value))
    }
    defer { try? Threading.setThreadCount(2) }
    let (h1, w1) = try run(threads: 1)
    let (h1b, w1b) = try run(threads: 1)
    let (h2, w2) = try run(threads: 2)
    #expect(h1.sameValues(as: h1b) && w1 == w1b)
    #expect(h1.sameValues(as: h2) && w1 == w2)
    #expect(
      h1.batches.count == 6 && h1.epochs.allSatisfy { $0.iou != nil && $0.validationIoU != nil })
    // A different seed changes the batch order, hence the values.
    let other = try fit(
      TinySegmenter(seed: 25), data, epochs: 1, batchSize: 8, optimizer: Adam(learningRate: 0.01),
      seed: 27)
    #expect(other.batches.map(\.loss) != Array(h1.batches.prefix(3).map(\.loss)))
  }

  @Test func segmentationTrainsAndPredictsMasks() throws {
    let split = try SyntheticShapes(count: 60, size: 16, seed: 30).split(
      trainFraction: 0.75, seed: 31)
    let model = TinySegmenter(seed: 32, width: 6)
    let history = try model.fit(
      split.train, epochs: 8, batchSize: 9, optimizer: Adam(learningRate: 0.03),
      validation: split.test, metrics: [.iou], seed: 33)
    let evaluation = try model.evaluate(split.test, metrics: [.iou])
    #expect(try #require(evaluation.iou) > 0.6)
    #expect(evaluation.iou == history.epochs.last?.validationIoU)
    let sample = try split.test[0]
    let mask = try model.predictMask(sample.image)
    #expect(mask.shape == [1, 16, 16] && mask.scalars.allSatisfy { $0 == 0 || $0 == 1 })
  }

  @Test func confusionMatrixCountsAndIoU() {
    var m = ConfusionMatrix(classNames: ["bg", "fg"])
    m.add(truth: [0, 0, 0, 1, 1, 1], predicted: [0, 0, 1, 1, 1, 0])
    #expect(m.counts == [[2, 1], [1, 2]])
    #expect(m.accuracy == 4.0 / 6)
    #expect(m.iou == [0.5, 0.5] && m.foregroundIoU == 0.5)
  }

  @Test func predictGivesProbabilitiesAndClasses() throws {
    let data = try quadrantData(count: 10, seed: 34)
    let model = TinyMLP(inputs: 16, hidden: 4, classes: 3, seed: 35)
    let p = try model.predict(data.allImages(), batchSize: 3)
    #expect(p.probabilities.shape == [10, 3] && p.classes.count == 10)
    for i in 0..<10 {
      let row = Array(p.probabilities.scalars[i * 3..<i * 3 + 3])
      #expect(abs(row.reduce(0, +) - 1) < 1e-5 && row.firstIndex(of: row.max()!) == p.classes[i])
    }
  }

  @Test func compareTrainsEachModelTheSameWay() throws {
    let split = try quadrantData(count: 60, seed: 36).split(trainFraction: 0.5, seed: 37)
    let models = [
      TinyMLP(inputs: 16, hidden: 4, classes: 3, seed: 38),
      TinyMLP(inputs: 16, hidden: 8, classes: 3, seed: 38),
    ]
    let result = try compare(
      models, names: ["narrow", "wide"], on: split, epochs: 2, batchSize: 10,
      optimizer: Adam(learningRate: 0.01))
    #expect(result.histories.map(\.name) == ["narrow", "wide"])
    #expect(
      result.runs.allSatisfy {
        $0.history.epochs.count == 2 && $0.history.validationLoss.count == 2
      })
  }
}

@Suite struct TrainingDescriptionTests {
  @Test func textFormsShowValuesWithoutTimings() throws {
    let data = try quadrantData(count: 20, seed: 50)
    #expect(data.description == "data: 20 images [1, 4, 4], 3 classes")
    let shapes = try SyntheticShapes(count: 3, size: 8, seed: 1)
    #expect(
      shapes.description == "synthetic shapes 8×8: 3 images [1, 8, 8] with masks [8, 8], 2 classes")
    let model = TinyMLP(inputs: 16, hidden: 4, classes: 3, seed: 51)
    let history = try fit(model, data, epochs: 2, batchSize: 10, validation: data)
    let e = history.epochs[1]
    #expect(
      history.description
        == "History: 2 of 2 epochs (completed), loss \(fixed(e.loss)), accuracy \(fixed(e.accuracy)), validation loss \(fixed(e.validationLoss!)), validation accuracy \(fixed(e.validationAccuracy!))"
    )
    #expect(fixed(0.87744) == "0.8774" && fixed(1) == "1.0" && fixed(0.5) == "0.5")
    #expect(scientific(0.000012345) == "1.23e-05" && scientific(250) == "2.5e+02")
    let norms = try gradientNorms(model, on: data.batch(4))
    #expect(norms.description.split(separator: "\n").map { $0.prefix(3) } == ["0  ", "2  "])
  }
}
