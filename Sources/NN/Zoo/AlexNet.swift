/// AlexNet as torchvision has it (the single-GPU variant of Krizhevsky et al. 2012): 3x224x224
/// input, 61,100,840 parameters for 1000 classes, parameter names as torchvision's
/// (`features.0.weight`, `classifier.1.weight`).
public func AlexNet(classes: Int = 1000, seed: UInt64 = 0) throws -> Sequential {
  try Sequential(input: [3, 224, 224], seed: seed) {
    Sequential(name: "features") {
      Conv2D(64, kernel: 11, stride: 4, padding: 2)
      ReLU()
      MaxPool2D(3, stride: 2)
      Conv2D(192, kernel: 5, padding: 2)
      ReLU()
      MaxPool2D(3, stride: 2)
      Conv2D(384, kernel: 3, padding: 1)
      ReLU()
      Conv2D(256, kernel: 3, padding: 1)
      ReLU()
      Conv2D(256, kernel: 3, padding: 1)
      ReLU()
      MaxPool2D(3, stride: 2)
    }
    AdaptiveAvgPool2D(6).named("avgpool")
    Flatten().named("flatten")
    Sequential(name: "classifier") {
      Dropout()
      Dense(4096)
      ReLU()
      Dropout()
      Dense(4096)
      ReLU()
      Dense(classes)
    }
  }
}
