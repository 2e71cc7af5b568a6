import Autograd
import Display
import Lang
import NN
import Plot
import Tensor

/// `model.gradCAM(image, class:)`: where the network looked for a class, as a heat map over the
/// input (Grad-CAM on the last convolution, or on `layer:`).
final class GradCAMValue: RuntimeObject {
  let cam: NN.GradCAM
  let image: Tensor
  let label: String
  let probability: Double
  let layerName: String

  init(cam: NN.GradCAM, image: Tensor, label: String, probability: Double, layerName: String) {
    self.cam = cam
    self.image = image
    self.label = label
    self.probability = probability
    self.layerName = layerName
  }

  static func make(_ model: LayerValue, _ a: Arguments) throws -> GradCAMValue {
    guard let sequential = model.layer as? Sequential else {
      throw HostError("TypeError", "gradCAM needs a Sequential model, got \(model.layer.typeName)")
    }
    let image = try ImageArgument.input(a["image"], for: model, "gradCAM")
    let cam = try sequential.gradCAM(
      image, classIndex: try a.optionalInt("class"), layer: try a.optionalInt("layer"))
    let probabilities = try sequential.classProbabilities(image).probabilities
    let names = try ImageArgument.classNames(
      try a.optionalStrings("classes"), model: model, count: probabilities.count)
    let index = Int(cam.layerPath) ?? 0
    let layerName =
      sequential.layers.indices.contains(index)
      ? "\(index) \(sequential.layers[index].typeName)" : cam.layerPath
    return GradCAMValue(
      cam: cam, image: image, label: names[cam.classIndex],
      probability: probabilities[cam.classIndex],
      layerName: layerName)
  }

  override var typeName: String { "GradCAM" }

  override var description: String {
    "Grad-CAM of \(label) (class \(cam.classIndex), p = \(PredictionValue.percent(probability))) on layer \(layerName), map \(cam.map.shape)"
  }

  override var properties: [PropertySpec] {
    [
      PropertySpec(
        name: "heat", type: "Tensor", doc: "The map at the input's size, scaled to [0, 1], [H, W]."
      ) { .host(TensorValue(self.cam.heat)) },
      PropertySpec(name: "map", type: "Tensor", doc: "ReLU(Σₖ αₖ Aₖ) at the layer's size, [h, w].")
      { .host(TensorValue(self.cam.map)) },
      PropertySpec(name: "weights", type: "[Double]", doc: "αₖ: each channel's mean gradient.") {
        .doubles(self.cam.weights.map { Double($0) })
      },
      PropertySpec(name: "classIndex", type: "Int", doc: "The class explained.") {
        .int(self.cam.classIndex)
      },
    ]
  }

  func figure() -> GradCAMFigure {
    let (c, h, w) = (image.shape[0], image.shape[1], image.shape[2])
    let pixels = c == 3 || c == 1 ? image.scalars : Array(image.scalars[0..<(h * w)])
    return GradCAMFigure(
      title: "Grad-CAM: \(label) (p = \(PredictionValue.percent(probability))), layer \(layerName)",
      image: ImageGrid.Tile(floats: pixels, width: w, height: h, channels: c == 3 ? 3 : 1),
      heat: cam.heat.scalars.map { Double($0) })
  }

  override func displayBundle() -> MimeBundle { FigureBundle.bundle(figure(), plain: description) }
}

/// `model.featureMaps(image, layer: i)`: every channel of one layer's output as a grid, all on
/// one colour scale (stated by the colour bar), so bright means the same in every map.
enum LayerMaps {
  static func make(_ model: LayerValue, _ value: Value, layer index: Int) throws -> FigureValue {
    guard let sequential = model.layer as? Sequential else {
      throw HostError(
        "TypeError", "featureMaps(layer:) needs a Sequential model, got \(model.layer.typeName)")
    }
    let image = try ImageArgument.input(value, for: model, "featureMaps")
    let wasTraining = sequential.isTraining
    sequential.isTraining = false
    defer { sequential.isTraining = wasTraining }
    let outputs = try GradMode.withoutGradients {
      try sequential.featureMaps(Variable(try image.reshaped([1] + image.shape)))
    }
    guard outputs.indices.contains(index) else {
      throw HostError("IndexError", "layer \(index) is outside 0..<\(outputs.count)")
    }
    let output = outputs[index].output.value
    guard output.rank == 4 else {
      throw HostError(
        "ShapeError",
        "layer \(index) (\(outputs[index].layer.typeName)) gives \(output.shape), not feature maps [N, C, H, W]"
      )
    }
    let (channels, h, w) = (output.shape[1], output.shape[2], output.shape[3])
    let tiles = (0..<channels).map { c in
      ImageGrid.Tile(
        floats: Array(output.scalars[(c * h * w)..<((c + 1) * h * w)]), width: w, height: h,
        caption: "\(c)")
    }
    let title =
      "Layer \(index) \(outputs[index].layer.typeName): \(channels) maps \(h)×\(w), one colour scale"
    let grid = ImageGrid(
      title: title, tiles: tiles, columns: min(channels, 8), normalization: .shared,
      colorMap: .viridis,
      tileSize: max(48, min(96, Double(w) * 3)))
    let summary =
      "\(title): \(tiles.count) maps of [\(h), \(w)], values \(output.scalars.min() ?? 0) … \(output.scalars.max() ?? 0)"
    return FigureValue(grid, kind: "FeatureMaps", summary: summary)
  }
}
