/// ResNet-18 (He et al. 2016) as torchvision has it: 3x224x224 input, 11,689,512 parameters.
public func ResNet18(classes: Int = 1000, seed: UInt64 = 0) throws -> Sequential {
  try imageNetResNet(blocks: [2, 2, 2, 2], bottleneck: false, classes: classes, seed: seed)
}

/// ResNet-34: basic blocks 3-4-6-3, 21,797,672 parameters.
public func ResNet34(classes: Int = 1000, seed: UInt64 = 0) throws -> Sequential {
  try imageNetResNet(blocks: [3, 4, 6, 3], bottleneck: false, classes: classes, seed: seed)
}

/// ResNet-50: bottleneck blocks 3-4-6-3 (stride on the 3x3 convolution, "v1.5" as torchvision),
/// 25,557,032 parameters.
public func ResNet50(classes: Int = 1000, seed: UInt64 = 0) throws -> Sequential {
  try imageNetResNet(blocks: [3, 4, 6, 3], bottleneck: true, classes: classes, seed: seed)
}

/// The ImageNet ResNets; names follow torchvision (`layer1.0.conv1.weight`,
/// `layer2.0.downsample.0.weight`, `fc.weight`) and so does the initialisation (He normal,
/// fan-out, for convolutions).
func imageNetResNet(blocks: [Int], bottleneck: Bool, classes: Int, seed: UInt64) throws
  -> Sequential
{
  var channels = 64
  var stages: [Layer] = []
  for (stage, count) in blocks.enumerated() {
    let width = 64 << stage
    var layers: [Layer] = []
    for index in 0..<count {
      let stride = stage > 0 && index == 0 ? 2 : 1
      layers.append(
        bottleneck
          ? bottleneckBlock(inChannels: channels, width: width, stride: stride)
          : basicBlock(inChannels: channels, width: width, stride: stride))
      channels = width * (bottleneck ? 4 : 1)
    }
    stages.append(Sequential(name: "layer\(stage + 1)", layers: layers))
  }
  return try Sequential(input: [3, 224, 224], seed: seed) {
    Conv2D(64, kernel: 7, stride: 2, padding: 3, bias: false, weightInit: .heNormalFanOut)
      .named("conv1")
    BatchNorm2D().named("bn1")
    ReLU().named("relu")
    MaxPool2D(3, stride: 2, padding: 1).named("maxpool")
    stages
    GlobalAvgPool2D().named("avgpool")
    Dense(classes).named("fc")
  }
}

/// A 3x3 convolution without bias, padding 1, He-normal (fan-out) initialised, named.
func conv3x3(_ filters: Int, stride: Int = 1, name: String) -> Conv2D {
  Conv2D(
    filters, kernel: 3, stride: stride, padding: 1, bias: false,
    weightInit: .heNormalFanOut
  ).named(name)
}

/// The shortcut of a block that changes the shape: a strided 1x1 convolution and batch norm.
func downsample(_ filters: Int, stride: Int) -> Layer {
  Sequential(name: "downsample") {
    Conv2D(filters, kernel: 1, stride: stride, bias: false, weightInit: .heNormalFanOut)
    BatchNorm2D()
  }
}

/// Two 3x3 convolutions with batch norm (ResNet-18/34), ReLU after the sum.
func basicBlock(inChannels: Int, width: Int, stride: Int) -> Residual {
  let projection = stride != 1 || inChannels != width
  return Residual(shortcut: projection ? .projection(downsample(width, stride: stride)) : .identity)
  {
    conv3x3(width, stride: stride, name: "conv1")
    BatchNorm2D().named("bn1")
    ReLU()
    conv3x3(width, name: "conv2")
    BatchNorm2D().named("bn2")
  }
}

/// 1x1 reduce, 3x3 (strided), 1x1 expand to 4·width, each with batch norm (ResNet-50).
func bottleneckBlock(inChannels: Int, width: Int, stride: Int) -> Residual {
  let out = 4 * width
  let projection = stride != 1 || inChannels != out
  return Residual(shortcut: projection ? .projection(downsample(out, stride: stride)) : .identity) {
    Conv2D(width, kernel: 1, bias: false, weightInit: .heNormalFanOut).named("conv1")
    BatchNorm2D().named("bn1")
    ReLU()
    conv3x3(width, stride: stride, name: "conv2")
    BatchNorm2D().named("bn2")
    ReLU()
    Conv2D(out, kernel: 1, bias: false, weightInit: .heNormalFanOut).named("conv3")
    BatchNorm2D().named("bn3")
  }
}
