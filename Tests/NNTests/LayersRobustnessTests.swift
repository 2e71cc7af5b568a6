import Autograd
import Tensor
import Testing

@testable import NN

@Suite("Bad arguments are errors, never crashes")
struct LayersRobustnessTests {
  @Test("Out-of-range sizes, paddings, depths and input shapes throw ShapeError")
  func badArguments() {
    let cases: [() throws -> Any] = [
      { try Conv2D(0, kernel: 3).outputShape(for: [1, 8, 8]) },
      { try Conv2D(4, kernel: Int.max).outputShape(for: [1, 8, 8]) },
      { try Conv2D(4, kernel: 3, padding: .explicit(Int.max)).outputShape(for: [1, 8, 8]) },
      { try Conv2D(4, kernel: 3, padding: -2).outputShape(for: [1, 8, 8]) },
      { try Conv2D(4, kernel: 4, padding: .same).outputShape(for: [1, 8, 8]) },
      { try Conv2D(4, kernel: 3, groups: 3).outputShape(for: [4, 8, 8]) },
      { try MaxPool2D(0).outputShape(for: [1, 8, 8]) },
      {
        try ConvTranspose2D(2, kernel: 2, stride: 2, padding: Int.max).outputShape(for: [1, 4, 4])
      },
      { try Upsample(scale: -1).outputShape(for: [1, 4, 4]) },
      { try Dropout(1.5).outputShape(for: [3]) },
      { try Sequential(input: [1, Int.max, 4]) { Flatten() } },
      { try Sequential(input: []) { Flatten() } },
      { try Sequential(input: [-1, 4, 4]) { Flatten() } },
      { try ResNet(depth: 6_000_002) },
      { try UNet(depth: 60) },
      { try UNet(baseWidth: 0) },
      { try Sequential { Dense(3) }.summary(input: [0]) },
      { try LeNet5().remove(at: -1) },
    ]
    for (index, work) in cases.enumerated() {
      #expect(throws: ShapeError.self, "case \(index)") { try work() }
    }
  }

  @Test("Layers with impossible sizes declare no weights instead of crashing")
  func impossibleWeights() throws {
    #expect(Dense(3, inputs: Int.max).parameterCount == 0)
    #expect(Dense(-3, inputs: 4).parameters.isEmpty)
    #expect(Conv2D(-1, kernel: 3, inChannels: 1).parameterCount == 0)
  }

  @Test("A batch without a batch axis is a clear error")
  func missingBatchAxis() throws {
    let conv = Conv2D(2, kernel: 3, inChannels: 1)
    #expect(throws: ShapeError.self) { try conv(Variable(try Tensor(zeros: [8]))) }
    #expect(throws: ShapeError.self) { try conv(Variable(try Tensor(zeros: [1, 8, 8]))) }
  }
}
