import Graphics

/// The live training figure: a progress bar with status above a loss chart.
///
/// The runtime rebuilds it from the current state a few times a second and sends it as one
/// updated display; `progress.text()` is its plain-text form. Per-batch losses are drawn thin
/// and pale with a smoothed line over them (exponential moving average, `smoothing` = 0.9),
/// against epochs. Extra series (validation loss per epoch, accuracy…) are drawn as given.
///
/// ```swift
/// let dashboard = TrainingDashboard(
///   progress: TrainingProgress(epoch: 2, totalEpochs: 5, batch: 120, batchesPerEpoch: 469,
///                              loss: 0.43, imagesPerSecond: 1843, etaSeconds: 42),
///   batchLosses: losses)
/// let svg = dashboard.svg()
/// ```
public struct TrainingDashboard: Figure {
  /// Where the run stands.
  public var progress: TrainingProgress
  /// Loss of every batch so far, in order.
  public var batchLosses: [Double]
  /// Further series on the same epoch axis (x in epochs).
  public var extraSeries: [LineChart.Series]
  /// Chart title.
  public var title: String
  /// Log-scale the loss axis.
  public var logScale: Bool
  /// EMA factor for the smoothed line, 0 (none) … <1.
  public var smoothing: Double
  /// Canvas width.
  public var width: Double
  /// Canvas height.
  public var height: Double

  /// A dashboard; 640 × 420 unless sized otherwise.
  public init(
    progress: TrainingProgress, batchLosses: [Double], extraSeries: [LineChart.Series] = [],
    title: String = "Training", logScale: Bool = false, smoothing: Double = 0.9,
    width: Double = 640, height: Double = 420
  ) {
    self.progress = progress
    self.batchLosses = batchLosses
    self.extraSeries = extraSeries
    self.title = title
    self.logScale = logScale
    self.smoothing = min(max(smoothing.isFinite ? smoothing : 0, 0), 0.999)
    self.width = width
    self.height = height
  }

  static let headerHeight = 58.0

  /// The dashboard as a scene.
  public func scene() -> Scene {
    var scene = Scene(width: width, height: height)
    scene.title = title
    scene.add(contentsOf: header())
    let chart = lossChart()
    scene.add(.group(.translate(0, TrainingDashboard.headerHeight), chart.scene().elements))
    return scene
  }

  func header() -> [Element] {
    let track = Rect(x: 16, y: 38, width: width - 32, height: 10)
    let done = Rect(
      x: track.x, y: track.y, width: track.width * progress.fraction, height: track.height)
    let barColor = progress.finished ? Theme.color(2) : Theme.color(0)
    var elements: [Element] = [
      Theme.label(
        title, centeredAt: Point(16, 14), size: Theme.titleSize, anchor: .start, weight: .bold),
      Theme.label(progress.status, centeredAt: Point(16, 29), size: Theme.tickSize, anchor: .start),
      .rectangle(track, cornerRadius: 5, style: .fill(Color(hex: 0xE6E6E6))),
    ]
    if done.width > 0 {
      elements.append(.rectangle(done, cornerRadius: 5, style: .fill(barColor)))
    }
    let percent = "\(Int((progress.fraction * 100).rounded(.down)))%"
    elements.append(
      Theme.label(
        percent, centeredAt: Point(width - 16, 14), size: Theme.labelSize,
        anchor: .end, weight: .bold, color: barColor))
    return elements
  }

  func lossChart() -> LineChart {
    let perEpoch = max(progress.batchesPerEpoch, 1)
    let pale = Theme.color(0).mixed(with: .white, amount: 0.6)
    var series: [LineChart.Series] = [
      .perBatch(name: "batch loss", values: batchLosses, batchesPerEpoch: perEpoch, color: pale)
    ]
    if smoothing > 0 && batchLosses.count > 1 {
      series.append(
        .perBatch(
          name: "smoothed", values: smoothed(batchLosses),
          batchesPerEpoch: perEpoch, color: Theme.color(0)))
      series[1].lineWidth = 2
    }
    series += extraSeries.enumerated().map { index, line in
      var copy = line
      copy.color = copy.color ?? Theme.color(index + 1)
      return copy
    }
    return LineChart(
      xLabel: "epoch", yLabel: "loss", yScale: logScale ? .log : .linear,
      series: series, xRange: 0...Double(max(progress.totalEpochs, 1)), width: width,
      height: height - TrainingDashboard.headerHeight)
  }

  /// Exponential moving average with bias correction; non-finite values pass through.
  func smoothed(_ values: [Double]) -> [Double] {
    var average = 0.0, weight = 0.0
    return values.map { value in
      guard value.isFinite else { return value }
      average = smoothing * average + (1 - smoothing) * value
      weight = smoothing * weight + (1 - smoothing)
      return average / weight
    }
  }
}
