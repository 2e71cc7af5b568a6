import Graphics
import Plot

/// Small deterministic figures of every kind, shared by snapshot and artifact tests, with
/// texts each must show.
enum SnapshotFigures {
  static func all() -> [(String, any Figure, [String])] {
    [
      ("line", line(), ["loss", "train", "val", "epoch", "min 0.3"]),
      ("bar-log", bar(), ["conv1", "fc2", "gradient norm"]),
      ("heatmap", heatmap(), ["cat", "dog", "bird", "50", "predicted"]),
      ("image-grid", grid(), ["filters", "f0", "f1"]),
      ("diagram", diagram(), ["conv1", "6x28x28", "concat"]),
      ("dashboard", dashboard(), ["Training", "epoch 1/2  batch 3/4  loss 0.9  ETA 0:12"]),
    ]
  }

  static func line() -> LineChart {
    LineChart(
      title: "loss",
      series: [
        LineChart.Series(name: "train", y: [2.3, 1.2, 0.8, 0.5, 0.4]),
        LineChart.Series(name: "val", y: [2.4, 1.5, 1.0, 0.3, 0.6], dashed: true, marks: .min),
      ], width: 360, height: 240)
  }

  static func bar() -> BarChart {
    BarChart(
      title: "norms", yLabel: "gradient norm", yScale: .log,
      categories: ["conv1", "conv2", "fc1", "fc2"], values: [1e-4, 3e-3, 0.02, 0.5],
      width: 360, height: 240)
  }

  static func heatmap() -> Heatmap {
    Heatmap.confusionMatrix(
      counts: [[50, 3, 1], [4, 40, 9], [0, 7, 44]],
      classNames: ["cat", "dog", "bird"])
  }

  static func grid() -> ImageGrid {
    let tiles = (0..<2).map { f in
      ImageGrid.Tile(
        pixels: (0..<9).map { Double(($0 + f) % 9) - 4 }, width: 3, height: 3,
        caption: "f\(f)")
    }
    return ImageGrid(
      title: "filters", tiles: tiles, normalization: .symmetric, colorMap: .diverging,
      tileSize: 36)
  }

  static func diagram() -> ArchitectureDiagram {
    ArchitectureDiagram(
      nodes: [
        DiagramNode(label: "input", shape: [1, 32, 32], kind: .input),
        DiagramNode(label: "conv1", detail: "5x5", shape: [6, 28, 28], kind: .conv),
        DiagramNode(label: "up", shape: [6, 32, 32], kind: .upsample),
      ], edges: [DiagramEdge(from: 0, to: 2, kind: .skip)])
  }

  static func dashboard() -> TrainingDashboard {
    TrainingDashboard(
      progress: TrainingProgress(
        epoch: 1, totalEpochs: 2, batch: 3, batchesPerEpoch: 4, loss: 0.9,
        etaSeconds: 12),
      batchLosses: [2, 1.5, 0.9], width: 360, height: 260)
  }
}
