import Lang
import NN
import Tensor

/// The image argument of `predict`, `featureMaps` and `gradCAM`: a tensor `[C, H, W]` or a data
/// set's sample, made into the model's input (`ImageInput.fit`: channels, then size).
enum ImageArgument {
  /// The image as given, `[C, H, W]`.
  static func raw(_ value: Value, _ function: String) throws -> Tensor {
    if let sample = value.host(as: SampleValue.self) { return sample.sample.image }
    guard let tensor = value.host(as: TensorValue.self)?.tensor else {
      throw HostError(
        "TypeError",
        "\(function) takes a sample or an image tensor [C, H, W], got \(value.typeName)")
    }
    guard tensor.rank == 3 else {
      throw HostError(
        "ShapeError", "\(function) takes one image [C, H, W], got shape \(tensor.shape)")
    }
    return tensor
  }

  /// The image resized and converted to `model`'s input shape (unchanged when it already fits
  /// or the model has no known image input).
  static func input(_ value: Value, for model: LayerValue, _ function: String) throws -> Tensor {
    let image = try raw(value, function)
    guard let shape = model.inputShape, shape.count == 3, shape != image.shape else { return image }
    return try ImageInput.fit(image, to: shape)
  }

  /// The class names of a model: given, else those of the data it was last fitted on, else "0", "1", …
  static func classNames(_ given: [String]?, model: LayerValue, count: Int) throws -> [String] {
    if let given, given.count != count {
      throw HostError(
        "ValueError", "classes has \(given.count) names but the model scores \(count) classes")
    }
    let known = given ?? model.runtime.classNames[ObjectIdentifier(model.layer)]
    guard let known, known.count == count else { return (0..<count).map(String.init) }
    return known
  }
}
