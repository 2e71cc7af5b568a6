import Foundation
import Testing

@testable import NN

@Suite("Summary data")
struct SummaryDataTests {
  @Test("LeNet's output-size arithmetic, as the lecture writes it")
  func lenetArithmetic() throws {
    let rows = try LeNet5().summary().rows
    let texts = rows.flatMap(\.arithmetic).map(\.text)
    #expect(
      texts == [
        "W' = (W − F + 2P)/S + 1 = (32 − 5 + 0)/1 + 1 = 28",
        "W' = (W − F + 2P)/S + 1 = (28 − 2 + 0)/2 + 1 = 14",
        "W' = (W − F + 2P)/S + 1 = (14 − 5 + 0)/1 + 1 = 10",
        "W' = (W − F + 2P)/S + 1 = (10 − 2 + 0)/2 + 1 = 5",
      ])
    #expect(rows.allSatisfy { !$0.isFloored })
  }

  @Test("Per-layer shapes, parameters, mult-adds and receptive fields of LeNet-5")
  func lenetRows() throws {
    let summary = try LeNet5().summary()
    #expect(
      summary.rows.map(\.outputShape) == [
        [6, 28, 28], [6, 14, 14], [16, 10, 10], [16, 5, 5], [400], [120], [84], [10],
      ])
    #expect(summary.rows.map(\.parameters) == [156, 0, 2416, 0, 0, 48120, 10164, 850])
    #expect(summary.rows.map(\.receptiveField) == [5, 6, 14, 16, nil, nil, nil, nil])
    #expect(summary.multAdds == 122_304 + 241_600 + 48_120 + 10_164 + 850)
    #expect(summary.flops == 2 * summary.multAdds)
    #expect(summary.parameterBytes == 4 * 61_706)
    #expect(summary.inputBytes == 4 * 1024)
    #expect(summary.trainingActivationBytes == 8 * 8494)
    #expect(summary.inferenceActivationBytes == 4 * (4704 + 1176))
  }

  @Test("A stride that does not divide evenly is flagged: AlexNet's first pooling")
  func flooredFlag() throws {
    let layer = MaxPool2D(3, stride: 2)
    let cost = try layer.cost(input: [64, 28, 28])
    #expect(cost.arithmetic.count == 1)
    #expect(cost.arithmetic[0].isFloored)
    #expect(cost.arithmetic[0].output == 13)
    #expect(
      cost.arithmetic[0].text
        == "W' = (W − F + 2P)/S + 1 = (28 − 3 + 0)/2 + 1 = 13 (floored: 25/2 = 12.5, the stride does not divide evenly)"
    )
    let summary = try AlexNet().summary()
    #expect(summary.flooredLayers.map(\.path) == ["features.0"])
  }

  @Test("Non-square inputs get one line per axis; dilation shows its effective filter")
  func axesAndDilation() throws {
    let conv = Conv2D(4, kernel: 3, padding: 1, dilation: 2)
    let cost = try conv.cost(input: [1, 20, 30])
    #expect(
      cost.arithmetic.map(\.text) == [
        "H' = (H − F + 2P)/S + 1 = (20 − 5 + 2)/1 + 1 = 18 (F = 2·(3 − 1) + 1 = 5)",
        "W' = (W − F + 2P)/S + 1 = (30 − 5 + 2)/1 + 1 = 28 (F = 2·(3 − 1) + 1 = 5)",
      ])
    #expect(try conv.outputShape(for: [1, 20, 30]) == [4, 18, 28])
    let up = ConvTranspose2D(8, kernel: 2, stride: 2)
    #expect(
      try up.cost(input: [16, 14, 14]).arithmetic.map(\.text)
        == ["W' = (W − 1)·S − 2P + F = (14 − 1)·2 − 0 + 2 = 28"])
  }

  @Test("The depth limit folds nested blocks into one row with their totals")
  func depthLimit() throws {
    let summary = try ResNet18().summary(depth: 1)
    #expect(summary.rows.count == 10)
    let layer2 = try #require(summary.rows.first { $0.path == "layer2" })
    #expect(layer2.children.isEmpty)
    #expect(layer2.parameters == 230_144 + 295_424)
    #expect(layer2.outputShape == [128, 28, 28])
    let deep = try ResNet18().summary(depth: 3)
    let downsample = try #require(deep.rows.first { $0.path == "layer2.0.downsample" })
    #expect(downsample.depth == 3 && downsample.children.isEmpty && downsample.parameters == 8_448)
    #expect(try ResNet18().summary(depth: 4).rows.contains { $0.path == "layer2.0.downsample.0" })
    #expect(deep.totalParameters == summary.totalParameters)
    #expect(deep.buffers == 9_600)
  }

  @Test("Receptive fields: two 3x3 convolutions see 5x5, as one 5x5 does (the VGG argument)")
  func receptiveField() throws {
    let model = try Sequential(input: [1, 16, 16]) {
      Conv2D(1, kernel: 3)
      Conv2D(1, kernel: 3)
    }
    #expect(try model.summary().rows.map(\.receptiveField) == [3, 5])
    #expect(Conv2D(1, kernel: 5, inChannels: 1).parameterCount == 26)
    #expect(model.parameterCount == 20)
  }

  @Test("A summary of a model without an input shape asks for one")
  func needsInput() throws {
    let model = Sequential { Dense(3) }
    #expect(throws: ShapeError.self) { try model.summary() }
    #expect(try model.summary(input: [4]).rows.map(\.parameters) == [15])
  }

  @Test("A summary round-trips through JSON (for renderers in other modules)")
  func codable() throws {
    let summary = try ResNet(depth: 8).summary()
    let data = try JSONEncoder().encode(summary)
    #expect(try JSONDecoder().decode(ModelSummary.self, from: data) == summary)
  }
}
