import Graphics
import Plot
import Testing

/// The examples in Plot doc comments, run as written (with made-up data where they use some).
@Test func figureDocExample() {
  let chart = LineChart(title: "loss", series: [.init(name: "train", y: [2.3, 1.1, 0.7])])
  let svg = chart.svg()
  let png = chart.png(scale: 2)
  #expect(svg.hasPrefix("<?xml") && png.count > 8)
}

@Test func lineChartDocExample() {
  let batchLosses = (0..<938).map { 2.3 / Double($0 + 1) }
  let validationLosses = [0.6, 0.45]
  let chart = LineChart(
    title: "Training loss", xLabel: "epoch", yLabel: "loss", yScale: .log,
    series: [
      .perBatch(name: "train (batch)", values: batchLosses, batchesPerEpoch: 469),
      LineChart.Series(name: "validation", y: validationLosses, marks: .min),
    ])
  #expect(chart.svg().contains("min 0.45"))
}

@Test func barChartDocExample() {
  let norms = BarChart(
    title: "Gradient norm per layer", yLabel: "gradient norm", yScale: .log,
    categories: ["conv1", "conv2", "fc1", "fc2", "fc3"], values: [2e-5, 3e-4, 2e-3, 1e-2, 4e-2])
  #expect(norms.svg().contains("conv2"))
}

@Test func heatmapDocExample() {
  let matrix = Heatmap.confusionMatrix(
    counts: [[50, 2], [7, 41]], classNames: ["cat", "dog"], title: "Confusion matrix")
  #expect(matrix.svg().contains(">41</text>"))
}

@Test func imageGridDocExample() {
  let weights = (0..<6).map { f in (0..<25).map { Double(($0 * (f + 1)) % 7) - 3 } }
  let filters = ImageGrid(
    title: "conv1 filters",
    tiles: weights.indices.map {
      ImageGrid.Tile(pixels: weights[$0], width: 5, height: 5, caption: "filter \($0)")
    },
    normalization: .symmetric, colorMap: .diverging)
  #expect(filters.svg().contains("filter 5"))
}

@Test func architectureDiagramDocExample() {
  let lenet = ArchitectureDiagram(
    title: "LeNet-5",
    nodes: [
      DiagramNode(label: "input", shape: [1, 32, 32], kind: .input),
      DiagramNode(label: "conv1", detail: "5x5", shape: [6, 28, 28], kind: .conv),
      DiagramNode(label: "pool1", detail: "2x2 max", shape: [6, 14, 14], kind: .pool),
      DiagramNode(label: "fc", shape: [10], kind: .dense),
    ])
  #expect(lenet.svg().contains("6x14x14"))
}

@Test func trainingDashboardDocExample() {
  let losses = [2.3, 1.7, 1.2]
  let dashboard = TrainingDashboard(
    progress: TrainingProgress(
      epoch: 2, totalEpochs: 5, batch: 120, batchesPerEpoch: 469,
      loss: 0.43, imagesPerSecond: 1843, etaSeconds: 42),
    batchLosses: losses)
  let svg = dashboard.svg()
  #expect(svg.contains("ETA 0:42"))
}

@Test func renderedFigureCarriesBothFormatsAndItsSize() {
  let chart = LineChart(series: [.init(y: [1, 2])], width: 300, height: 200)
  let output = chart.rendered(scale: 2)
  #expect(output.svg == chart.svg() && output.png == chart.png(scale: 2))
  #expect(output.width == 300 && output.height == 200)
  // PNG width and height sit in IHDR, big-endian, at bytes 16…23.
  #expect(Array(output.png[16..<24]) == [0, 0, 2, 88, 0, 0, 1, 144])
}
