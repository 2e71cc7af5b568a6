import Foundation
import Testing

@testable import NN

@Suite struct DataFashionMNISTTests {
  static let installed = FileManager.default.fileExists(
    atPath: FashionMNIST.defaultDirectory + "/t10k-images-idx3-ubyte.gz")

  @Test(.enabled(if: installed)) func loadsTheDebianFiles() throws {
    let data = try FashionMNIST(padding: 2)
    #expect(data.train.count == 60_000)
    #expect(data.test.count == 10_000)
    #expect(data.train.sampleShape == [1, 32, 32])
    #expect(data.classNames.count == 10 && data.classNames[9] == "Ankle boot")
    let labels = (0..<data.test.count).map { data.test.label(at: $0) }
    #expect(Set(labels) == Set(0..<10))
    // Padding is black and pixels are in [0, 1].
    var image = [Float](repeating: -1, count: 1024)
    data.train.copyImage(at: 0, into: &image, offset: 0)
    #expect(image[0] == 0 && image[1023] == 0 && image.allSatisfy { (0...1).contains($0) })
    #expect(image.contains { $0 > 0.5 })
  }

  @Test func missingFilesNameThePackage() {
    let error = #expect(throws: DataError.self) { try FashionMNIST(directory: "/nonexistent") }
    #expect(error?.description.contains("apt-get install dataset-fashion-mnist") == true)
  }

  @Test func mnistReadsUserFilesAndChecksCounts() throws {
    let dir = makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let images = try IDXFile(
      shape: [3, 2, 2], bytes: [0, 255, 0, 255, 51, 51, 51, 51, 1, 2, 3, 4])
    let labels = try IDXFile(shape: [3], bytes: [1, 9, 0])
    for stem in ["train", "t10k"] {
      try Data(images.encoded()).write(to: URL(fileURLWithPath: "\(dir)/\(stem)-images-idx3-ubyte"))
      try Data(labels.encoded()).write(to: URL(fileURLWithPath: "\(dir)/\(stem)-labels-idx1-ubyte"))
    }
    let mnist = try MNIST(path: dir, padding: 1)
    #expect(mnist.train.count == 3 && mnist.train.sampleShape == [1, 4, 4])
    #expect(mnist.train.label(at: 1) == 9)
    var image = [Float](repeating: -1, count: 16)
    mnist.train.copyImage(at: 1, into: &image, offset: 0)
    #expect(image[5] == Float(51) / 255 && image[0] == 0)

    let short = try IDXFile(shape: [2], bytes: [1, 2])
    try Data(short.encoded()).write(to: URL(fileURLWithPath: "\(dir)/t10k-labels-idx1-ubyte"))
    let error = #expect(throws: DataError.self) { try MNIST(path: dir) }
    #expect(error?.description.contains("3 images") == true)
  }

  @Test func standardizationMapsMeanToZero() {
    let table = Normalization.standardized(mean: 0.2, std: 0.5).table
    #expect(abs(table[51]) < 1e-6)
    #expect(abs(table[255] - 1.6) < 1e-6)
  }
}
