import Testing

@testable import NN

@Suite("Model zoo")
struct ZooTests {
  @Test("Parameter totals equal the published figures")
  func parameterTotals() throws {
    #expect(try LeNet5().parameterCount == 61_706)
    #expect(try AlexNet().parameterCount == 61_100_840)
    #expect(try VGG11().parameterCount == 132_863_336)
    #expect(try VGG13().parameterCount == 133_047_848)
    #expect(try VGG16().parameterCount == 138_357_544)
    #expect(try VGG19().parameterCount == 143_667_240)
    #expect(try ResNet18().parameterCount == 11_689_512)
    #expect(try ResNet34().parameterCount == 21_797_672)
    #expect(try ResNet50().parameterCount == 25_557_032)
    #expect(try UNet(inChannels: 1, classes: 2).parameterCount == 31_030_658)
  }

  @Test("CIFAR ResNets: parameters of the paper's CIFAR-10 setting (option A adds none)")
  func cifarResNets() throws {
    #expect(try ResNet(depth: 20, inChannels: 3, classes: 10).parameterCount == 269_722)
    #expect(try ResNet(depth: 56, inChannels: 3, classes: 10).parameterCount == 853_018)
    #expect(try ResNet(depth: 110, inChannels: 3, classes: 10).parameterCount == 1_727_962)
    #expect(try PlainNet(depth: 20, inChannels: 3).parameterCount == 269_722)
    // baseWidth 8: stages of 8, 16, 32 filters. Stem 216 + 16, stage 1 3·1,184, stage 2
    // 3,520 + 2·4,672, stage 3 13,952 + 2·18,560, classifier 330.
    #expect(try ResNet(depth: 20, baseWidth: 8, inChannels: 3).parameterCount == 68_050)
    #expect(try PlainNet(depth: 20, baseWidth: 8, inChannels: 3).parameterCount == 68_050)
    #expect(try ResNet(depth: 20, baseWidth: 16, inChannels: 3).parameterCount == 269_722)
  }

  @Test("Output shapes at each model's standard input")
  func outputShapes() throws {
    #expect(try LeNet5().outputShape(for: [1, 32, 32]) == [10])
    #expect(try AlexNet().outputShape(for: [3, 224, 224]) == [1000])
    for model in [try VGG11(), try VGG13(), try VGG16(), try VGG19()] {
      #expect(try model.outputShape(for: [3, 224, 224]) == [1000])
    }
    for model in [try ResNet18(), try ResNet34(), try ResNet50()] {
      #expect(try model.outputShape(for: [3, 224, 224]) == [1000])
    }
    #expect(try ResNet(depth: 20).outputShape(for: [1, 32, 32]) == [10])
    #expect(try ResNet(depth: 20).outputShape(for: [1, 28, 28]) == [10])
    #expect(try PlainNet(depth: 20, activation: .sigmoid).outputShape(for: [1, 32, 32]) == [10])
    #expect(try UNet(inChannels: 1, classes: 2).outputShape(for: [1, 572, 572]) == [2, 388, 388])
    #expect(
      try UNet(inChannels: 3, classes: 5, baseWidth: 8, depth: 2).inputShape == [3, 140, 140])
  }

  @Test("Mult-adds agree with torchvision's published figures within 1%")
  func multAdds() throws {
    let published: [(Sequential, Double)] = [
      (try AlexNet(), 0.714e9), (try VGG11(), 7.609e9), (try VGG16(), 15.470e9),
      (try VGG19(), 19.632e9), (try ResNet18(), 1.814e9), (try ResNet34(), 3.664e9),
      (try ResNet50(), 4.089e9),
    ]
    for (model, figure) in published {
      let macs = Double(try model.summary().multAdds)
      #expect(abs(macs - figure) / figure < 0.01, "\(macs) vs \(figure)")
    }
  }

  @Test("A depth that is not 6n + 2 is an error that says which depths work")
  func badDepth() {
    #expect(throws: ShapeError.self) { try ResNet(depth: 21) }
    do {
      _ = try ResNet(depth: 21)
    } catch let error as ShapeError {
      #expect(
        error.message
          == "ResNet(depth: 21) needs a depth of the form 6n + 2: use 20, 32, 44, 56 or 110")
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test("Parameter names follow torchvision's")
  func torchvisionNames() throws {
    let names = try ResNet18().parameters.map(\.name)
    #expect(names.count == 62)
    #expect(names.prefix(3) == ["conv1.weight", "bn1.weight", "bn1.bias"])
    #expect(names.contains("layer2.0.downsample.0.weight"))
    #expect(names.contains("layer4.1.bn2.bias"))
    #expect(names.suffix(2) == ["fc.weight", "fc.bias"])
    let buffers = try ResNet18().buffers.map(\.name)
    #expect(buffers.prefix(2) == ["bn1.running_mean", "bn1.running_var"])
  }
}
