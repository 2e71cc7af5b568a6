import Foundation
import Graphics
import Plot

/// A small seeded generator (64-bit LCG) for reproducible example data.
struct SeededNoise {
  var state: UInt64

  mutating func next() -> Double {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Double(state >> 11) / Double(1 << 53) - 0.5
  }
}

/// Example figures with synthetic but plausible training data.
enum GalleryExamples {
  static func all() -> [(String, any Figure)] {
    [
      ("line-loss", lossChart()),
      ("line-log-accuracy", logChart()),
    ] + more()
  }

  static func batchLosses(count: Int, seed: UInt64) -> [Double] {
    var noise = SeededNoise(state: seed)
    return (0..<count).map { i in 2.3 * exp(-Double(i) / 300) + 0.25 + 0.12 * noise.next() }
  }

  static func lossChart() -> LineChart {
    let perEpoch = 469
    let batches = batchLosses(count: perEpoch * 5, seed: 42)
    let validation = [0.62, 0.45, 0.39, 0.37, 0.38]
    return LineChart(
      title: "LeNet-5 on Fashion-MNIST", xLabel: "epoch", yLabel: "cross-entropy loss",
      series: [
        .perBatch(name: "train (per batch)", values: batches, batchesPerEpoch: perEpoch),
        LineChart.Series(name: "validation", y: validation, marks: .min),
      ])
  }

  static func logChart() -> LineChart {
    let epochs = (1...30).map(Double.init)
    return LineChart(
      title: "Loss on a log scale", xLabel: "epoch", yLabel: "loss", yScale: .log,
      series: [
        LineChart.Series(name: "plain 20-layer", x: epochs, y: epochs.map { 2.2 * exp(-$0 / 40) }),
        LineChart.Series(
          name: "ResNet-20", x: epochs, y: epochs.map { 2.2 * exp(-$0 / 6) + 0.004 },
          marks: [.min]),
        LineChart.Series(
          name: "accuracy", x: epochs, y: epochs.map { 1 - 0.9 * exp(-$0 / 5) },
          dashed: true, marks: .max),
      ])
  }
}

// MARK: - Other figure types

extension GalleryExamples {
  static func more() -> [(String, any Figure)] {
    [
      ("bar-gradient-norms", gradientNorms()),
      (
        "bar-linear",
        BarChart(
          title: "Parameters per layer", yLabel: "parameters",
          categories: ["conv1", "conv2", "fc1", "fc2", "fc3"],
          values: [156, 2416, 48120, 10164, 850])
      ),
      ("heatmap-confusion", confusion()),
      ("heatmap-recall", confusion(byRow: true)),
      ("heatmap-signed", signedWeights()),
      ("grid-filters", filters()),
      ("grid-feature-maps", featureMaps()),
      ("diagram-lenet", lenet()),
      ("diagram-resnet", resnet()),
      ("diagram-unet", unet()),
      ("diagram-unet-u", unetU()),
      ("dashboard-running", dashboard(finished: false)),
      ("dashboard-finished", dashboard(finished: true)),
      ("diagram-vgg16", vgg16()),
      ("line-stress", stressChart()),
    ]
  }

  static func gradientNorms() -> BarChart {
    let layers = (1...20).map { "plain.conv\($0).weight" }
    let norms = (0..<20).map { 3e-6 * pow(2.1, Double($0)) }
    return BarChart(
      title: "Vanishing gradients: |grad W| per layer (20-layer plain net)",
      yLabel: "gradient norm", yScale: .log, categories: layers, values: norms)
  }

  static let classes = [
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
    "Sneaker", "Bag", "Ankle boot",
  ]

  static func confusion(byRow: Bool = false) -> Heatmap {
    var noise = SeededNoise(state: 7)
    let counts = (0..<10).map { row in
      (0..<10).map { column -> Int in
        if row == column { return 850 + Int(noise.next() * 200) }
        let near = abs(row - column) == 1 || (row == 6 && column == 0) || (row == 0 && column == 6)
        return max(0, Int((near ? 40 : 4) * (noise.next() + 0.6)))
      }
    }
    return Heatmap.confusionMatrix(
      counts: counts, classNames: classes,
      title: byRow
        ? "Confusion matrix coloured by recall" : "Confusion matrix (test set, 10 000 images)",
      colorByRowShare: byRow)
  }

  /// A 5×5 filter's weights, both signs: the diverging map centred at 0 that t.heatmap() picks.
  static func signedWeights() -> Heatmap {
    var noise = SeededNoise(state: 5)
    let weights = (0..<5).map { _ in (0..<5).map { _ in (noise.next() * 2.4 * 100).rounded() / 100 }
    }
    let labels = (0..<5).map(String.init)
    return Heatmap(
      values: weights, rowLabels: labels, columnLabels: labels, title: "Conv filter weights",
      colorMap: .diverging, centeredAtZero: true)
  }

  static func filters() -> ImageGrid {
    var noise = SeededNoise(state: 11)
    let tiles = (0..<6).map { f in
      ImageGrid.Tile(
        pixels: (0..<25).map { i in
          let (x, y) = (Double(i % 5) - 2, Double(i / 5) - 2)
          let angle = Double(f) * Double.pi / 6
          return (x * cos(angle) + y * sin(angle)) * 0.3 + noise.next() * 0.2
        }, width: 5, height: 5, caption: "filter \(f)")
    }
    return ImageGrid(
      title: "conv1: six 5x5 filters", tiles: tiles, columns: 6,
      normalization: .symmetric, colorMap: .diverging)
  }

  static func featureMaps() -> ImageGrid {
    let tiles = (0..<8).map { c in
      ImageGrid.Tile(
        pixels: (0..<(28 * 28)).map { i in
          let (x, y) = (Double(i % 28) - 13.5, Double(i / 28) - 13.5)
          return max(
            0, sin(x / (2 + Double(c)) + Double(c)) * cos(y / 3) * exp(-(x * x + y * y) / 250))
        }, width: 28, height: 28, caption: "channel \(c)")
    }
    return ImageGrid(
      title: "conv1 feature maps (after ReLU)", tiles: tiles, columns: 4,
      normalization: .perImage, colorMap: .viridis)
  }

  static func lenet() -> ArchitectureDiagram {
    ArchitectureDiagram(
      title: "LeNet-5",
      nodes: [
        DiagramNode(label: "input", detail: "image", shape: [1, 32, 32], kind: .input),
        DiagramNode(label: "C1", detail: "conv 5x5", shape: [6, 28, 28], kind: .conv),
        DiagramNode(label: "S2", detail: "avg pool 2x2", shape: [6, 14, 14], kind: .pool),
        DiagramNode(label: "C3", detail: "conv 5x5", shape: [16, 10, 10], kind: .conv),
        DiagramNode(label: "S4", detail: "avg pool 2x2", shape: [16, 5, 5], kind: .pool),
        DiagramNode(label: "C5", detail: "dense", shape: [120], kind: .dense),
        DiagramNode(label: "F6", detail: "dense", shape: [84], kind: .dense),
        DiagramNode(label: "output", detail: "softmax", shape: [10], kind: .output),
      ])
  }

  static func resnet() -> ArchitectureDiagram {
    var nodes = [
      DiagramNode(label: "input", shape: [3, 32, 32], kind: .input),
      DiagramNode(label: "stem", detail: "conv 3x3", shape: [16, 32, 32], kind: .conv),
    ]
    var edges: [DiagramEdge] = []
    for block in 1...3 {
      let start = nodes.count - 1
      nodes.append(
        DiagramNode(
          label: "block\(block).conv1", detail: "3x3 + BN + ReLU",
          shape: [16, 32, 32], kind: .conv))
      nodes.append(
        DiagramNode(
          label: "block\(block).conv2", detail: "3x3 + BN", shape: [16, 32, 32],
          kind: .conv))
      edges.append(DiagramEdge(from: start, to: nodes.count - 1, kind: .residual))
    }
    nodes.append(DiagramNode(label: "pool", detail: "global avg", shape: [16], kind: .pool))
    nodes.append(DiagramNode(label: "fc", detail: "dense", shape: [10], kind: .dense))
    return ArchitectureDiagram(title: "ResNet (3 basic blocks)", nodes: nodes, edges: edges)
  }

  static func unet() -> ArchitectureDiagram {
    let nodes = [
      DiagramNode(label: "input", shape: [1, 64, 64], kind: .input),
      DiagramNode(label: "enc1", detail: "2x conv 3x3", shape: [16, 64, 64], kind: .conv),
      DiagramNode(label: "down1", detail: "max pool", shape: [16, 32, 32], kind: .pool),
      DiagramNode(label: "enc2", detail: "2x conv 3x3", shape: [32, 32, 32], kind: .conv),
      DiagramNode(label: "down2", detail: "max pool", shape: [32, 16, 16], kind: .pool),
      DiagramNode(label: "bottleneck", detail: "2x conv 3x3", shape: [64, 16, 16], kind: .conv),
      DiagramNode(label: "up2", detail: "transposed conv", shape: [32, 32, 32], kind: .upsample),
      DiagramNode(label: "dec2", detail: "2x conv 3x3", shape: [32, 32, 32], kind: .conv),
      DiagramNode(label: "up1", detail: "transposed conv", shape: [16, 64, 64], kind: .upsample),
      DiagramNode(label: "dec1", detail: "2x conv 3x3", shape: [16, 64, 64], kind: .conv),
      DiagramNode(label: "output", detail: "conv 1x1", shape: [2, 64, 64], kind: .output),
    ]
    return ArchitectureDiagram(
      title: "U-Net (2 levels)", nodes: nodes,
      edges: [
        DiagramEdge(from: 3, to: 7, kind: .skip), DiagramEdge(from: 1, to: 9, kind: .skip),
      ])
  }

  /// The same two-level U-Net drawn as a U.
  static func unetU() -> UNetDiagram {
    func node(_ shape: [Int], _ kind: DiagramNode.Kind, _ detail: String = "conv 3x3, ReLU")
      -> DiagramNode
    {
      DiagramNode(label: "", detail: detail, shape: shape, kind: kind)
    }
    return UNetDiagram(
      title: "U-Net (2 levels)",
      levels: [
        .init(
          encoder: [node([1, 64, 64], .input, ""), node([16, 64, 64], .conv)],
          decoder: [
            node([32, 64, 64], .concat, ""), node([16, 64, 64], .conv),
            node([2, 64, 64], .output, "conv 1x1"),
          ]),
        .init(
          encoder: [node([16, 32, 32], .pool, ""), node([32, 32, 32], .conv)],
          decoder: [node([64, 32, 32], .concat, ""), node([32, 32, 32], .conv)]),
        .init(encoder: [node([32, 16, 16], .pool, ""), node([64, 16, 16], .conv)]),
      ], down: "max pool 2x2", up: "up-conv 2x2", skip: "copy")
  }

  static func dashboard(finished: Bool) -> TrainingDashboard {
    let perEpoch = 469
    let done = finished ? perEpoch * 5 : perEpoch + 120
    let progress = TrainingProgress(
      epoch: finished ? 5 : 2, totalEpochs: 5, batch: finished ? perEpoch : 120,
      batchesPerEpoch: perEpoch, loss: batchLosses(count: done, seed: 42).last,
      imagesPerSecond: 1843.4, etaSeconds: finished ? 0 : 97, finished: finished)
    let validation = LineChart.Series(
      name: "validation", x: [1, 2, 3, 4, 5].prefix(finished ? 5 : 1).map { $0 },
      y: [0.62, 0.45, 0.39, 0.37, 0.38].prefix(finished ? 5 : 1).map { $0 }, marks: .min)
    return TrainingDashboard(
      progress: progress, batchLosses: batchLosses(count: done, seed: 42),
      extraSeries: [validation], title: "fit(model, epochs: 5)")
  }
}

// MARK: - Stress cases: big models, many series, long names, negative values

extension GalleryExamples {
  static func vgg16() -> ArchitectureDiagram {
    var nodes = [DiagramNode(label: "input", shape: [3, 224, 224], kind: .input)]
    var (channels, size) = (64, 224)
    for (stage, convs) in [2, 2, 3, 3, 3].enumerated() {
      for k in 1...convs {
        nodes.append(
          DiagramNode(
            label: "conv\(stage + 1)_\(k)", detail: "3x3", shape: [channels, size, size],
            kind: .conv))
      }
      size /= 2
      nodes.append(
        DiagramNode(
          label: "pool\(stage + 1)", detail: "max 2x2", shape: [channels, size, size],
          kind: .pool))
      channels = min(channels * 2, 512)
    }
    nodes += [
      DiagramNode(label: "fc6", shape: [4096], kind: .dense),
      DiagramNode(label: "fc7", shape: [4096], kind: .dense),
      DiagramNode(label: "fc8", detail: "softmax", shape: [1000], kind: .output),
    ]
    return ArchitectureDiagram(title: "VGG-16", nodes: nodes)
  }

  static func stressChart() -> LineChart {
    let x = (0..<200).map { Double($0) * 0.05 }
    let names = [
      "sgd lr=0.1", "sgd lr=0.01 momentum=0.9", "adam lr=1e-3", "adam lr=1e-4 (very slow)",
      "rmsprop", "a series with a really rather long name for a legend",
    ]
    let series = names.enumerated().map { index, name in
      LineChart.Series(
        name: name, x: x, y: x.map { sin($0 + Double(index)) * Double(index + 1) - 2 },
        marks: index == 0 ? [.min, .max] : [])
    }
    return LineChart(
      title: "Six series, negative values, long legend entries", xLabel: "step",
      yLabel: "signal", series: series)
  }
}
