import Cancellation

/// Several models trained the same way, for side-by-side charts: `compare([plain, res], on: data, epochs: 2)`.
public struct Comparison: Sendable {
  /// One model's run.
  public struct Run: Sendable {
    /// The model's description (or "model i" when it has none).
    public let name: String
    public let parameterCount: Int
    public let history: History
  }
  public let runs: [Run]
  /// (name, history) pairs, in model order.
  public var histories: [(name: String, history: History)] { runs.map { ($0.name, $0.history) } }
}

/// A training set with its held-out test set (Fashion-MNIST, MNIST, or any pair).
public protocol TrainTestData {
  var train: Dataset { get }
  var test: Dataset { get }
}
extension FashionMNIST: TrainTestData {}
extension MNIST: TrainTestData {}
extension DataSplit: TrainTestData {}

/// Trains each model with the same data, seed, batch size and a fresh copy of `optimizer`;
/// validates on `validation`. Stops early (keeping the runs done) on an interrupt.
public func compare(
  _ models: [any Layer], names: [String]? = nil, on data: Dataset, validation: Dataset? = nil,
  epochs: Int = 1, batchSize: Int = 64,
  optimizer: Optimizer? = nil, loss: Loss = .crossEntropy, seed: UInt64 = 0,
  observer: (any TrainingObserver)? = nil
) throws -> Comparison {
  guard !models.isEmpty else {
    throw TrainingError.invalidArgument("compare needs at least one model")
  }
  if let names, names.count != models.count {
    throw TrainingError.invalidArgument(
      "compare got \(models.count) models but \(names.count) names")
  }
  var runs: [Comparison.Run] = []
  for (i, model) in models.enumerated() {
    let name = names?[i] ?? model.name ?? "\(model.typeName) \(i + 1)"
    observer?.comparing(name, index: i, of: models.count)
    let fresh = optimizer?.freshCopy() ?? SGD(learningRate: 0.05, momentum: 0.9)
    let history = try fit(
      model, data, epochs: epochs, batchSize: batchSize, optimizer: fresh, loss: loss,
      validation: validation,
      seed: seed, observer: observer)
    runs.append(Comparison.Run(name: name, parameterCount: model.parameterCount, history: history))
    if case .cancelled = history.stopReason { break }
  }
  return Comparison(runs: runs)
}

/// `compare([plain, res], on: data, epochs: 2)` with a train/test pair: validates on the test set.
public func compare(
  _ models: [any Layer], names: [String]? = nil, on data: some TrainTestData, epochs: Int = 1,
  batchSize: Int = 64,
  optimizer: Optimizer? = nil, loss: Loss = .crossEntropy, seed: UInt64 = 0,
  observer: (any TrainingObserver)? = nil
) throws -> Comparison {
  try compare(
    models, names: names, on: data.train, validation: data.test, epochs: epochs,
    batchSize: batchSize, optimizer: optimizer,
    loss: loss, seed: seed, observer: observer)
}
