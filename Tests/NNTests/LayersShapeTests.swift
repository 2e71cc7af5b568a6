import Testing

@testable import NN

/// The message of the `ShapeError` that `work` throws, or nil.
func shapeMessage(_ work: () throws -> Any) -> ShapeError? {
  do {
    _ = try work()
    return nil
  } catch let error as ShapeError {
    return error
  } catch {
    return nil
  }
}

@Suite("Layer shapes and errors")
struct LayersShapeTests {
  @Test("The lecture's parameter counts: a dense neuron on 256x256 vs one 3x3 filter")
  func lectureCounts() {
    #expect(Dense(1, inputs: 256 * 256).parameterCount == 65_537)
    #expect(Conv2D(1, kernel: 3, inChannels: 1).parameterCount == 10)
  }

  @Test("LeNet on 28x28 with a fixed Dense size: the error names the layer and the fix")
  func lenetOn28() {
    let error = shapeMessage {
      try Sequential(input: [1, 28, 28]) {
        Conv2D(6, kernel: 5, activation: .tanh)
        AvgPool2D(2)
        Conv2D(16, kernel: 5, activation: .tanh)
        AvgPool2D(2)
        Flatten()
        Dense(120, inputs: 400, activation: .tanh)
        Dense(84, activation: .tanh)
        Dense(10)
      }
    }
    #expect(
      error?.message
        == "Dense(120) expects 400 inputs but gets 256: the input is 28x28, did you mean padding: 2?"
    )
    #expect(error?.path == "5")
    #expect(error?.got == [256])
    #expect(error?.expected == "400 inputs")
    #expect(
      error?.description
        == "layer 5: Dense(120) expects 400 inputs but gets 256: the input is 28x28, did you mean padding: 2?"
    )
  }

  @Test("A Dense after a feature map asks for Flatten, with the nested path and name")
  func missingFlatten() {
    let error = shapeMessage {
      try Sequential(input: [1, 8, 8]) {
        Sequential(name: "head") {
          Conv2D(4, kernel: 3)
          Dense(10).named("classifier")
        }
      }
    }
    #expect(
      error?.message
        == "Dense(10) expects a flat input [features] but gets [4, 6, 6]: put Flatten() before it")
    #expect(
      error?.description
        == "layer head.classifier (\"classifier\"): Dense(10) expects a flat input [features] but gets [4, 6, 6]: put Flatten() before it"
    )
  }

  @Test("Channel mismatch and a kernel larger than the map")
  func convErrors() {
    let channels = shapeMessage {
      try Conv2D(8, kernel: 3, inChannels: 3).outputShape(for: [1, 8, 8])
    }
    #expect(
      channels?.message
        == "Conv2D(8, kernel: 3) expects 3 input channels but gets 1: the layer before it gives 1 channels; set inChannels: 1 or leave it out"
    )
    let small = shapeMessage { try Conv2D(8, kernel: 5).outputShape(for: [1, 4, 4]) }
    #expect(
      small?.message
        == "Conv2D(8, kernel: 5) needs an input of at least 5x5 but gets 4x4: add padding, use a smaller kernel, or remove a pooling layer before it"
    )
    let flat = shapeMessage { try MaxPool2D(2).outputShape(for: [10]) }
    #expect(
      flat?.message
        == "MaxPool2D(2) expects a [channels, height, width] input but gets [10]: it comes after Flatten() or a Dense layer; move it before them"
    )
  }

  @Test("A residual body that changes the shape needs a shortcut that does too")
  func residualMismatch() {
    let error = shapeMessage {
      try Sequential(input: [16, 8, 8]) {
        Residual {
          Conv2D(32, kernel: 3, stride: 2, padding: 1)
        }
      }
    }
    #expect(
      error?.message
        == "Residual's body gives [32, 4, 4] but its shortcut gives [16, 8, 8]: use shortcut: .projection(…) or .zeroPad(stride:) when the body changes the shape"
    )
    #expect(error?.path == "0")
  }

  @Test("Output shapes of every layer")
  func everyLayer() throws {
    #expect(try Conv2D(4, kernel: 3, padding: .same).outputShape(for: [2, 9, 7]) == [4, 9, 7])
    #expect(
      try Conv2D(4, kernel: 3, stride: 2, groups: 2).outputShape(for: [2, 9, 9]) == [4, 4, 4])
    #expect(
      try ConvTranspose2D(3, kernel: 3, stride: 2, padding: 1, outputPadding: 1)
        .outputShape(for: [2, 5, 5]) == [3, 10, 10])
    #expect(try Dense(7).outputShape(for: [3]) == [7])
    #expect(try MaxPool2D(2).outputShape(for: [3, 7, 7]) == [3, 3, 3])
    #expect(try AvgPool2D(3, stride: 1, padding: 1).outputShape(for: [3, 7, 7]) == [3, 7, 7])
    #expect(try GlobalAvgPool2D().outputShape(for: [3, 7, 7]) == [3])
    #expect(try AdaptiveAvgPool2D(2).outputShape(for: [3, 7, 7]) == [3, 2, 2])
    #expect(try BatchNorm2D().outputShape(for: [3, 7, 7]) == [3, 7, 7])
    #expect(try Dropout(0.2).outputShape(for: [5]) == [5])
    #expect(try Flatten().outputShape(for: [3, 4, 5]) == [60])
    #expect(try Upsample(scale: 3).outputShape(for: [2, 4, 5]) == [2, 12, 15])
    for layer: Layer in [ReLU(), LeakyReLU(), ELU(), GELU(), Tanh(), Sigmoid(), Softmax()] {
      #expect(try layer.outputShape(for: [2, 3]) == [2, 3])
    }
    let skip = SkipConcat {
      MaxPool2D(2)
      Conv2D(8, kernel: 3)
      ConvTranspose2D(4, kernel: 2, stride: 2)
    }
    #expect(try skip.outputShape(for: [4, 12, 12]) == [8, 8, 8])
  }

  @Test("Lazy sizes are fixed when the model learns its input shape")
  func lazyBuild() throws {
    let dense = Dense(3)
    #expect(dense.parameterCount == 0)
    #expect(dense.parameters.isEmpty)
    let model = Sequential {
      Flatten()
      dense
    }
    try model.build(input: [2, 2, 2])
    #expect(dense.inputs == 8)
    #expect(model.parameterCount == 27)
    #expect(model.parameters.map(\.name) == ["1.weight", "1.bias"])
    #expect(model.parameters[0].variable.value.shape == [3, 8])
  }
}
