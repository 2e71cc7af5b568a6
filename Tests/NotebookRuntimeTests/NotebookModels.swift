import NN

/// The models the notebooks build (notebooks/src), written with NN's Swift API, which the cells'
/// language mirrors; the zoo calls they make are in `DiagramAuditTests.models()`.
enum NotebookModels {
  static func all() throws -> [(String, Layer, [Int]?)] {
    [
      (
        "01 twoSmall",
        try Sequential(input: [1, 32, 32]) {
          Conv2D(1, kernel: 3)
          Conv2D(1, kernel: 3)
        }, nil
      ),
      ("01 oneLarge", try Sequential(input: [1, 32, 32]) { Conv2D(1, kernel: 5) }, nil),
      ("02 lenet", try lenet(.tanh, pooling: false), nil),
      ("02 modern", try lenet(.relu, pooling: true), nil),
      ("03 slide", slide(), [3, 227, 227]),
      ("03 fixed", try fixed(), nil),
      (
        "06 model",
        try Sequential(input: [1, 32, 32]) {
          Conv2D(8, kernel: 5, activation: .relu)
          MaxPool2D(2)
          Flatten()
          Dense(10)
        }, nil
      ),
      ("06 custom", try custom(), nil),
      (
        "07 model",
        try Sequential(input: [1, 28, 28]) {
          Conv2D(8, kernel: 3, padding: 1, activation: .relu)
          MaxPool2D(2)
          Flatten()
          Dense(10)
        }, nil
      ),
    ]
  }

  /// 02's LeNet-5 (tanh, average pooling) and its modern twin (ReLU, max pooling).
  static func lenet(_ activation: Activation, pooling max: Bool) throws -> Sequential {
    try Sequential(input: [1, 32, 32]) {
      Conv2D(6, kernel: 5, activation: activation)
      if max { MaxPool2D(2) } else { AvgPool2D(2) }
      Conv2D(16, kernel: 5, activation: activation)
      if max { MaxPool2D(2) } else { AvgPool2D(2) }
      Flatten()
      Dense(120, activation: activation)
      Dense(84, activation: activation)
      Dense(10)
    }
  }

  /// 03's AlexNet as the lecture slide has it: the fifth convolution's 384 filters do not fit the
  /// first dense layer's 9216 inputs.
  static func slide() -> Sequential {
    Sequential { alexNetLayers(fifth: 384) }
  }

  static func fixed() throws -> Sequential {
    try Sequential(input: [3, 227, 227]) { alexNetLayers(fifth: 256) }
  }

  static func alexNetLayers(fifth: Int) -> [Layer] {
    [
      Conv2D(96, kernel: 11, stride: 4, activation: .relu), MaxPool2D(3, stride: 2),
      Conv2D(256, kernel: 5, padding: 2, activation: .relu), MaxPool2D(3, stride: 2),
      Conv2D(384, kernel: 3, padding: 1, activation: .relu),
      Conv2D(384, kernel: 3, padding: 1, activation: .relu),
      Conv2D(fifth, kernel: 3, padding: 1, activation: .relu), MaxPool2D(3, stride: 2), Flatten(),
      Dense(4096, inputs: 9216, activation: .relu), Dense(4096, activation: .relu), Dense(1000),
    ]
  }

  /// 06's conv-bn-relu unit used twice inside a residual block.
  static func custom() throws -> Sequential {
    func convBN(_ filters: Int) -> Sequential {
      Sequential {
        Conv2D(filters, kernel: 3, padding: 1, bias: false)
        BatchNorm2D()
        ReLU()
      }
    }
    return try Sequential(input: [1, 32, 32]) {
      convBN(16)
      Residual {
        convBN(16)
        convBN(16)
      }
      GlobalAvgPool2D()
      Flatten()
      Dense(10)
    }
  }
}
