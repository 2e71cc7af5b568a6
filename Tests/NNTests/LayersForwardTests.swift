import Autograd
import Tensor
import Testing

@testable import NN

/// The Stride layer for each case name of layers.json.
private func strideLayer(for name: String) -> Layer? {
  let layers: [String: Layer] = [
    "conv_stride2_pad1": Conv2D(2, kernel: 3, stride: 2, padding: 1),
    "conv_dilated_grouped": Conv2D(4, kernel: 2, dilation: 2, groups: 2),
    "conv_same": Conv2D(1, kernel: 3, padding: .same, bias: false),
    "conv_transpose": ConvTranspose2D(2, kernel: 2, stride: 2),
    "dense": Dense(3),
    "maxpool2": MaxPool2D(2),
    "avgpool3_s2_p1": AvgPool2D(3, stride: 2, padding: 1),
    "global_avgpool": GlobalAvgPool2D(),
    "adaptive_avgpool2": AdaptiveAvgPool2D(2),
    "upsample_nearest": Upsample(),
    "upsample_bilinear": Upsample(mode: .bilinear),
    "flatten": Flatten(),
    "relu": ReLU(), "leaky_relu": LeakyReLU(0.2), "elu": ELU(), "gelu": GELU(), "tanh": Tanh(),
    "sigmoid": Sigmoid(), "softmax": Softmax(),
    "batchnorm_eval": BatchNorm2D(), "batchnorm_train": BatchNorm2D(),
  ]
  return layers[name]
}

@Suite("Layer forward passes against PyTorch")
struct LayersForwardTests {
  @Test("Every layer on a tiny input filled 0, 1, 2, … matches PyTorch")
  func everyLayer() throws {
    let cases = try loadCases("layers.json", as: LayerCase.self)
    #expect(cases.count == 21)
    for fixture in cases {
      let layer = try #require(strideLayer(for: fixture.name), "no layer for \(fixture.name)")
      _ = try layer.build(input: Array(fixture.input.shape.dropFirst()), seed: 0)
      layer.isTraining = fixture.name == "batchnorm_train"
      try load(fixture.parameters, into: layer.parameters.map { ($0.name, $0.variable) })
      try load(fixture.buffers, into: layer.buffers.map { ($0.name, $0.variable) })
      let output = try layer(Variable(try fixture.input.tensor()))
      #expect(
        close(output.value, try fixture.output.tensor()), "\(fixture.name): \(output.value.scalars)"
      )
      for (name, expected) in fixture.updated_buffers ?? [:] {
        let buffer = try #require(layer.buffers.first { $0.name == name })
        #expect(close(buffer.variable.value, try expected.tensor()), "\(fixture.name).\(name)")
      }
    }
  }

  @Test("Dropout: identity in evaluation; in training zeros about p and scales the rest, seeded")
  func dropout() throws {
    let input = Variable(try Tensor(repeating: 1, shape: [4, 1000]))
    let layer = Dropout(0.25)
    _ = try layer.build(input: [1000], seed: 3)
    layer.eval()
    #expect(try layer(input).value == input.value)
    layer.train()
    let first = try layer(input).value.scalars
    let zeros = first.filter { $0 == 0 }.count
    #expect(abs(Double(zeros) / 4000 - 0.25) < 0.03)
    #expect(first.allSatisfy { $0 == 0 || abs($0 - 4 / 3) < 1e-6 })
    #expect(try layer(input).value.scalars != first, "each call draws a new mask")
    let again = Dropout(0.25)
    _ = try again.build(input: [1000], seed: 3)
    #expect(try again(input).value.scalars == first)
  }

  @Test("Weights are seeded: same seed, same weights; another seed, others; PyTorch's bound")
  func seededInit() throws {
    let a = try LeNet5(seed: 1).parameters.map(\.variable.value)
    let b = try LeNet5(seed: 1).parameters.map(\.variable.value)
    let c = try LeNet5(seed: 2).parameters.map(\.variable.value)
    #expect(a == b)
    #expect(a != c)
    let bound: Float = 1 / (25 as Float).squareRoot()
    #expect(a[0].scalars.allSatisfy { abs($0) <= bound })
    #expect(a[0].scalars.contains { abs($0) > bound * 0.9 })
    let bn = try ResNet(depth: 8).parameters.first { $0.name == "bn1.weight" }
    #expect(bn?.variable.value.scalars.allSatisfy { $0 == 1 } == true)
  }

  @Test("A Sequential built at first call infers its sizes from the batch; errors name the layer")
  func lazySequential() throws {
    let model = Sequential {
      Conv2D(3, kernel: 3, activation: .relu)
      Flatten()
      Dense(2)
    }
    let output = try model(Variable(try Tensor(zeros: [5, 1, 6, 6])))
    #expect(output.shape == [5, 2])
    #expect(model.inputShape == [1, 6, 6])
    #expect(model.parameterCount == 3 * 10 + 2 * 48 + 2)
    #expect(throws: ShapeError.self) { try model(Variable(try Tensor(zeros: [5, 2, 6, 6]))) }
  }

  @Test("LeNet-5 and a small U-Net run forward to their advertised shapes")
  func modelForward() throws {
    let lenet = try LeNet5()
    #expect(try lenet(Variable(try Tensor(zeros: [2, 1, 32, 32]))).shape == [2, 10])
    let unet = try UNet(inChannels: 1, classes: 3, baseWidth: 2, depth: 2)
    let size = try #require(unet.inputShape)[1]
    let out = try unet(Variable(try Tensor(zeros: [1, 1, size, size])))
    #expect(out.shape == [1] + (try unet.outputShape(for: [1, size, size])))
  }
}

/// Copies fixture tensors into variables by name; every variable must have a fixture tensor.
func load(_ tensors: [String: FixtureTensor], into variables: [(String, Variable)]) throws {
  #expect(Set(tensors.keys) == Set(variables.map(\.0)))
  for (name, variable) in variables {
    let fixture = try #require(tensors[name])
    #expect(fixture.shape == variable.shape, "\(name)")
    variable.value = try fixture.tensor()
  }
}

@Suite("Fused layer pairs")
struct LayersFusionTests {
  /// A chain runs BatchNorm2D + ReLU as one fused op; the result and every gradient equal the
  /// two layers called one after the other.
  @Test func batchNormThenReluMatchesLayerByLayer() throws {
    func model() throws -> Sequential {
      try Sequential(input: [3, 7, 7], seed: 4) {
        Conv2D(5, kernel: 3, padding: 1)
        BatchNorm2D()
        ReLU()
        Conv2D(2, kernel: 3)
      }
    }
    var rng = SeededGenerator(seed: 3)
    let x = try Tensor.randomUniform(shape: [4, 3, 7, 7], low: -1, high: 1, using: &rng)
    let chained = try model(), stepwise = try model()
    let y1 = try chained(Variable(x))
    var v = Variable(x)
    for layer in stepwise.layers { v = try layer(v) }
    #expect(y1.value == v.value)
    try y1.sum().backward()
    try v.sum().backward()
    for (a, b) in zip(chained.parameters, stepwise.parameters) {
      #expect(a.variable.grad == b.variable.grad, "\(a.name)")
    }
    for (a, b) in zip(chained.buffers, stepwise.buffers) {
      #expect(a.variable.value == b.variable.value, "\(a.name)")
    }
  }
}
