import Cancellation
import Display
import Foundation
import Lang
import NN
import Plot

/// The live display of a running `fit`: one display (a `display_id`) with the progress bar and
/// status above the loss chart, shown once and then updated at most every `interval` seconds,
/// never clearing the cell's other outputs; `finish` sends the final state last.
///
/// The bundle carries metadata `application/vnd.stride.progress` so a terminal sink (`stride run`)
/// can draw it as a carriage-return progress bar instead of a picture.
final class LiveProgress: TrainingObserver {
  static let progressKey = "application/vnd.stride.progress"
  nonisolated(unsafe) private static var counter = 0

  let sink: any OutputSink
  let id: String
  let title: String
  let cancellation: CancellationToken
  let interval: Double
  private var shown = false
  private var lastSent = -Double.infinity
  private var latest: NN.TrainingProgress?

  init(sink: any OutputSink, title: String, cancellation: CancellationToken, interval: Double = 0.3) {
    Self.counter += 1
    self.sink = sink
    self.id = "stride-fit-\(Self.counter)"
    self.title = title
    self.cancellation = cancellation
    self.interval = interval
  }

  func training(_ progress: NN.TrainingProgress) {
    latest = progress
    if CancellationToken.process.isCancelled { cancellation.cancel() }
    let now = Date().timeIntervalSinceReferenceDate
    let important = progress.event != .batch
    guard important || now - lastSent >= interval else { return }
    send(progress, finished: progress.event == .finished)
    lastSent = now
  }

  /// Sends the final state (after `fit` returned), interrupted or not.
  func finish(_ history: History) {
    guard let latest else { return }
    send(latest, finished: true, history: history)
  }

  private func send(_ progress: NN.TrainingProgress, finished: Bool, history: History? = nil) {
    let bundle = Self.bundle(progress, history: history ?? progress.history, finished: finished, title: title)
    if shown {
      sink.update(bundle, id: id)
    } else {
      sink.display(bundle, id: id)
      shown = true
    }
  }

  static func bundle(_ progress: NN.TrainingProgress, history: History, finished: Bool, title: String) -> MimeBundle {
    let state = Plot.TrainingProgress(
      epoch: max(progress.epoch, 0), totalEpochs: progress.epochs, batch: progress.batch,
      batchesPerEpoch: progress.batchesPerEpoch, loss: progress.batchLoss ?? progress.epochLoss,
      imagesPerSecond: progress.imagesPerSecond > 0 ? progress.imagesPerSecond : nil,
      etaSeconds: progress.eta, finished: finished && history.stopReason == .completed)
    var extra: [LineChart.Series] = []
    let validation = history.epochs.compactMap { epoch in epoch.validationLoss.map { (Double(epoch.epoch), $0) } }
    if !validation.isEmpty {
      extra.append(LineChart.Series(name: "validation loss", x: validation.map(\.0), y: validation.map(\.1)))
    }
    let dashboard = TrainingDashboard(progress: state, batchLosses: history.batchLoss, extraSeries: extra, title: title)
    var text = state.text()
    if case .cancelled = history.stopReason { text += "  (interrupted)" }
    var bundle = FigureBundle.bundle(dashboard, plain: text)
    bundle.metadata[progressKey] = .object(["fraction": .double(state.fraction), "finished": .bool(finished)])
    return bundle
  }
}
