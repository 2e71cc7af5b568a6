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
      (
        "diagram-stages", stages(),
        ["3 × BasicBlock", "64 → 64, 56×56", "1x1 conv /2", "shape error"]
      ),
      ("unet", unet(), ["64", "568²", "copy and crop", "max pool 2x2", "up-conv 2x2"]),
      ("dashboard", dashboard(), ["Training", "epoch 1/2  batch 3/4  loss 0.9  ETA 0:12"]),
      ("gradcam", gradCAM(), ["Grad-CAM: Dress", "input", "heat (Grad-CAM)", "overlay", "0", "1"]),
      (
        "prediction", prediction(),
        ["Prediction: Dress (81.0%)", "Dress 81.0%", "Coat 12.0%", "probability (%)"]
      ),
      (
        "layer-stats", layerStats(),
        ["Layer views", "0 Conv2D", "3 Dense", "activation histogram (log count)", "0.0123"]
      ),
      ("layer-maps", layerMaps(), ["Layer 0 Conv2D: 4 maps 6×6, one colour scale", "-1", "2.5"]),
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

  /// A wrapped chain with stages, shortcuts (identity and projection) and a failing layer.
  static func stages() -> ArchitectureDiagram {
    ArchitectureDiagram(
      title: "stages",
      nodes: [
        DiagramNode(label: "Input", shape: [3, 224, 224], kind: .input),
        DiagramNode(
          label: "Conv2D", detail: "64, kernel: 7, stride: 2", shape: [64, 112, 112], kind: .conv),
        DiagramNode(
          label: "3 × BasicBlock", detail: "64 → 64, 56×56", shape: [64, 56, 56], kind: .conv,
          shortcut: .identity, repeats: 3, info: "3 blocks"),
        DiagramNode(
          label: "4 × BasicBlock", detail: "64 → 128, 28×28", shape: [128, 28, 28], kind: .conv,
          shortcut: .projection("1x1 conv /2"), repeats: 4),
        DiagramNode(label: "GlobalAvgPool2D", shape: [128], kind: .pool),
        DiagramNode(
          label: "Dense", detail: "10", shape: [], kind: .dense,
          error: "Dense(10) expects 64 inputs but gets 128"),
      ], maxWidth: 600)
  }

  /// A two-level U-Net: valid convolutions, crop and concatenate.
  static func unet() -> UNetDiagram {
    func node(_ shape: [Int], _ kind: DiagramNode.Kind, _ detail: String) -> DiagramNode {
      DiagramNode(label: "", detail: detail, shape: shape, kind: kind)
    }
    let conv = "conv 3x3, ReLU"
    return UNetDiagram(
      title: "U-Net",
      levels: [
        .init(
          encoder: [
            node([1, 572, 572], .input, ""), node([64, 570, 570], .conv, conv),
            node([64, 568, 568], .conv, conv),
          ],
          decoder: [
            node([128, 392, 392], .concat, ""), node([64, 390, 390], .conv, conv),
            node([2, 388, 388], .conv, "conv 1x1"),
          ]),
        .init(encoder: [
          node([64, 284, 284], .pool, ""), node([128, 282, 282], .conv, conv),
          node([128, 280, 280], .conv, conv),
        ]),
      ], down: "max pool 2x2", up: "up-conv 2x2", skip: "copy and crop")
  }

  static func dashboard() -> TrainingDashboard {
    TrainingDashboard(
      progress: TrainingProgress(
        epoch: 1, totalEpochs: 2, batch: 3, batchesPerEpoch: 4, loss: 0.9,
        etaSeconds: 12),
      batchLosses: [2, 1.5, 0.9], width: 360, height: 260)
  }

  /// A 12×12 ramp with a hot spot in the upper left.
  static func gradCAM() -> GradCAMFigure {
    let image: [Double] = (0..<144).map { (i: Int) -> Double in Double(i % 12 + i / 12) }
    let heat: [Double] = (0..<144).map { (i: Int) -> Double in
      let x = Double(i % 12) - 3, y = Double(i / 12) - 3
      let d: Double = (x * x + y * y) / 40
      return max(0, 1 - d)
    }
    return GradCAMFigure(
      title: "Grad-CAM: Dress", image: ImageGrid.Tile(pixels: image, width: 12, height: 12),
      heat: heat, panelSize: 96)
  }

  /// `model.predict(image)`'s bars.
  static func prediction() -> BarChart {
    BarChart(
      title: "Prediction: Dress (81.0%)", xLabel: "class", yLabel: "probability (%)",
      categories: ["Dress 81.0%", "Coat 12.0%", "Shirt 4.5%"], values: [81, 12, 4.5],
      showValues: false,
      width: 360, height: 240)
  }

  /// `model.featureMaps(image, layer:)`: four maps on one scale from −1 to 2.5.
  static func layerMaps() -> ImageGrid {
    let tiles = (0..<4).map { (c: Int) -> ImageGrid.Tile in
      let pixels: [Double] = (0..<36).map { (i: Int) -> Double in Double((i + 5 * c) % 36) / 10 - 1
      }
      return ImageGrid.Tile(pixels: pixels, width: 6, height: 6, caption: "\(c)")
    }
    return ImageGrid(
      title: "Layer 0 Conv2D: 4 maps 6×6, one colour scale", tiles: tiles, columns: 4,
      normalization: .shared, colorMap: .viridis, tileSize: 48)
  }

  /// Live layer views: two layers with statistics over six snapshots.
  static func layerStats() -> LayerStatsFigure {
    let rows = [
      LayerStatsFigure.Row(
        name: "0 Conv2D", means: [0, 0.1, 0.2, 0.25, 0.3, 0.3], stds: [1, 0.9, 0.8, 0.8, 0.7, 0.7],
        histograms: [
          [0, 4, 9, 4], [1, 5, 8, 3], [1, 6, 7, 3], [2, 6, 6, 3], [2, 7, 5, 3], [3, 7, 4, 3],
        ],
        low: -2, high: 2, gradientRMS: [nil, 0.02, 0.0123]),
      LayerStatsFigure.Row(
        name: "3 Dense", means: [0.5, 0.4, 0.3, 0.2, 0.1, 0.1],
        stds: [0.2, 0.2, 0.3, 0.3, 0.3, 0.4],
        histograms: [
          [9, 3, 1, 0], [8, 4, 1, 0], [6, 5, 2, 0], [5, 5, 2, 1], [4, 5, 3, 1], [3, 5, 3, 2],
        ],
        low: -1, high: 1.5),
    ]
    return LayerStatsFigure(title: "Layer views", rows: rows, width: 700)
  }
}
