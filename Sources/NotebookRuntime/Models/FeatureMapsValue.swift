import Autograd
import Display
import Lang
import NN
import Plot
import Tensor

/// `model.featureMaps(sample)`: the output of every convolution and pooling layer of a sequential
/// model for one image, each shown as a grid of channel images (at most 16 channels per layer).
final class FeatureMapsValue: RuntimeObject {
  let maps: [(name: String, tensor: Tensor)]

  init(maps: [(name: String, tensor: Tensor)]) { self.maps = maps }

  static func make(_ model: LayerValue, _ value: Value) throws -> FeatureMapsValue {
    let image: Tensor
    if let sample = value.host(as: SampleValue.self) {
      image = sample.sample.image
    } else if let tensor = value.host(as: TensorValue.self) {
      image = tensor.tensor
    } else {
      throw HostError(
        "TypeError",
        "featureMaps takes a sample or an image tensor [C, H, W], got \(value.typeName)")
    }
    guard image.rank == 3 else {
      throw HostError(
        "ShapeError", "featureMaps takes one image [C, H, W], got shape \(image.shape)")
    }
    let layers = (model.layer as? Sequential)?.layers ?? [model.layer]
    let wasTraining = model.layer.isTraining
    model.layer.isTraining = false
    defer { model.layer.isTraining = wasTraining }
    var maps: [(name: String, tensor: Tensor)] = [("input", image)]
    try GradMode.withoutGradients {
      var x = Variable(try image.reshaped([1] + image.shape))
      for (index, layer) in layers.enumerated() {
        x = try layer(x)
        if x.shape.count == 4 {
          maps.append(
            ("\(index) \(layer.typeName)", try x.value.reshaped(Array(x.shape.dropFirst()))))
        }
      }
    }
    return FeatureMapsValue(maps: maps)
  }

  override var typeName: String { "FeatureMaps" }

  override var description: String {
    maps.map { "\($0.name): \($0.tensor.shape)" }.joined(separator: "\n")
  }

  override var properties: [PropertySpec] {
    [
      PropertySpec(
        name: "maps", type: "[Tensor]", doc: "Each layer's output for the image, [C, H, W]."
      ) {
        .array(self.maps.map { .host(TensorValue($0.tensor)) })
      }
    ]
  }

  /// One grid per layer (up to 8 channels, each tile scaled to its own range), stacked.
  func figure() -> StackedFigure {
    let grids = maps.enumerated().map { position, entry -> ImageGrid in
      let (name, tensor) = entry
      let (channels, height, width) = (tensor.shape[0], tensor.shape[1], tensor.shape[2])
      let plane = height * width
      let tiles = (0..<min(channels, 8)).map { c in
        ImageGrid.Tile(
          floats: Array(tensor.scalars[(c * plane)..<((c + 1) * plane)]), width: width,
          height: height,
          caption: "\(c)")
      }
      let title =
        (position == 0 ? "Feature maps (first 8 channels per layer) · " : "")
        + "\(name) \(tensor.shape)"
      return ImageGrid(
        title: title, tiles: tiles, columns: 8, normalization: .perImage, colorMap: .viridis,
        tileSize: 56)
    }
    return StackedFigure(parts: grids)
  }

  override func displayBundle() -> MimeBundle { FigureBundle.bundle(figure(), plain: description) }
}
