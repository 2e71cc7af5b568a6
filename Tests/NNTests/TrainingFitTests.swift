import Autograd
import Cancellation
import Tensor
import Testing

@testable import NN

@Suite struct TrainingFitTests {
  @Test func aTinyModelOverfitsATinyBatch() throws {
    let data = try quadrantData(count: 12, seed: 1)
    let model = TinyMLP(inputs: 16, hidden: 16, classes: 3, seed: 2)
    let history = try fit(
      model, data, epochs: 150, batchSize: 12, optimizer: Adam(learningRate: 0.05), seed: 3)
    #expect(history.stopReason == .completed)
    #expect(history.finalLoss < 0.02)
    #expect(history.epochs.last?.accuracy == 1)
    #expect(history.batches.first!.loss > 0.5)
  }

  @Test func fitRecordsEpochsBatchesAndValidation() throws {
    let split = try quadrantData(count: 260, seed: 4).split(trainFraction: 200.0 / 260, seed: 5)
    let model = TinyMLP(inputs: 16, hidden: 8, classes: 3, seed: 6)
    let history = try model.fit(
      split.train, epochs: 4, batchSize: 32, optimizer: SGD(learningRate: 0.1, momentum: 0.9),
      validation: split.test, seed: 7)
    #expect(history.epochs.count == 4 && history.batches.count == 4 * 7)
    #expect(history.batches.map(\.step) == Array(1...28))
    #expect(
      history.epochs.allSatisfy {
        $0.validationLoss != nil && $0.seconds > 0 && $0.imagesPerSecond > 0
      })
    #expect(try #require(history.validationAccuracy.last) > 0.9)
    #expect(history.loss.last! < history.loss.first!)
    let evaluation = try model.evaluate(split.test)
    #expect(evaluation.count == 60 && evaluation.confusion.total == 60)
    #expect(evaluation.accuracy == history.epochs.last!.validationAccuracy)
  }

  @Test func scheduleSetsTheRatePerStep() throws {
    let data = try quadrantData(count: 40, seed: 8)
    let model = TinyMLP(inputs: 16, hidden: 4, classes: 3, seed: 9)
    let sgd = SGD(learningRate: 0.2)
    let history = try fit(
      model, data, epochs: 4, batchSize: 10, optimizer: sgd,
      schedule: .step(everyEpochs: 2, gamma: 0.5))
    #expect(
      history.batches.map(\.learningRate) == [Double](repeating: 0.2, count: 8)
        + [Double](repeating: 0.1, count: 8))
    #expect(sgd.learningRate == 0.2)  // restored after fit
  }

  @Test func cancellationStopsBetweenBatchesAndKeepsTheModelUsable() throws {
    let data = try quadrantData(count: 100, seed: 10)
    let model = TinyMLP(inputs: 16, hidden: 8, classes: 3, seed: 11)
    let token = CancellationToken()
    var seen: [TrainingProgress.Event] = []
    let observer = ClosureObserver { p in
      seen.append(p.event)
      if p.event == .batch, p.epoch == 2, p.batch == 3 { token.cancel() }
    }
    var config = FitConfiguration(
      epochs: 3, batchSize: 10, loss: .crossEntropy, validation: nil, metrics: [],
      schedule: .constant, seed: 1,
      earlyStopping: nil, gradientNormsEvery: nil, observer: observer)
    config.cancellation = token
    config.progressInterval = 0
    let history = try Trainer(
      model: model, data: data, optimizer: SGD(learningRate: 0.1), config: config
    ).run()
    #expect(history.stopReason == .cancelled(epoch: 2, batch: 3))
    #expect(history.batches.count == 13 && history.epochs.count == 1)
    #expect(seen.first == .started && seen.last == .finished)
    #expect(
      model.parameters.allSatisfy {
        $0.variable.value.scalars.allSatisfy(\.isFinite) && $0.variable.grad == nil
      })
    let evaluation = try model.evaluate(data)
    #expect(evaluation.count == 100)
    // A cancelled engine token stops the next fit before its first step.
    let again = try Threading.$cancellationToken.withValue(token) {
      try fit(model, data, epochs: 1, batchSize: 10)
    }
    #expect(again.stopReason == .cancelled(epoch: 1, batch: 0) && again.batches.isEmpty)
  }

  @Test func progressIsThrottledButEpochEndsAlwaysArrive() throws {
    let data = try quadrantData(count: 200, seed: 12)
    let model = TinyMLP(inputs: 16, hidden: 4, classes: 3, seed: 13)
    var events: [TrainingProgress] = []
    let history = try fit(
      model, data, epochs: 3, batchSize: 4, observer: ClosureObserver { events.append($0) })
    let batches = events.filter { $0.event == .batch }
    #expect(Double(batches.count) <= history.totalSeconds / 0.25 + 2)
    #expect(events.filter { $0.event == .epochEnded }.map(\.epoch) == [1, 2, 3])
    let last = try #require(events.last)
    #expect(
      last.event == .finished && last.step == 150 && last.fraction == 1
        && last.history.epochs.count == 3)
    #expect(
      events.filter { $0.event == .epochEnded }.allSatisfy {
        $0.eta != nil && $0.imagesPerSecond > 0
      })
  }

  @Test func earlyStoppingWatchesTheMonitoredValue() {
    func epochs(_ losses: [Double]) -> [History.Epoch] {
      losses.enumerated().map {
        History.Epoch(
          epoch: $0.offset + 1, loss: 1, accuracy: 0, iou: nil, validationLoss: $0.element,
          validationAccuracy: nil, validationIoU: nil, seconds: 1, imagesPerSecond: 1)
      }
    }
    let rule = EarlyStopping(patience: 2)
    #expect(!rule.shouldStop(epochs([1.0, 0.9])))
    #expect(!rule.shouldStop(epochs([1.0, 0.9, 0.95, 0.8])))
    #expect(rule.shouldStop(epochs([1.0, 0.9, 0.95, 0.91])))
  }

  @Test func badArgumentsAreErrors() throws {
    let data = try quadrantData(count: 10, seed: 14)
    let model = TinyMLP(inputs: 16, hidden: 4, classes: 3, seed: 15)
    #expect(throws: TrainingError.self) { try fit(model, data, epochs: 0) }
    #expect(throws: TrainingError.self) { try fit(model, data, batchSize: 0) }
    let wrong = TinyMLP(inputs: 16, hidden: 4, classes: 2, seed: 15)
    #expect(throws: (any Error).self) { try fit(wrong, data, epochs: 1) }
  }
}

@Suite struct TrainingStopTests {
  @Test func earlyStoppingEndsFitWhenValidationStopsImproving() throws {
    let data = try quadrantData(count: 30, seed: 70)
    let model = TinyMLP(inputs: 16, hidden: 4, classes: 3, seed: 71)
    let history = try fit(
      model, data, epochs: 10, batchSize: 10, optimizer: SGD(learningRate: 0), validation: data,
      earlyStopping: EarlyStopping(patience: 1))
    #expect(history.stopReason == .earlyStopped(epoch: 2) && history.epochs.count == 2)
  }

  @Test func aNonFiniteLossStopsTrainingBeforeItsStep() throws {
    let data = try quadrantData(count: 30, seed: 72)
    let model = TinyMLP(inputs: 16, hidden: 4, classes: 3, seed: 73)
    let history = try fit(
      model, data, epochs: 5, batchSize: 10, optimizer: SGD(learningRate: 1e30),
      loss: .meanSquaredError)
    guard case .diverged(let epoch, let batch) = history.stopReason else {
      Issue.record("expected divergence, got \(history.stopReason)")
      return
    }
    #expect(history.batches.count == (epoch - 1) * 3 + batch - 1)
    #expect(history.batches.allSatisfy { $0.loss.isFinite })
  }
}

/// A model whose forward pass is interrupted (as an engine kernel does when the process token is set).
final class InterruptedOnCall: TestModel {
  let inner: TinyMLP
  let interruptAt: Int
  var calls = 0
  init(interruptAt: Int) {
    inner = TinyMLP(inputs: 16, hidden: 4, classes: 3, seed: 80)
    self.interruptAt = interruptAt
    super.init()
    named = inner.named
  }
  override func callAsFunction(_ input: Variable) throws -> Variable {
    calls += 1
    if calls == interruptAt { throw Interrupted() }
    return try inner(input)
  }
}

@Suite struct TrainingInterruptTests {
  @Test func anInterruptInsideAStepDropsThatStepOnly() throws {
    let data = try quadrantData(count: 40, seed: 81)
    let model = InterruptedOnCall(interruptAt: 6)
    let history = try fit(model, data, epochs: 3, batchSize: 10)
    #expect(history.stopReason == .cancelled(epoch: 2, batch: 1))
    #expect(history.batches.count == 5 && history.epochs.count == 1)
    #expect(model.parameters.allSatisfy { $0.variable.grad == nil })
  }
}
