import Autograd
import Tensor
import Testing

@testable import NN

@Suite("Paths, editing and the size formula")
struct LayersEditingTests {
  @Test("convOutputSize shows its working, as the lecture's first cell")
  func convOutputSizeFormula() throws {
    let size = try convOutputSize(input: 32, filter: 5, padding: 0, stride: 1)
    #expect(size.output == 28)
    #expect(size.text == "W' = (W − F + 2P)/S + 1 = (32 − 5 + 0)/1 + 1 = 28")
    #expect(try convOutputSize(input: 5, filter: 3, padding: 1).output == 5)
    #expect(try convOutputSize(input: 227, filter: 11, stride: 4).output == 55)
    #expect(try convOutputSize(input: 224, filter: 11, padding: 2, stride: 4).isFloored)
    #expect(throws: ShapeError.self) { try convOutputSize(input: 3, filter: 5) }
    #expect(throws: ShapeError.self) { try convOutputSize(input: 3, filter: 1, padding: -1) }
  }

  @Test("Layers are found by their paths, the same paths as parameter names")
  func paths() throws {
    let model = try ResNet18()
    #expect(model.layer(at: "layer1.0.conv1")?.typeName == "Conv2D")
    #expect(model.layer(at: "layer2.0.downsample.1")?.typeName == "BatchNorm2D")
    #expect(model.layer(at: "nowhere") == nil)
    let leaves = model.namedLayers.filter { $0.layer.children.isEmpty }
    let owners = Set(
      model.parameters.map { $0.name.split(separator: ".").dropLast().joined(separator: ".") })
    #expect(owners.isSubset(of: Set(leaves.map(\.path))))
  }

  @Test("A zoo model can be changed: a new head for 10 classes, rebuilt and counted")
  func editing() throws {
    let model = try LeNet5()
    try model.replace(at: 7, with: Dense(2))
    #expect(model.parameterCount == 61_706 - 850 + 170)
    try model.append(Softmax())
    #expect(try model.outputShape(for: [1, 32, 32]) == [2])
    #expect(throws: ShapeError.self) { try model.insert(Dense(5, inputs: 3), at: 5) }
    #expect(model.layers.count == 9)
    #expect(throws: ShapeError.self) { try model.remove(at: 12) }
    let removed = try model.remove(at: 8)
    #expect(removed.typeName == "Softmax")
  }

  @Test("A forward-pass shape error names the nested layer's path")
  func forwardErrorPath() throws {
    let model = try Sequential(input: [1, 8, 8]) {
      Sequential(name: "features") {
        Conv2D(2, kernel: 3)
      }
      Flatten()
      Dense(4)
    }
    do {
      _ = try model(Variable(try Tensor(zeros: [1, 3, 8, 8])))
      Issue.record("expected a shape error")
    } catch let error as ShapeError {
      #expect(error.path == "features.0")
      #expect(error.message.hasPrefix("Conv2D(2, kernel: 3) expects 1 input channels but gets 3"))
    }
  }
}

@Suite("Feature maps")
struct LayersFeatureMapTests {
  @Test("Every top-level layer's output, in order, with paths; layers print as code")
  func featureMaps() throws {
    let lenet = try LeNet5()
    let maps = try lenet.featureMaps(Variable(try Tensor(zeros: [2, 1, 32, 32])))
    #expect(maps.map(\.path) == ["0", "1", "2", "3", "4", "5", "6", "7"])
    #expect(maps[0].output.shape == [2, 6, 28, 28])
    #expect(maps[3].output.shape == [2, 16, 5, 5])
    #expect(maps.last?.output.shape == [2, 10])
    #expect("\(lenet.layers[0])" == "Conv2D(6, kernel: 5, activation: .tanh)")
  }
}
