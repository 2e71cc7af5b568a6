import Lang
import NN
import Plot
import Tensor

/// `convOutputSize`, `imageGrid`, and the free-function forms `fit`, `evaluate`, `predict`.
enum MiscBuiltins {
  static func register(_ r: Registrar) {
    r.add(
      "convOutputSize",
      [
        P.labelled("input", "Int"), P.labelled("filter", "Int"),
        P.labelled("padding", "Int", default: .int(0)),
        P.labelled("stride", "Int", default: .int(1)),
      ], returns: "ConvOutputSize",
      doc:
        "The output size of a convolution or pooling window, W' = (W − F + 2P)/S + 1 (floored), shown with its working. `.value` is the Int; it compares with Ints directly.",
      example: "convOutputSize(input: 32, filter: 5, padding: 0, stride: 1)   // 28", isType: false
    ) { a in
      .host(
        try ConvOutputSizeValue(
          input: try a.int("input"), filter: try a.int("filter"), padding: try a.int("padding"),
          stride: try a.int("stride")))
    }
    r.add(
      "imageGrid",
      [
        P.positional("images", "[Tensor]"), P.labelled("titles", "[String]?", default: .null),
        P.labelled("columns", "Int?", default: .null),
        Parameter(label: "titles", name: "titlesAfter", type: "[String]?", default: .null),
      ],
      returns: "Figure",
      doc:
        "Images side by side ([H, W], [1, H, W] or [3, H, W] tensors, each scaled to its own range), with titles, in rows of `columns`.",
      example: "imageGrid([item.image, edgesX], titles: [\"input\", \"edges\"])", isType: false
    ) { a in
      try imageGrid(a)
    }
    r.add(
      "fit", [P.positional("model", "Model")] + FitCall.parameters, returns: "History",
      doc:
        "fit(model, data, ...) is model.fit(data, ...): trains with live progress and returns the history.",
      example: "fit(lenet, data.train, epochs: 1)", isType: false
    ) { a in
      let model = try a.host("model", as: LayerValue.self, typeName: "a model")
      return .host(HistoryValue(try FitCall.run(model, a)))
    }
    r.add(
      "evaluate",
      [
        P.positional("model", "Model"), P.positional("data", "Dataset"),
        P.labelled("metrics", "[Metric]?", default: .null),
      ],
      returns: "Evaluation",
      doc: "evaluate(model, data) is model.evaluate(data): accuracy and the confusion matrix.",
      example: "evaluate(lenet, data.test)", isType: false
    ) { a in
      let model = try a.host("model", as: LayerValue.self, typeName: "a model")
      let evaluation = try model.layer.evaluate(
        try TrainingOptions.dataset(a["data"], "evaluate"),
        metrics: try TrainingOptions.metrics(a["metrics"]))
      return .host(EvaluationValue(evaluation))
    }
  }

  private static func imageGrid(_ a: Arguments) throws -> Value {
    let titles = try a.optionalStrings("titles") ?? a.optionalStrings("titlesAfter") ?? []
    let images = try a.array("images")
    guard !images.isEmpty, images.count <= 256 else {
      throw HostError("ValueError", "imageGrid takes 1 to 256 images, got \(images.count)")
    }
    var tiles: [ImageGrid.Tile] = []
    for (index, value) in images.enumerated() {
      guard
        let tensor = value.host(as: TensorValue.self)?.tensor
          ?? value.host(as: SampleValue.self)?.sample.image
      else {
        throw HostError(
          "TypeError", "imageGrid: image \(index) is a \(value.typeName), not a Tensor")
      }
      let shape = tensor.shape
      let (channels, height, width): (Int, Int, Int)
      switch shape.count {
      case 2: (channels, height, width) = (1, shape[0], shape[1])
      case 3 where shape[0] == 1 || shape[0] == 3:
        (channels, height, width) = (shape[0], shape[1], shape[2])
      default:
        throw HostError(
          "ShapeError",
          "imageGrid: image \(index) has shape \(shape); expected [H, W], [1, H, W] or [3, H, W]")
      }
      tiles.append(
        ImageGrid.Tile(
          floats: tensor.scalars, width: width, height: height, channels: channels,
          caption: index < titles.count ? titles[index] : ""))
    }
    let columns = try a.optionalInt("columns") ?? min(images.count, 4)
    guard columns >= 1 else { throw HostError("ValueError", "columns must be ≥ 1") }
    let side = Double(max(tiles.map(\.width).max() ?? 28, tiles.map(\.height).max() ?? 28))
    let grid = ImageGrid(
      tiles: tiles, columns: columns, normalization: .perImage,
      tileSize: max(96, min(160, side * 4)))
    let summary =
      "imageGrid of \(tiles.count) image\(tiles.count == 1 ? "" : "s")"
      + (titles.isEmpty ? "" : ": " + titles.joined(separator: ", "))
    return .host(FigureValue(grid, kind: "ImageGrid", summary: summary))
  }
}
