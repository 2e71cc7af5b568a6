import Foundation
import Graphics
import TextFormat

/// Where a training run stands: epoch, batch, loss, speed and time left.
///
/// Epochs and batches count from 1. `text` is the one-line progress bar that the terminal
/// (`stride run`) and the plain-text form of the live display show.
public struct TrainingProgress: Sendable, Hashable {
  /// Current epoch, 1…totalEpochs.
  public var epoch: Int
  /// Number of epochs in the run.
  public var totalEpochs: Int
  /// Batches finished in the current epoch, 0…batchesPerEpoch.
  public var batch: Int
  /// Batches per epoch.
  public var batchesPerEpoch: Int
  /// Latest (or running mean) training loss.
  public var loss: Double?
  /// Throughput in images per second.
  public var imagesPerSecond: Double?
  /// Estimated seconds until the run ends.
  public var etaSeconds: Double?
  /// Whether the run has ended.
  public var finished: Bool

  /// A progress state.
  public init(
    epoch: Int, totalEpochs: Int, batch: Int, batchesPerEpoch: Int, loss: Double? = nil,
    imagesPerSecond: Double? = nil, etaSeconds: Double? = nil, finished: Bool = false
  ) {
    self.epoch = epoch
    self.totalEpochs = totalEpochs
    self.batch = batch
    self.batchesPerEpoch = batchesPerEpoch
    self.loss = loss
    self.imagesPerSecond = imagesPerSecond
    self.etaSeconds = etaSeconds
    self.finished = finished
  }

  /// Fraction of all batches done, 0…1 (1 when finished).
  public var fraction: Double {
    if finished { return 1 }
    let total = max(totalEpochs, 1) * max(batchesPerEpoch, 1)
    let done = (max(epoch, 1) - 1) * max(batchesPerEpoch, 1) + max(batch, 0)
    return min(max(Double(done) / Double(total), 0), 1)
  }

  /// The status fields without the bar, two spaces apart:
  /// "epoch 2/5  batch 120/469  loss 0.4313  1843 img/s  ETA 1:37".
  public var status: String {
    var parts = ["epoch \(epoch)/\(totalEpochs)", "batch \(batch)/\(batchesPerEpoch)"]
    if let loss { parts.append("loss \(NumberFormat.compact(loss, significant: 4))") }
    if let speed = imagesPerSecond, speed.isFinite {
      parts.append("\(NumberFormat.fixed(speed, maxFractionDigits: speed < 100 ? 1 : 0)) img/s")
    }
    if finished {
      parts.append("done")
    } else if let eta = etaSeconds {
      parts.append("ETA \(TrainingProgress.clock(eta))")
    }
    return parts.joined(separator: "  ")
  }

  /// A text progress bar plus the status: "[#######.............]  42%  epoch 2/5  …".
  public func text(barWidth: Int = 24) -> String {
    let width = max(barWidth, 4)
    let filled = Int((fraction * Double(width)).rounded(.down))
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    let percent = Int((fraction * 100).rounded(.down))
    return "[\(bar)] \(String(repeating: " ", count: percent < 10 ? 2 : percent < 100 ? 1 : 0))"
      + "\(percent)%  \(status)"
  }

  /// Seconds as "m:ss" or "h:mm:ss"; "?" when not finite or negative.
  public static func clock(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0, seconds < 1e8 else { return "?" }
    let total = Int(seconds.rounded())
    let (hours, minutes, secs) = (total / 3600, (total / 60) % 60, total % 60)
    let twoDigits = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
    return hours > 0
      ? "\(hours):\(twoDigits(minutes)):\(twoDigits(secs))" : "\(minutes):\(twoDigits(secs))"
  }
}
