/// VGG (Simonyan and Zisserman 2014) as torchvision has it, without batch norm: 3x3 convolutions
/// with padding 1 and ReLU, 2x2 max pooling between stages, 3x224x224 input.
/// Parameters: VGG-11 132,863,336; VGG-13 133,047,848; VGG-16 138,357,544; VGG-19 143,667,240.
public func VGG11(classes: Int = 1000, seed: UInt64 = 0) throws -> Sequential {
  try vgg(stages: [1, 1, 2, 2, 2], classes: classes, seed: seed)
}

/// VGG-13: two convolutions in every stage.
public func VGG13(classes: Int = 1000, seed: UInt64 = 0) throws -> Sequential {
  try vgg(stages: [2, 2, 2, 2, 2], classes: classes, seed: seed)
}

/// VGG-16 (configuration D): 13 convolutions and 3 fully connected layers, 138,357,544 parameters.
public func VGG16(classes: Int = 1000, seed: UInt64 = 0) throws -> Sequential {
  try vgg(stages: [2, 2, 3, 3, 3], classes: classes, seed: seed)
}

/// VGG-19 (configuration E).
public func VGG19(classes: Int = 1000, seed: UInt64 = 0) throws -> Sequential {
  try vgg(stages: [2, 2, 4, 4, 4], classes: classes, seed: seed)
}

/// Stage widths 64, 128, 256, 512, 512; `stages[i]` convolutions in stage i.
func vgg(stages: [Int], classes: Int, seed: UInt64) throws -> Sequential {
  let widths = [64, 128, 256, 512, 512]
  return try Sequential(input: [3, 224, 224], seed: seed) {
    Sequential(name: "features") {
      for (count, width) in zip(stages, widths) {
        for _ in 0..<count {
          Conv2D(width, kernel: 3, padding: 1)
          ReLU()
        }
        MaxPool2D(2)
      }
    }
    AdaptiveAvgPool2D(7).named("avgpool")
    Flatten().named("flatten")
    Sequential(name: "classifier") {
      Dense(4096)
      ReLU()
      Dropout()
      Dense(4096)
      ReLU()
      Dropout()
      Dense(classes)
    }
  }
}
