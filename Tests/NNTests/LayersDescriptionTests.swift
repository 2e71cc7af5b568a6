import Testing

@testable import NN

@Suite("Descriptions and the builder")
struct LayersDescriptionTests {
  @Test("Layers read like the code that builds them, defaults left out")
  func layerDescriptions() {
    #expect(
      Conv2D(6, kernel: 5, activation: .tanh).description
        == "Conv2D(6, kernel: 5, activation: .tanh)")
    #expect(
      Conv2D(64, kernel: 3, stride: 2, padding: 1, bias: false).description
        == "Conv2D(64, kernel: 3, stride: 2, padding: 1, bias: false)")
    #expect(
      Conv2D(8, kernel: 3, padding: .same, dilation: 2, groups: 2, inChannels: 4).description
        == "Conv2D(8, kernel: 3, padding: .same, dilation: 2, groups: 2, inChannels: 4)")
    #expect(Dense(120, activation: .tanh).description == "Dense(120, activation: .tanh)")
    #expect(Dense(1, inputs: 65536).description == "Dense(1, inputs: 65536)")
    #expect(AvgPool2D(2).description == "AvgPool2D(2)")
    #expect(MaxPool2D(3, stride: 2).description == "MaxPool2D(3, stride: 2)")
    #expect(MaxPool2D(2, stride: 2).description == "MaxPool2D(2)")
    #expect(Dropout().description == "Dropout()")
    #expect(Dropout(0.3).description == "Dropout(0.3)")
    #expect(LeakyReLU(0.2).description == "LeakyReLU(0.2)")
    #expect(LeakyReLU().description == "LeakyReLU()")
    #expect(BatchNorm2D().named("bn1").description == "BatchNorm2D().named(\"bn1\")")
    #expect(Upsample(mode: .bilinear).description == "Upsample(mode: .bilinear)")
    #expect(
      ConvTranspose2D(64, kernel: 2, stride: 2).description
        == "ConvTranspose2D(64, kernel: 2, stride: 2)")
  }

  @Test("LeNet-5 reads back as the lecture's cell")
  func lenetDescription() throws {
    #expect(
      try LeNet5().description == """
        Sequential(input: [1, 32, 32]) {
          Conv2D(6, kernel: 5, activation: .tanh)
          AvgPool2D(2)
          Conv2D(16, kernel: 5, activation: .tanh)
          AvgPool2D(2)
          Flatten()
          Dense(120, activation: .tanh)
          Dense(84, activation: .tanh)
          Dense(10)
        }
        """)
  }

  @Test("Nested blocks print as written: no inferred input shapes or derived seeds")
  func nestedDescriptions() throws {
    #expect(
      try LeNet5(seed: 3).description.hasPrefix("Sequential(input: [1, 32, 32], seed: 3) {\n"))
    let resnet = try ResNet(depth: 8).description
    #expect(
      resnet.contains(
        "\n  Sequential(name: \"layer2\") {\n    Residual(shortcut: .zeroPad(stride: 2)) {\n"))
    #expect(!resnet.contains("seed:"))
    let lazy = Sequential { Dense(2) }
    try lazy.build(input: [3])
    #expect(lazy.description == "Sequential {\n  Dense(2)\n}")
    #expect(Identity().description == "Identity()")
    #expect(
      Activation.allCases.map { $0.layer.description } == [
        "ReLU()", "Tanh()", "Sigmoid()", "LeakyReLU()", "ELU()", "GELU()", "Softmax()",
        "Identity()",
      ])
  }

  @Test("for and if inside a builder block generate layers")
  func builderControlFlow() throws {
    let deep = true
    let stage = Sequential {
      for _ in 0..<2 {
        Conv2D(64, kernel: 3, padding: 1, activation: .relu)
      }
      if deep { BatchNorm2D() } else { Dropout() }
      if !deep { ReLU() }
      MaxPool2D(2)
    }
    #expect(stage.layers.map(\.typeName) == ["Conv2D", "Conv2D", "BatchNorm2D", "MaxPool2D"])
    #expect(try stage.outputShape(for: [3, 32, 32]) == [64, 16, 16])
  }

  @Test("Training mode propagates through nested containers")
  func trainingMode() throws {
    let model = try ResNet(depth: 8)
    model.eval()
    let leaves = allLayers(model).filter { $0.children.isEmpty }
    #expect(leaves.allSatisfy { !$0.isTraining })
    model.train()
    let all = allLayers(model)
    #expect(all.allSatisfy { $0.isTraining })
  }
}

/// Every layer in a tree, depth first.
func allLayers(_ layer: Layer) -> [Layer] {
  [layer] + layer.children.flatMap(allLayers)
}
