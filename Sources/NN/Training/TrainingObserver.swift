/// Receives `fit`'s progress; the kernel turns it into a live progress bar and loss chart.
///
/// Calls come on the thread that runs `fit`, at most `Throttle.interval` apart for batch
/// events (4 per second by default), plus always at the start, at every epoch end and at the
/// end. The observer must be quick: training waits for it.
public protocol TrainingObserver: AnyObject {
  func training(_ progress: TrainingProgress)
  /// Called after every optimizer step (`step` 1-based over the fit), while the parameters'
  /// gradients of that step are still set: where live layer views measure. Default: nothing.
  func trainingStepped(_ step: Int, model: any Layer)
  /// Called by `compare` before each model's run (`index` 0-based of `count`). Default: nothing.
  func comparing(_ name: String, index: Int, of count: Int)
}

extension TrainingObserver {
  public func trainingStepped(_ step: Int, model: any Layer) {}
  public func comparing(_ name: String, index: Int, of count: Int) {}
}

/// A snapshot of a running `fit`.
public struct TrainingProgress: Sendable {
  /// What just happened.
  public enum Event: Sendable, Equatable {
    case started, batch, epochEnded, finished
  }
  public let event: Event
  /// 1-based epoch (0 before the first step), and the number planned.
  public let epoch: Int, epochs: Int
  /// 1-based batch within the epoch (0 before its first step), and batches per epoch.
  public let batch: Int, batchesPerEpoch: Int
  /// Steps done over the whole fit, and the total planned.
  public let step: Int, totalSteps: Int
  /// The last batch's loss, and the running mean loss and accuracy over this epoch so far.
  public let batchLoss: Double?, epochLoss: Double?, epochAccuracy: Double?
  /// Training images per second over the steps so far (validation excluded).
  public let imagesPerSecond: Double
  /// Seconds since the start, and the estimated seconds left (nil before the first step).
  public let elapsed: Double, eta: Double?
  /// Everything recorded so far (for live charts).
  public let history: History

  /// The fraction of steps done, in [0, 1].
  public var fraction: Double { totalSteps == 0 ? 1 : Double(step) / Double(totalSteps) }
}

/// An observer made from a closure (handy in tests and scripts).
public final class ClosureObserver: TrainingObserver {
  let body: (TrainingProgress) -> Void
  public init(_ body: @escaping (TrainingProgress) -> Void) { self.body = body }
  public func training(_ progress: TrainingProgress) { body(progress) }
}

/// Lets batch events through at most once per `interval` seconds.
struct Throttle {
  let interval: Double
  var last = -Double.infinity

  mutating func allows(at now: Double) -> Bool {
    guard now - last >= interval else { return false }
    last = now
    return true
  }
}
