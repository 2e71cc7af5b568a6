import Cancellation
import Display
import Graphics
import NN
import Testing

@testable import NotebookRuntime
@testable import Plot

/// Every zoo model and every model in the notebooks, drawn by `diagram()` at each depth, read:
/// no two text boxes overlap, no line crosses a text box, everything lies on the canvas, the
/// canvas is at most 1,000 units wide and every text at least 11 units high. Checked on the scene.
struct DiagramAuditTests {
  static let audit = SceneAudit(maxWidth: 1000, minFontSize: 11)

  /// (name, model, input shape for the diagram or nil for the model's own).
  static func models() throws -> [(String, Layer, [Int]?)] {
    [
      ("LeNet5", try LeNet5(), nil), ("AlexNet", try AlexNet(), [3, 224, 224]),
      ("VGG11", try VGG11(), nil), ("VGG13", try VGG13(), nil), ("VGG16", try VGG16(), nil),
      ("VGG19", try VGG19(), nil),
      ("ResNet18", try ResNet18(), nil), ("ResNet34", try ResNet34(), nil),
      ("ResNet50", try ResNet50(), nil),
      ("ResNet(depth: 8)", try ResNet(depth: 8), nil),
      ("ResNet(depth: 20)", try ResNet(depth: 20), nil),
      ("ResNet(depth: 56)", try ResNet(depth: 56), nil),
      ("PlainNet(depth: 20)", try PlainNet(depth: 20), nil),
      ("PlainNet(depth: 8)", try PlainNet(depth: 8), nil),
      ("PlainNet(depth: 20, sigmoid)", try PlainNet(depth: 20, activation: .sigmoid), nil),
      (
        "PlainNet(depth: 20, no BN)", try PlainNet(depth: 20, activation: .tanh, batchNorm: false),
        nil
      ),
      ("UNet", try UNet(), [1, 572, 572]),
      (
        "UNet(depth: 2, same)",
        try UNet(inChannels: 1, classes: 2, baseWidth: 8, depth: 2, padding: .same, seed: 0), nil
      ),
      ("UNet(depth: 2)", try UNet(baseWidth: 8, depth: 2), nil),
    ] + (try NotebookModels.all())
  }

  @Test func everyDiagramReadsAtEveryDepth() throws {
    for (name, model, input) in try DiagramAuditTests.models() {
      for depth in 1...3 {
        let value = try DiagramValue.make(model, input: input, depth: depth)
        let scene = value.figure.scene()
        let problems = DiagramAuditTests.audit.problems(in: scene)
        #expect(problems.isEmpty, "\(name) at depth \(depth): \(problems.prefix(5))")
        #expect(!DiagramAuditTests.audit.textBoxes(in: scene).isEmpty)
      }
    }
  }

  @Test func stagesCollapseAtDepthOneAndOpenBelow() throws {
    let resnet = try ResNet34()
    let stages = try #require(
      try DiagramValue.make(resnet, input: nil, depth: 1).figure as? ArchitectureDiagram)
    #expect(stages.nodes.map(\.label).contains("3 × BasicBlock"))
    #expect(
      stages.nodes.contains {
        $0.detail == "64 → 64, 56×56" && $0.repeats == 3 && $0.shortcut == .identity
      })
    #expect(
      stages.nodes.contains {
        $0.detail == "64 → 128, 28×28" && $0.shortcut == .projection("1x1 conv /2")
      })
    let blocks = try #require(
      try DiagramValue.make(resnet, input: nil, depth: 2).figure as? ArchitectureDiagram)
    #expect(blocks.nodes.filter { $0.label == "BasicBlock" }.count == 16)
    let layers = try #require(
      try DiagramValue.make(resnet, input: nil, depth: 3).figure as? ArchitectureDiagram)
    #expect(layers.nodes.filter { $0.label == "Conv2D" }.count == 33)
    #expect(layers.edges.filter { $0.kind == .residual }.count == 16)
    let plain = try #require(
      try DiagramValue.make(try PlainNet(depth: 20), input: nil, depth: 1).figure
        as? ArchitectureDiagram)
    #expect(
      plain.nodes.map(\.label) == [
        "Input", "Conv2D", "6 × Conv2D 3x3", "6 × Conv2D 3x3", "6 × Conv2D 3x3", "GlobalAvgPool2D",
        "Dense",
      ])
  }

  @Test func hoverCarriesParametersMultAddsAndActivations() throws {
    let value = try DiagramValue.make(try LeNet5(), input: nil, depth: 1)
    let svg = value.figure.svg()
    // conv1: 6·(25 + 1) = 156 parameters, 6·28·28·26 = 122,304 mult-adds, 6·28·28·4 = 18,816 bytes.
    #expect(
      svg.contains(
        "<title>Conv2D(6, kernel: 5, activation: .tanh)\noutput [6, 28, 28] · 156 parameters · 122,304 mult-adds · activations 18.8 KB</title>"
      ))
  }

  @Test func aModelThatDoesNotFitIsDrawnUpToTheFailingLayerInRed() throws {
    let slide = NotebookModels.slide()
    #expect(throws: ShapeError.self) { try slide.summary(input: [3, 227, 227]) }
    let diagram = try #require(
      try DiagramValue.make(slide, input: [3, 227, 227], depth: 1).figure as? ArchitectureDiagram)
    let last = try #require(diagram.nodes.last)
    #expect(
      last.label == "Dense" && last.error?.contains("expects 9216 inputs but gets 13824") == true)
    #expect(diagram.nodes.dropLast().allSatisfy { $0.error == nil })
    let strings = DiagramAuditTests.audit.textBoxes(in: diagram.scene()).map(\.string)
    #expect(strings.contains("shape error"))
    #expect(
      strings.contains { $0.hasPrefix("Shape error at Dense: Dense(4096) expects 9216 inputs") })
  }

  @Test func aUNetIsDrawnAsAU() throws {
    let u = try #require(
      try DiagramValue.make(try UNet(), input: [1, 572, 572], depth: 1).figure as? UNetDiagram)
    #expect(u.levels.count == 5)
    #expect(u.levels.map { $0.encoder.last?.shape[0] ?? 0 } == [64, 128, 256, 512, 1024])
    #expect(u.levels.map(\.decoder.count) == [4, 3, 3, 3, 0])
    #expect(u.levels[0].decoder.first?.shape == [128, 392, 392])
    #expect(u.down == "max pool 2x2" && u.up == "up-conv 2x2" && u.skip == "copy and crop")
    let layout = UNetLayout(u)
    // Contracting path down the left, expanding path up the right.
    #expect(layout.rowY == layout.rowY.sorted())
    let encoderX = (0..<5).map { layout.box(.init(level: $0, up: false, index: 0)).x }
    #expect(encoderX == encoderX.sorted())
    let decoderX = (0..<4).map { layout.box(.init(level: $0, up: true, index: 0)).x }
    #expect(decoderX == decoderX.sorted(by: >))
  }
}

/// `diagram(input:depth:)` as cells call it.
struct DiagramCallTests {
  @Test func cellsDrawStagesBlocksAndTheFailingLayer() throws {
    let stages = try resultBundle(["ResNet18().diagram()"])
    #expect(stages.plainText.contains("2 × BasicBlock 64x56x56"))
    let blocks = try resultBundle(["ResNet18().diagram(depth: 2)"])
    #expect(blocks.plainText.components(separatedBy: "BasicBlock").count - 1 == 8)
    let broken = try resultBundle([
      "Sequential { Conv2D(4, kernel: 3); Flatten(); Dense(10, inputs: 7) }.diagram(input: [1, 8, 8])"
    ])
    #expect(
      broken.plainText.contains("Flatten 144 → Dense  ✗ Dense(10) expects 7 inputs but gets 144"))
    #expect(broken.data["image/svg+xml"]?.contains("shape error") == true)
  }

  @Test func aDepthBelowOneIsAClearErrorAndTheSessionGoesOn() throws {
    let session = NotebookRuntime.makeSession()
    let result = session.execute(
      "let m = LeNet5()\nm.diagram(depth: 0)", sink: RecordingSink(),
      cancellation: CancellationToken())
    #expect(
      result.error?.plainText.contains("diagram(depth:) needs a depth of 1 or more, got 0") == true)
    #expect(try resultBundle(["m.parameterCount"], session: session).plainText == "61706")
  }
}
