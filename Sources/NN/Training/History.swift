/// What `fit` recorded: per-batch and per-epoch values, timings, and where it stopped.
///
/// Values (losses, accuracies, IoU, learning rates, gradient norms) are bit-identical between
/// two runs with the same seed and data; timings are not (compare with `sameValues(as:)`).
public struct History: Sendable {
  /// One optimizer step.
  public struct Batch: Sendable, Equatable {
    /// 1-based epoch and 1-based batch within it; `step` counts steps over the whole fit from 1.
    public let epoch: Int, batch: Int, step: Int
    /// The mean loss over the batch, and its accuracy (classification: fraction of samples;
    /// segmentation: fraction of pixels).
    public let loss: Double, accuracy: Double
    /// The learning rate used for this step.
    public let learningRate: Double
    /// Seconds since `fit` started, after this step.
    public let seconds: Double
  }

  /// One finished epoch.
  public struct Epoch: Sendable, Equatable {
    /// 1-based epoch number.
    public let epoch: Int
    /// Mean training loss and accuracy over the epoch's samples (weighted by batch size).
    public let loss: Double, accuracy: Double
    /// Mean foreground IoU over the epoch's batches (segmentation only).
    public let iou: Double?
    /// Validation loss, accuracy and IoU after the epoch (when validation data was given).
    public let validationLoss: Double?, validationAccuracy: Double?, validationIoU: Double?
    /// Wall-clock seconds of the epoch's training steps, and training images per second.
    public let seconds: Double, imagesPerSecond: Double
  }

  /// Every optimizer step, in order.
  public internal(set) var batches: [Batch] = []
  /// Every finished epoch, in order.
  public internal(set) var epochs: [Epoch] = []
  /// Per-layer gradient norms, one entry per recorded step (when `fit` was asked to record them).
  public internal(set) var gradientNorms: [GradientNorms] = []
  /// Why training stopped.
  public internal(set) var stopReason: StopReason = .completed
  /// Wall-clock seconds for the whole `fit`, validation included.
  public internal(set) var totalSeconds: Double = 0
  /// The number of epochs asked for.
  public internal(set) var plannedEpochs: Int = 0

  public init() {}

  /// Per-epoch training losses.
  public var loss: [Double] { epochs.map(\.loss) }
  /// Per-epoch training accuracies.
  public var accuracy: [Double] { epochs.map(\.accuracy) }
  /// Per-epoch validation losses (epochs without validation are left out).
  public var validationLoss: [Double] { epochs.compactMap(\.validationLoss) }
  /// Per-epoch validation accuracies.
  public var validationAccuracy: [Double] { epochs.compactMap(\.validationAccuracy) }
  /// The last epoch's training loss (the last step's loss if no epoch finished; NaN if none ran).
  public var finalLoss: Double { epochs.last?.loss ?? batches.last?.loss ?? .nan }
  /// The last epoch's validation accuracy, or its training accuracy without validation data.
  public var finalAccuracy: Double? { epochs.last.map { $0.validationAccuracy ?? $0.accuracy } }
  /// Per-step training losses.
  public var batchLoss: [Double] { batches.map(\.loss) }
  /// Per-step training accuracies (the fraction of the batch classified right).
  public var batchAccuracy: [Double] { batches.map(\.accuracy) }

  /// Training error in percent per step, smoothed: step i shows the mean of
  /// `100·(1 − accuracy)` over steps max(0, i − window + 1)...i (He et al.'s Figures 1 and 6
  /// plot this curve). `window` 1 is the raw error.
  public func smoothedTrainingError(window: Int) -> [Double] {
    let errors = batches.map { 100 * (1 - $0.accuracy) }
    let width = max(1, window)
    var sum = 0.0
    return errors.indices.map { i in
      sum += errors[i]
      if i >= width { sum -= errors[i - width] }
      return sum / Double(min(i + 1, width))
    }
  }

  /// Whether two histories hold the same values, ignoring wall-clock timings.
  public func sameValues(as other: History) -> Bool {
    func strip(_ b: Batch) -> [Double] { [Double(b.step), b.loss, b.accuracy, b.learningRate] }
    func strip(_ e: Epoch) -> [Double?] {
      [e.loss, e.accuracy, e.iou, e.validationLoss, e.validationAccuracy, e.validationIoU]
    }
    return batches.map(strip) == other.batches.map(strip)
      && epochs.map(strip) == other.epochs.map(strip)
      && gradientNorms == other.gradientNorms && stopReason == other.stopReason
  }
}

/// Why `fit` stopped.
public enum StopReason: Sendable, Equatable, CustomStringConvertible {
  /// Every epoch ran.
  case completed
  /// The cancellation token was set; `epoch` and `batch` (1-based) are the last step completed
  /// (batch 0: cancelled before the epoch's first step).
  case cancelled(epoch: Int, batch: Int)
  /// Early stopping: the monitored value did not improve for `patience` epochs.
  case earlyStopped(epoch: Int)
  /// A `TrainingSteering` observer asked to stop (a notebook's Stop button); `epoch` and `batch`
  /// as for `cancelled`.
  case stopped(epoch: Int, batch: Int)
  /// The loss became NaN or infinite at this step; the weights are those after the previous step.
  case diverged(epoch: Int, batch: Int)

  /// Where a run ended inside epoch `e` after `b` of its batches: "in epoch 3 after batch 17".
  static func position(_ e: Int, _ b: Int) -> String {
    b == 0 ? "at the start of epoch \(e)" : "in epoch \(e) after batch \(b)"
  }

  public var description: String {
    switch self {
    case .completed: return "completed"
    case .cancelled(let e, let b): return "interrupted " + Self.position(e, b)
    case .earlyStopped(let e): return "stopped early after epoch \(e)"
    case .stopped(let e, let b): return "stopped by the user " + Self.position(e, b)
    case .diverged(let e, let b):
      return "stopped: the loss became NaN or infinite at epoch \(e), batch \(b)"
    }
  }
}

/// Stops `fit` when the monitored value has not improved by more than `minDelta` for
/// `patience` epochs; the best value so far is remembered (weights are not restored).
public struct EarlyStopping: Sendable, Equatable {
  /// The value watched after each epoch.
  public enum Monitor: Sendable, Equatable {
    /// Validation loss (training loss when no validation data is given); lower is better.
    case validationLoss
    /// Validation accuracy (training accuracy without validation data); higher is better.
    case validationAccuracy
  }
  public var monitor: Monitor
  public var patience: Int
  public var minDelta: Double

  public init(monitor: Monitor = .validationLoss, patience: Int = 3, minDelta: Double = 0) {
    self.monitor = monitor
    self.patience = patience
    self.minDelta = minDelta
  }

  /// Whether to stop after `epochs`: the best of the last `patience` epochs is no better than
  /// the best before them.
  func shouldStop(_ epochs: [History.Epoch]) -> Bool {
    guard patience >= 0, epochs.count > patience else { return false }
    let values = epochs.map { e -> Double in
      switch monitor {
      case .validationLoss: return e.validationLoss ?? e.loss
      case .validationAccuracy: return -(e.validationAccuracy ?? e.accuracy)
      }
    }
    let split = values.count - patience
    guard let before = values[..<split].min(), let recent = values[split...].min() else {
      return false
    }
    return !(recent < before - minDelta)
  }
}
