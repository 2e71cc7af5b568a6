import Autograd
import Tensor

/// Trains `model` on `data`: shuffled mini-batches, forward, loss, backward, optimizer step.
///
/// - Parameters:
///   - epochs: passes over the data (≥ 1). `batchSize`: samples per step; the last batch of an
///     epoch may be smaller.
///   - optimizer: bound to the model's parameters here if it is not already (its state is kept
///     across calls, so a second `fit` continues). `schedule` sets its rate per step.
///   - validation: evaluated after every epoch (evaluation mode, no gradients).
///   - seed: the order of batches and augmentations (and the initial weights of a model not yet
///     built). Same seed and data → bit-identical history values and weights, any thread count.
///   - gradientNormsEvery: record per-layer gradient norms every this many steps.
///   - observer: progress at most every 0.25 s, and at the start, every epoch end and the end.
///
/// Interrupts: the engine's token (`Threading.cancellationToken`, which the notebook runtime sets
/// to the cell's token where a cell enters the engine) is checked between batches; when set, `fit`
/// returns early (no error) with the model as after the last completed step and
/// `history.stopReason == .cancelled(...)`.
/// - Throws: `TrainingError` or a model error for bad arguments or mismatched shapes.
@discardableResult
public func fit(
  _ model: any Layer, _ data: Dataset, epochs: Int = 1, batchSize: Int = 32,
  optimizer: Optimizer? = nil, loss: Loss = .crossEntropy, validation: Dataset? = nil,
  metrics: [Metric] = [.loss, .accuracy], schedule: LearningRateSchedule = .constant,
  seed: UInt64 = 0,
  earlyStopping: EarlyStopping? = nil, gradientNormsEvery: Int? = nil,
  observer: (any TrainingObserver)? = nil
) throws -> History {
  guard epochs >= 1, batchSize >= 1, data.count > 0 else {
    throw TrainingError.invalidArgument(
      "fit needs epochs ≥ 1, batchSize ≥ 1 and a non-empty data set (got \(epochs), \(batchSize), \(data.count) samples)"
    )
  }
  if let validation,
    validation.sampleShape != data.sampleShape || validation.classCount != data.classCount
  {
    throw TrainingError.invalidArgument(
      "validation samples \(validation.sampleShape) with \(validation.classCount) classes do not match training samples \(data.sampleShape) with \(data.classCount)"
    )
  }
  let config = FitConfiguration(
    epochs: epochs, batchSize: batchSize, loss: loss, validation: validation, metrics: metrics,
    schedule: schedule, seed: seed, earlyStopping: earlyStopping,
    gradientNormsEvery: gradientNormsEvery,
    observer: observer)
  let chosen = optimizer ?? SGD(learningRate: 0.01)
  return try Trainer(model: model, data: data, optimizer: chosen, config: config).run()
}

/// Evaluates `model` on `data`: mean loss, accuracy, confusion matrix; IoU for masks or when
/// `metrics` contains `.iou`.
public func evaluate(
  _ model: any Layer, _ data: Dataset, batchSize: Int = 256, loss: Loss = .crossEntropy,
  metrics: [Metric] = [.loss, .accuracy]
) throws -> Evaluation {
  guard batchSize >= 1, data.count > 0 else {
    throw TrainingError.invalidArgument("evaluate needs a non-empty data set and batchSize ≥ 1")
  }
  return try Evaluator(
    model: model, data: data, batchSize: batchSize, loss: loss, reportIoU: metrics.contains(.iou)
  ).run()
}

/// Per-layer gradient norms of `model` for one batch (forward, loss, backward; the gradients
/// are cleared afterwards and the weights are not changed): `gradientNorms(plain, on: batch)`.
public func gradientNorms(_ model: any Layer, on batch: Batch, loss: Loss = .crossEntropy) throws
  -> GradientNorms
{
  if model.parameters.isEmpty {
    _ = try model.build(input: Array(batch.images.shape.dropFirst()), seed: 0)
  }
  let parameters = model.parameters
  for p in parameters { p.variable.zeroGrad() }
  defer { for p in parameters { p.variable.zeroGrad() } }
  let scored = try Scored(try model(Variable(batch.images)), batch: batch)
  try loss(scored).backward()
  return GradientNorms(step: 0, parameters: parameters)
}

extension Layer {
  /// `model.fit(data.train, epochs: 5, ...)`: see the free function `fit`.
  @discardableResult
  public func fit(
    _ data: Dataset, epochs: Int = 1, batchSize: Int = 32, optimizer: Optimizer? = nil,
    loss: Loss = .crossEntropy, validation: Dataset? = nil, metrics: [Metric] = [.loss, .accuracy],
    schedule: LearningRateSchedule = .constant, seed: UInt64 = 0,
    earlyStopping: EarlyStopping? = nil,
    gradientNormsEvery: Int? = nil, observer: (any TrainingObserver)? = nil
  ) throws -> History {
    try NN.fit(
      self, data, epochs: epochs, batchSize: batchSize, optimizer: optimizer, loss: loss,
      validation: validation,
      metrics: metrics, schedule: schedule, seed: seed, earlyStopping: earlyStopping,
      gradientNormsEvery: gradientNormsEvery, observer: observer)
  }

  /// `model.evaluate(data.test)`: see the free function `evaluate`.
  public func evaluate(
    _ data: Dataset, batchSize: Int = 256, loss: Loss = .crossEntropy,
    metrics: [Metric] = [.loss, .accuracy]
  ) throws -> Evaluation {
    try NN.evaluate(self, data, batchSize: batchSize, loss: loss, metrics: metrics)
  }

  /// `model.predict(images)`: see the free function `predict`.
  public func predict(_ images: Tensor, batchSize: Int = 256) throws -> Predictions {
    try NN.predict(self, images, batchSize: batchSize)
  }
}
