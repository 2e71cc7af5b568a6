import Autograd
import Cancellation
import Tensor

/// The settings of one `fit` call.
struct FitConfiguration {
  var epochs: Int
  var batchSize: Int
  var loss: Loss
  var validation: Dataset?
  var metrics: [Metric]
  var schedule: LearningRateSchedule
  var seed: UInt64
  var earlyStopping: EarlyStopping?
  /// Record gradient norms every this many steps (nil: never).
  var gradientNormsEvery: Int?
  var observer: (any TrainingObserver)?
  /// The engine's token when the fit began (`Threading.cancellationToken`).
  var cancellation = Threading.cancellationToken
  var progressInterval: Double = 0.25
}

/// Runs the training loop of `fit`: shuffle, forward, loss, backward, step; records a `History`.
///
/// Stops between batches when the token is set (or when a kernel throws `Interrupted`
/// mid-batch, whose step is then dropped): the weights are those after the last completed step.
final class Trainer {
  let model: any Layer
  let data: Dataset
  let optimizer: Optimizer
  let config: FitConfiguration
  var history = History()
  var throttle: Throttle
  let start = ContinuousClock.now
  var step = 0
  var imagesTrained = 0
  var trainingSeconds = 0.0

  init(model: any Layer, data: Dataset, optimizer: Optimizer, config: FitConfiguration) {
    self.model = model
    self.data = data
    self.optimizer = optimizer
    self.config = config
    throttle = Throttle(interval: config.progressInterval)
    history.plannedEpochs = config.epochs
  }

  var batchesPerEpoch: Int { (data.count + config.batchSize - 1) / config.batchSize }
  var totalSteps: Int { batchesPerEpoch * config.epochs }
  var elapsed: Double { seconds(ContinuousClock.now - start) }

  /// Trains; returns the history with its stop reason (errors other than interrupts propagate).
  func run() throws -> History {
    let parameters = try prepareModel()
    let baseRate = optimizer.learningRate
    let wasTraining = model.isTraining
    model.isTraining = true
    defer {
      optimizer.learningRate = baseRate
      optimizer.zeroGrad()  // frees the last step's gradients
      model.isTraining = wasTraining
    }
    notify(.started, epoch: 0, batch: 0, running: nil)
    for epoch in 1...config.epochs {
      if let reason = try runEpoch(epoch, parameters: parameters, baseRate: baseRate) {
        history.stopReason = reason
        break
      }
      if let rule = config.earlyStopping, rule.shouldStop(history.epochs) {
        history.stopReason = .earlyStopped(epoch: epoch)
        break
      }
    }
    history.totalSeconds = elapsed
    notify(.finished, epoch: history.epochs.count, batch: 0, running: nil)
    return history
  }

  /// Builds the model for the data's sample shape if needed and binds the optimizer.
  func prepareModel() throws -> [NamedParameter] {
    if model.parameters.isEmpty { _ = try model.build(input: data.sampleShape, seed: config.seed) }
    let parameters = model.parameters
    guard !parameters.isEmpty else {
      throw TrainingError.invalidArgument("the model has no trainable parameters")
    }
    if !optimizer.isAttached(to: parameters.map(\.variable)) {
      optimizer.attach(parameters.map(\.variable))
    }
    return parameters
  }

  /// One pass over the data; returns a stop reason when training must end now.
  func runEpoch(_ epoch: Int, parameters: [NamedParameter], baseRate: Double) throws -> StopReason?
  {
    let epochSeed = SplitMix64(seed: config.seed, stream: UInt64(epoch)).peek()
    let batches = try data.batches(size: config.batchSize, shuffle: true, seed: epochSeed)
    var running = RunningMetrics(classNames: data.classNames)
    let epochStart = ContinuousClock.now
    for (index, batch) in batches.enumerated() {
      if config.cancellation.isCancelled { return .cancelled(epoch: epoch, batch: index) }
      let steering = config.observer as? TrainingSteering
      if steering?.shouldStop() == true { return .stopped(epoch: epoch, batch: index) }
      if config.cancellation.isCancelled { return .cancelled(epoch: epoch, batch: index) }
      optimizer.learningRate = config.schedule.learningRate(
        base: steering?.baseLearningRate ?? baseRate, step: step, totalSteps: totalSteps,
        stepsPerEpoch: batchesPerEpoch)
      let outcome: StepOutcome
      do {
        outcome = try trainStep(batch, parameters: parameters)
      } catch is Interrupted {
        optimizer.zeroGrad()
        return .cancelled(epoch: epoch, batch: index)
      }
      guard outcome.loss.isFinite else {
        optimizer.zeroGrad()
        return .diverged(epoch: epoch, batch: index + 1)
      }
      step += 1
      imagesTrained += batch.count
      config.observer?.trainingStepped(step, model: model)
      running.add(outcome, samples: batch.count)
      let record = History.Batch(
        epoch: epoch, batch: index + 1, step: step, loss: outcome.loss, accuracy: outcome.accuracy,
        learningRate: optimizer.learningRate, seconds: elapsed)
      history.batches.append(record)
      trainingSeconds = seconds(ContinuousClock.now - epochStart) + previousEpochsSeconds
      if throttle.allows(at: elapsed) {
        notify(.batch, epoch: epoch, batch: index + 1, running: running)
      }
    }
    return try finishEpoch(
      epoch, running: running, seconds: seconds(ContinuousClock.now - epochStart))
  }

  var previousEpochsSeconds: Double { history.epochs.reduce(0) { $0 + $1.seconds } }

  /// Forward, loss, backward, optional gradient norms, optimizer step.
  func trainStep(_ batch: Batch, parameters: [NamedParameter]) throws -> StepOutcome {
    optimizer.zeroGrad()
    let logits = try model(Variable(batch.images))
    let scored = try Scored(logits, batch: batch)
    let lossVariable = try config.loss(scored)
    let lossValue = Double(lossVariable.value.scalars.first ?? .nan)
    guard lossValue.isFinite else {
      return StepOutcome(loss: lossValue, accuracy: 0, predicted: [], targets: [])
    }
    try lossVariable.backward()
    if let every = config.gradientNormsEvery, every > 0, step % every == 0 {
      history.gradientNorms.append(GradientNorms(step: step + 1, parameters: parameters))
    }
    optimizer.step()
    let predicted = scored.predicted
    let correct = zip(predicted, scored.targets).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
    return StepOutcome(
      loss: lossValue, accuracy: Double(correct) / Double(max(scored.targets.count, 1)),
      predicted: predicted,
      targets: scored.targets)
  }

  /// Validation, the epoch record, and the epoch-end notification.
  func finishEpoch(_ epoch: Int, running: RunningMetrics, seconds epochSeconds: Double) throws
    -> StopReason?
  {
    var validation: Evaluation?
    var stop: StopReason?
    if let data = config.validation {
      do {
        validation = try Evaluator(
          model: model, data: data, batchSize: max(config.batchSize, 256), loss: config.loss
        ).run()
      } catch is Interrupted {
        stop = .cancelled(epoch: epoch, batch: batchesPerEpoch)
      }
    }
    let wantsIoU = self.data.isSegmentation || config.metrics.contains(.iou)
    history.epochs.append(
      History.Epoch(
        epoch: epoch, loss: running.meanLoss, accuracy: running.accuracy,
        iou: wantsIoU ? running.confusion.foregroundIoU : nil,
        validationLoss: validation?.loss, validationAccuracy: validation?.accuracy,
        validationIoU: wantsIoU ? validation?.iou : nil,
        seconds: epochSeconds, imagesPerSecond: Double(running.samples) / max(epochSeconds, 1e-9)))
    notify(.epochEnded, epoch: epoch, batch: batchesPerEpoch, running: running)
    return stop
  }

  func notify(_ event: TrainingProgress.Event, epoch: Int, batch: Int, running: RunningMetrics?) {
    guard let observer = config.observer else { return }
    let rate = Double(imagesTrained) / max(trainingSeconds, 1e-9)
    let remaining = Double(totalSteps - step) * Double(config.batchSize) / max(rate, 1e-9)
    observer.training(
      TrainingProgress(
        event: event, epoch: epoch, epochs: config.epochs, batch: batch,
        batchesPerEpoch: batchesPerEpoch,
        step: step, totalSteps: totalSteps, batchLoss: history.batches.last?.loss,
        epochLoss: running?.meanLoss, epochAccuracy: running?.accuracy,
        imagesPerSecond: step == 0 ? 0 : rate, elapsed: elapsed,
        eta: step == 0 ? nil : (event == .finished ? 0 : remaining), history: history))
  }
}

/// What one training step produced.
struct StepOutcome {
  let loss: Double
  let accuracy: Double
  let predicted: [Int]
  let targets: [Int]
}

/// Sums over an epoch's batches: loss weighted by samples, correct targets, the confusion matrix.
struct RunningMetrics {
  var lossSum = 0.0
  var samples = 0
  var correct = 0
  var targets = 0
  var confusion: ConfusionMatrix

  init(classNames: [String]) { confusion = ConfusionMatrix(classNames: classNames) }

  mutating func add(_ outcome: StepOutcome, samples n: Int) {
    let truth = outcome.targets
    lossSum += outcome.loss * Double(n)
    samples += n
    correct += zip(outcome.predicted, truth).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
    targets += truth.count
    confusion.add(truth: truth, predicted: outcome.predicted)
  }

  var meanLoss: Double { samples == 0 ? 0 : lossSum / Double(samples) }
  var accuracy: Double { targets == 0 ? 0 : Double(correct) / Double(targets) }
}

/// Seconds in a duration.
func seconds(_ d: Duration) -> Double {
  Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}
