import Tensor

/// The CIFAR-style ResNet of He et al. 2016 §4.2: depth `6n + 2` (20, 32, 44, 56, 110).
///
/// A 3x3 convolution to 16 channels, three stages of `n` basic blocks with 16, 32 and 64 filters
/// (the first block of stages 2 and 3 halves the map with stride 2), global average pooling and a
/// fully connected layer. Shortcuts are option A: identity, or subsample-and-zero-pad where the
/// shape changes, so they add no parameters (ResNet-20: 269,722; ResNet-56: 853,018 for 10
/// classes and 3 input channels). Built for a `[inChannels, 32, 32]` input; any size works.
/// `baseWidth` scales the stages to `baseWidth`, `2·baseWidth`, `4·baseWidth` filters (16 in the
/// paper; 8 needs about a quarter of the multiply-adds, for experiments that fit in minutes).
public func ResNet(
  depth: Int, baseWidth: Int = 16, inChannels: Int = 1, classes: Int = 10,
  seed: UInt64 = 0
) throws -> Sequential {
  try cifarNetwork(
    depth: depth, baseWidth: baseWidth, inChannels: inChannels, classes: classes,
    seed: seed, kind: "ResNet"
  ) { filters, stride, first in
    Residual(shortcut: first && stride != 1 ? .zeroPad(stride: stride) : .identity) {
      conv3x3(filters, stride: stride, name: "conv1")
      BatchNorm2D().named("bn1")
      ReLU()
      conv3x3(filters, name: "conv2")
      BatchNorm2D().named("bn2")
    }
  }
}

/// The plain counterpart of `ResNet(depth:)`: the same convolutions, batch norms and widths with
/// no shortcuts, to show why depth alone degrades training (He et al. 2016, Fig. 1). The
/// activation is configurable (`.sigmoid` shows vanishing gradients); `batchNorm: false` drops the
/// normalisation as well. `weightScale` multiplies every initial weight (of two or more axes):
/// above 1 it makes gradients explode. `baseWidth` as in `ResNet(depth:baseWidth:)`.
public func PlainNet(
  depth: Int, activation: Activation = .relu, batchNorm: Bool = true,
  weightScale: Double = 1, baseWidth: Int = 16, inChannels: Int = 1,
  classes: Int = 10, seed: UInt64 = 0
) throws -> Sequential {
  let model = try cifarNetwork(
    depth: depth, baseWidth: baseWidth, inChannels: inChannels,
    classes: classes, seed: seed, kind: "PlainNet",
    activation: activation, batchNorm: batchNorm
  ) {
    filters, stride, _ in
    Sequential {
      conv3x3(filters, stride: stride, name: "conv1")
      if batchNorm { BatchNorm2D().named("bn1") }
      activation.layer
      conv3x3(filters, name: "conv2")
      if batchNorm { BatchNorm2D().named("bn2") }
      activation.layer
    }
  }
  if weightScale != 1 {
    for parameter in model.parameters
    where parameter.name.hasSuffix("weight") && parameter.variable.shape.count >= 2 {
      parameter.variable.value = parameter.variable.value * Float(weightScale)
    }
  }
  return model
}

/// The shared skeleton: stem, three stages of `(depth − 2)/6` blocks, pooling and classifier.
func cifarNetwork(
  depth: Int, baseWidth: Int, inChannels: Int, classes: Int, seed: UInt64,
  kind: String,
  activation: Activation = .relu, batchNorm: Bool = true,
  block: (_ filters: Int, _ stride: Int, _ first: Bool) -> Layer
) throws
  -> Sequential
{
  guard depth >= 8, depth <= 2000, (depth - 2) % 6 == 0 else {
    throw ShapeError(
      layer: "\(kind)(depth: \(depth))", got: [], expected: "depth 6n + 2",
      problem: "\(kind)(depth: \(depth)) needs a depth of the form 6n + 2",
      fix: "use 20, 32, 44, 56 or 110")
  }
  let perStage = (depth - 2) / 6
  var stages: [Layer] = []
  for (stage, filters) in [baseWidth, 2 * baseWidth, 4 * baseWidth].enumerated() {
    let blocks = (0..<perStage).map { index in
      block(filters, stage > 0 && index == 0 ? 2 : 1, index == 0)
    }
    stages.append(Sequential(name: "layer\(stage + 1)", layers: blocks))
  }
  return try Sequential(input: [inChannels, 32, 32], seed: seed) {
    conv3x3(baseWidth, name: "conv1")
    if batchNorm { BatchNorm2D().named("bn1") }
    activation.layer
    stages
    GlobalAvgPool2D().named("avgpool")
    Dense(classes).named("fc")
  }
}
