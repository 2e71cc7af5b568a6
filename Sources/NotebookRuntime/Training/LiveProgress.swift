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
/// Drawing the chart (SVG and PNG) costs far more than a training step, so between redraws an
/// update carries fresh text with the last picture, and the chart is redrawn only when at least
/// `redrawInterval` seconds and eight times its own drawing time have passed: drawing stays a small
/// fraction of the training time. What the sink can update decides the form
/// (`OutputSink.liveDisplays`, or `%progress` to choose): `.rich` as above, `.line` (a terminal,
/// `stride run`) text only until the final state, `.text` (front ends that cannot update a
/// display, such as jupyter console) one appended line per epoch and the final state.
///
/// The bundle carries metadata `application/vnd.stride.progress` so a terminal sink can draw it as
/// a carriage-return bar.
final class LiveProgress: TrainingObserver {
  static let progressKey = "application/vnd.stride.progress"
  nonisolated(unsafe) private static var counter = 0

  let sink: any OutputSink
  let id: String
  /// The chart's title; `compare` names the run it is on ("compare: plain-8 (1 of 4)").
  private(set) var title: String
  private let baseTitle: String
  let interval: Double
  let redrawInterval: Double
  private var shown = false
  private var lastSent = -Double.infinity
  private var lastDrawn = -Double.infinity
  private var drawCost = 0.0
  private var picture: MimeBundle?
  private var latest: NN.TrainingProgress?

  /// How progress is shown: the sink's capability unless the session chose (`%progress`).
  let mode: LiveDisplays

  init(
    sink: any OutputSink, title: String, mode: LiveDisplays? = nil, interval: Double = 0.25,
    redrawInterval: Double = 1.5
  ) {
    self.mode = mode ?? sink.liveDisplays
    Self.counter += 1
    self.sink = sink
    self.id = "stride-fit-\(Self.counter)"
    self.title = title
    self.baseTitle = title
    self.interval = interval
    self.redrawInterval = redrawInterval
  }

  static var now: Double { Date().timeIntervalSinceReferenceDate }

  func comparing(_ name: String, index: Int, of count: Int) {
    title = "\(baseTitle): \(name) (\(index + 1) of \(count))"
  }

  func training(_ progress: NN.TrainingProgress) {
    latest = progress
    if mode == .text {
      if progress.event == .epochEnded {
        sendLine(progress, history: progress.history, final: false)
      }
      return
    }
    let now = Self.now
    guard progress.event != .batch || now - lastSent >= interval else { return }
    send(progress, history: progress.history, final: false)
    lastSent = now
  }

  /// Sends the final state (after `fit` returned), interrupted or not.
  func finish(_ history: History) {
    guard let latest else { return }
    if mode == .text { return sendLine(latest, history: history, final: true) }
    send(latest, history: history, final: true)
  }

  /// The state as a line of text appended to the output.
  private func sendLine(_ progress: NN.TrainingProgress, history: History, final: Bool) {
    sink.write(Self.line(progress, history: history, final: final) + "\n", to: .stdout)
  }

  /// The one-line text of a state, with "(interrupted)" after an interrupt.
  static func line(_ progress: NN.TrainingProgress, history: History, final: Bool) -> String {
    let text = state(progress, history: history, final: final).text()
    return remark(history.stopReason).map { text + "  " + $0 } ?? text
  }

  /// "(interrupted)" or "(stopped)" after the text and the chart's title of a run ended that way.
  static func remark(_ reason: StopReason) -> String? {
    switch reason {
    case .cancelled: return "(interrupted)"
    case .stopped: return "(stopped)"
    default: return nil
    }
  }

  private func send(_ progress: NN.TrainingProgress, history: History, final: Bool) {
    let state = Self.state(progress, history: history, final: final)
    var bundle = MimeBundle(plain: Self.line(progress, history: history, final: final))
    bundle.metadata[Self.progressKey] = .object([
      "fraction": .double(state.fraction), "finished": .bool(final),
    ])
    if final || mode == .rich {
      let now = Self.now
      if final || picture == nil || now - lastDrawn >= max(redrawInterval, 8 * drawCost) {
        picture = Self.picture(state, history: history, title: title)
        lastDrawn = now
        drawCost = Self.now - now
      }
      if let picture {
        for (type, data) in picture.data where type != "text/plain" { bundle.data[type] = data }
        for (type, meta) in picture.metadata { bundle.metadata[type] = meta }
      }
    }
    if shown {
      sink.update(bundle, id: id)
    } else {
      sink.display(bundle, id: id)
      shown = true
    }
  }

  /// Plot's progress state; the final state of a completed run shows every batch done, that of an
  /// interrupted or stopped one the epoch and batch it reached (not the last finished epoch), with
  /// no time left.
  static func state(_ progress: NN.TrainingProgress, history: History, final: Bool)
    -> Plot.TrainingProgress
  {
    let completed = final && history.stopReason == .completed
    let finishedEvent = progress.event == .finished || progress.event == .epochEnded
    var batch =
      completed || (finishedEvent && progress.batch == 0)
      ? progress.batchesPerEpoch : progress.batch
    var epoch = progress.epoch
    switch history.stopReason {
    case .cancelled(let e, let b) where final, .stopped(let e, let b) where final:
      (epoch, batch) = (e, b)  // where it ended, not the finished event's last whole epoch
    default: break
    }
    return Plot.TrainingProgress(
      epoch: max(epoch, 0), totalEpochs: progress.epochs, batch: batch,
      batchesPerEpoch: progress.batchesPerEpoch, loss: progress.batchLoss ?? progress.epochLoss,
      imagesPerSecond: progress.imagesPerSecond > 0 ? progress.imagesPerSecond : nil,
      etaSeconds: final && !completed ? nil : progress.eta, finished: completed)
  }

  /// The dashboard (progress bar, batch losses, validation loss per epoch) as SVG + PNG.
  static func picture(_ state: Plot.TrainingProgress, history: History, title: String) -> MimeBundle
  {
    var extra: [LineChart.Series] = []
    let validation = history.epochs.compactMap { epoch in
      epoch.validationLoss.map { (Double(epoch.epoch), $0) }
    }
    if !validation.isEmpty {
      extra.append(
        LineChart.Series(name: "validation loss", x: validation.map(\.0), y: validation.map(\.1)))
    }
    let heading = remark(history.stopReason).map { "\(title) \($0)" } ?? title
    let dashboard = TrainingDashboard(
      progress: state, batchLosses: history.batchLoss, extraSeries: extra, title: heading)
    return FigureBundle.bundle(dashboard, plain: state.text())
  }
}
