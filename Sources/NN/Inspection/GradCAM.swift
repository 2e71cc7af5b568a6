import Autograd
import Tensor

/// Grad-CAM (Selvaraju et al. 2017) for one image: where a class's score looks in a layer's maps.
///
/// With A the layer's output `[K, h, w]` and y the class's logit, the channel weights are
/// αₖ = (1/hw) Σᵢⱼ ∂y/∂Aₖᵢⱼ, the map is ReLU(Σₖ αₖ Aₖ) `[h, w]`, and `heat` is that map resized
/// (bilinear) to the input's `[H, W]` and divided by its maximum (all zero when the map is).
public struct GradCAM: Sendable {
  /// The layer whose maps were weighted (its path, e.g. "3").
  public let layerPath: String
  /// The class explained, and its logit y.
  public let classIndex: Int, score: Double
  /// αₖ, one per channel of the layer's output.
  public let weights: [Float]
  /// ReLU(Σₖ αₖ Aₖ), `[h, w]`, unscaled.
  public let map: Tensor
  /// The map at the input's size, scaled to [0, 1], `[H, W]`.
  public let heat: Tensor
}

extension Sequential {
  /// Grad-CAM of `image` `[C, H, W]` (the model's input shape) for `classIndex` (nil: the
  /// predicted class) on the top-level layer at `layer` (nil: the last Conv2D or block whose
  /// output is `[K, h, w]`, else the last layer with such an output). Evaluation mode; the model's parameter gradients are left untouched.
  public func gradCAM(_ image: Tensor, classIndex: Int? = nil, layer: Int? = nil) throws -> GradCAM
  {
    let wasTraining = isTraining
    isTraining = false
    defer { isTraining = wasTraining }
    let input = Variable(try image.reshaped([1] + image.shape))
    let outputs = try GradMode.withoutGradients { try featureMaps(input) }
    // The last convolution (a Conv2D, or a block of layers such as a residual block), else the last layer with maps.
    let maps = outputs.indices.dropLast().filter { outputs[$0].output.shape.count == 4 }
    let convolutions = maps.filter {
      outputs[$0].layer is Conv2D || !outputs[$0].layer.children.isEmpty
    }
    guard let target = layer ?? convolutions.last ?? maps.last else {
      throw TrainingError.invalidArgument(
        "Grad-CAM needs a layer with feature maps [K, h, w]; this model has none")
    }
    guard outputs.indices.contains(target), outputs[target].output.shape.count == 4,
      target < outputs.count - 1
    else {
      throw TrainingError.invalidArgument(
        "Grad-CAM needs a layer with feature maps [K, h, w] before the output; layer \(target) is not one"
      )
    }
    let activation = outputs[target].output.value
    let leaf = Variable(activation, requiresGrad: true)
    var x = leaf
    for entry in keyedChildren.dropFirst(target + 1) { x = try entry.layer(x) }
    guard x.shape.count == 2, x.shape[0] == 1 else {
      throw TrainingError.outputMismatch("Grad-CAM needs class scores [1, classes], got \(x.shape)")
    }
    let scores = x.value.scalars
    let chosen = classIndex ?? scores.indices.max { scores[$0] < scores[$1] } ?? 0
    guard scores.indices.contains(chosen) else {
      throw TrainingError.invalidArgument("class \(chosen) is outside 0..<\(scores.count)")
    }
    var seed = [Float](repeating: 0, count: scores.count)
    seed[chosen] = 1
    try x.backward(gradient: Tensor(shape: x.shape, scalars: seed))
    for parameter in parameters { parameter.variable.zeroGrad() }
    let gradient = try leaf.grad ?? Tensor(zeros: activation.shape)
    let (map, weights) = try Self.weightedMap(activation, gradient)
    return GradCAM(
      layerPath: outputs[target].path, classIndex: chosen, score: Double(scores[chosen]),
      weights: weights, map: map,
      heat: try Self.heat(map, size: Size2(image.shape[1], image.shape[2])))
  }

  /// αₖ = mean of ∂y/∂Aₖ; map = ReLU(Σₖ αₖ Aₖ) `[h, w]` from A and ∂y/∂A `[1, K, h, w]`.
  static func weightedMap(_ a: Tensor, _ g: Tensor) throws -> (Tensor, [Float]) {
    let (k, h, w) = (a.shape[1], a.shape[2], a.shape[3])
    let plane = h * w
    let av = a.scalars, gv = g.scalars
    let weights = (0..<k).map { c in gv[(c * plane)..<((c + 1) * plane)].reduce(0, +) / Float(plane)
    }
    var map = [Float](repeating: 0, count: plane)
    for c in 0..<k {
      for i in 0..<plane { map[i] += weights[c] * av[c * plane + i] }
    }
    return (try Tensor(shape: [h, w], scalars: map.map { max($0, 0) }), weights)
  }

  /// The map resized to `size` (bilinear) and divided by its maximum.
  static func heat(_ map: Tensor, size: Size2) throws -> Tensor {
    let up = try Kernels.upsampleBilinear2d(try map.reshaped([1, 1] + map.shape), outputSize: size)
    let peak = up.scalars.max() ?? 0
    let scaled = peak > 0 ? up.scalars.map { max($0, 0) / peak } : up.scalars.map { _ in Float(0) }
    return try Tensor(shape: [size.h, size.w], scalars: scaled)
  }
}
