import Display
import Foundation
import Lang
import NN
import Plot
import Tensor

/// `fit(…, watch: .layers)`: live layer views beside the training chart (ConvNetJS, fast.ai's
/// activation statistics). Every `every` steps (and before the first) it runs a fixed batch of up
/// to 64 images (the validation data's first, else the training data's) through the model in
/// evaluation mode and records each top-level layer's activation mean, std and histogram (the
/// range fixed at the first snapshot) and its weights' gradient RMS of that step; one display (its
/// own `display_id`) shows the statistics over time, the first convolution's filters and that
/// convolution's maps for the batch's first image. Redrawn at most every `redrawInterval` seconds
/// and never sooner than 8 × its own drawing time; the final state is drawn by `finish`.
final class LayerWatch: TrainingObserver {
  nonisolated(unsafe) private static var counter = 0
  let progress: LiveProgress
  let model: Sequential
  let batch: Tensor
  let every: Int
  let sink: any OutputSink
  let id: String
  let redrawInterval: Double
  private(set) var snapshots: [[LayerStatistics]] = []
  private(set) var steps: [Int] = []
  private var ranges: [ClosedRange<Double>]?
  private var shown = false, lastDrawn = -Double.infinity, drawCost = 0.0
  /// Seconds spent measuring and drawing (the cost to training).
  private(set) var seconds = 0.0

  init(
    progress: LiveProgress, model: Sequential, batch: Tensor, every: Int, sink: any OutputSink,
    redrawInterval: Double = 3
  ) {
    Self.counter += 1
    (self.progress, self.model, self.batch, self.every) = (progress, model, batch, max(every, 1))
    (self.sink, self.id, self.redrawInterval) = (
      sink, "stride-layers-\(Self.counter)", redrawInterval
    )
  }

  func training(_ state: NN.TrainingProgress) {
    progress.training(state)
    if state.event == .started && snapshots.isEmpty { measure(step: 0) }
  }

  func trainingStepped(_ step: Int, model: any Layer) {
    guard step % every == 0 else { return }
    measure(step: step)
  }

  /// Records a snapshot and redraws when due (errors leave the view as it was).
  func measure(step: Int) {
    let start = LiveProgress.now
    defer { seconds += LiveProgress.now - start }
    guard let stats = try? model.layerStatistics(batch, ranges: ranges) else { return }
    if ranges == nil { ranges = stats.map(\.range) }
    snapshots.append(stats)
    steps.append(step)
    guard progress.mode == .rich, start - lastDrawn >= max(redrawInterval, 8 * drawCost) else {
      return
    }
    send()
    lastDrawn = LiveProgress.now
    drawCost = lastDrawn - start
  }

  /// The final picture, after `fit` returned.
  func finish() { if !snapshots.isEmpty { send() } }

  private func send() {
    let bundle = FigureBundle.bundle(figure(), plain: summary())
    if shown {
      sink.update(bundle, id: id)
    } else {
      sink.display(bundle, id: id)
      shown = true
    }
  }

  func summary() -> String {
    guard let last = snapshots.last else { return "Layer views: no snapshot" }
    let lines = last.map { s in
      String(format: "  %@ %@: mean %.3g, std %.3g", s.path, s.typeName, s.mean, s.std)
        + (s.gradientRMS.map { String(format: ", grad RMS %.3g", $0) } ?? "")
    }
    return
      ([
        "Layer views at step \(steps.last ?? 0) (\(snapshots.count) snapshots, every \(every) steps)"
      ] + lines)
      .joined(separator: "\n")
  }

  func figure() -> StackedFigure {
    let layers = snapshots.first?.count ?? 0
    let rows = (0..<layers).map { i in
      LayerStatsFigure.Row(
        name: "\(snapshots[0][i].path) \(snapshots[0][i].typeName)",
        means: snapshots.map { $0[i].mean },
        stds: snapshots.map { $0[i].std }, histograms: snapshots.map { $0[i].histogram },
        low: snapshots[0][i].range.lowerBound, high: snapshots[0][i].range.upperBound,
        gradientRMS: snapshots.map { $0[i].gradientRMS })
    }
    let title = "Layer views: \(batch.shape[0]) fixed images, step \(steps.last ?? 0)"
    var parts: [any Figure] = [
      LayerStatsFigure(title: title, rows: rows, xCaption: "snapshot (every \(every) steps)")
    ]
    parts += FirstConvolution.figures(model, image: batch)
    return StackedFigure(parts: parts)
  }
}

extension LayerWatch {
  /// The watcher `fit`'s `watch:` asks for (nil: none): `.layers` on a Sequential model, a
  /// snapshot every `watchEvery` steps (default: a fifth of an epoch).
  static func make(
    _ a: Arguments, model: LayerValue, live: LiveProgress, data: Dataset, batchSize: Int,
    training: Dataset
  ) throws -> LayerWatch? {
    let value = a["watch"]
    guard !value.isNil else { return nil }
    guard case .implicitMember("layers") = value else {
      throw HostError(
        "ValueError", "fit's watch: takes .layers, got \(value.typeName)",
        hint: "fit(data, watch: .layers)")
    }
    guard let sequential = model.layer as? Sequential else {
      throw HostError(
        "TypeError", "watch: .layers needs a Sequential model, got \(model.layer.typeName)")
    }
    let batches = (training.count + max(batchSize, 1) - 1) / max(batchSize, 1)
    let every = try a.optionalInt("watchEvery") ?? max(1, batches / 5)
    guard every > 0 else {
      throw HostError("ValueError", "watchEvery must be positive, got \(every)")
    }
    let fixed = data.prefix(min(64, data.count)).allImages()
    return LayerWatch(
      progress: live, model: sequential, batch: fixed, every: every, sink: a.context.sink)
  }
}
