import Autograd
import NN
import Plot
import Tensor

/// The first top-level convolution of a model as pictures: its filters (input channel 0, or RGB
/// for 3 input channels; zero in the middle of a blue–red scale) and its maps for one image.
enum FirstConvolution {
  static func figures(_ model: Sequential, image batch: Tensor) -> [any Figure] {
    guard let index = model.layers.firstIndex(where: { $0 is Conv2D }),
      let conv = model.layers[index] as? Conv2D,
      let weight = conv.weight?.value, weight.rank == 4
    else { return [] }
    var parts: [any Figure] = [filters(weight, index: index)]
    if let maps = try? maps(model, index: index, batch: batch) { parts.append(maps) }
    return parts
  }

  /// The filters `[F, C, k, k]`, at most 32.
  static func filters(_ weight: Tensor, index: Int) -> ImageGrid {
    let (count, channels, kh, kw) = (
      weight.shape[0], weight.shape[1], weight.shape[2], weight.shape[3]
    )
    let per = channels * kh * kw, plane = kh * kw
    let rgb = channels == 3
    let tiles = (0..<min(count, 32)).map { f in
      let start = f * per
      return ImageGrid.Tile(
        floats: Array(weight.scalars[start..<(start + (rgb ? per : plane))]), width: kw, height: kh,
        channels: rgb ? 3 : 1, caption: "\(f)")
    }
    return ImageGrid(
      title:
        "Layer \(index) Conv2D filters (\(kh)×\(kw)\(rgb ? ", RGB" : channels > 1 ? ", input channel 0" : ""))",
      tiles: tiles, columns: min(tiles.count, 16), normalization: .symmetric, colorMap: .diverging,
      tileSize: 40)
  }

  /// The convolution's output for the batch's first image, every channel on one scale (at most 32).
  static func maps(_ model: Sequential, index: Int, batch: Tensor) throws -> ImageGrid {
    let per = batch.count / max(batch.shape[0], 1)
    let first = try Tensor(
      shape: [1] + batch.shape.dropFirst(), scalars: Array(batch.scalars[0..<per]))
    let wasTraining = model.isTraining
    model.isTraining = false
    defer { model.isTraining = wasTraining }
    let output = try GradMode.withoutGradients {
      try model.featureMaps(Variable(first))[index].output.value
    }
    let (channels, h, w) = (output.shape[1], output.shape[2], output.shape[3])
    let tiles = (0..<min(channels, 32)).map { c in
      ImageGrid.Tile(
        floats: Array(output.scalars[(c * h * w)..<((c + 1) * h * w)]), width: w, height: h,
        caption: "\(c)")
    }
    return ImageGrid(
      title: "Layer \(index) maps for the first fixed image (one colour scale)", tiles: tiles,
      columns: min(tiles.count, 16), normalization: .shared, colorMap: .viridis, tileSize: 64)
  }
}
