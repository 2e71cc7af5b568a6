import Cancellation
import Display
import Foundation
import Lang
import NotebookRuntime
import TestSupport
import Testing

/// The language's tensor surface against PyTorch 2.13 (Fixtures/torch/tensor-surface.json, made by
/// scripts/gen_tensor_fixtures.py): each case's Stride expression of `x` gives PyTorch's output, and
/// `gradient(at:)` of sum(y · gy) gives PyTorch's input gradient (within 1e-4 relative, 1e-5 absolute).
@Suite struct TorchFixtureTests {
  struct TensorData: Decodable {
    let shape: [Int]
    let data: [Double]
    var literal: String { "Tensor(\(data), shape: \(shape))" }
  }

  struct Case: Decodable {
    let name, stride: String
    let x, y: TensorData
    let gy, gx: TensorData?
  }

  struct File: Decodable {
    let torch: String
    let cases: [Case]
  }

  static let cases: [Case] = {
    let directory =
      Bundle.module.resourceURL?.appendingPathComponent("Fixtures/torch")
      ?? URL(fileURLWithPath: "Fixtures/torch")
    guard let data = try? Data(contentsOf: directory.appendingPathComponent("tensor-surface.json"))
    else { return [] }
    return (try? JSONDecoder().decode(File.self, from: data).cases) ?? []
  }()

  func values(_ session: Session, _ source: String) throws -> [Double] {
    let result = session.execute(source, sink: RecordingSink(), cancellation: CancellationToken())
    if let error = result.error { throw HostError("Error", error.plainText) }
    return (result.value?.plainText ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
      .split(separator: ",")
      .compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
  }

  func expectClose(_ actual: [Double], _ expected: TensorData, _ what: String) {
    #expect(
      actual.count == expected.data.count,
      "\(what): \(actual.count) values, PyTorch has \(expected.data.count)")
    for (i, (a, e)) in zip(actual, expected.data).enumerated()
    where abs(a - e) > 1e-5 + 1e-4 * abs(e) {
      Issue.record("\(what)[\(i)]: \(a), PyTorch \(e)")
      return
    }
  }

  @Test func theFixturesAreThere() {
    #expect(Self.cases.count >= 15)
  }

  @Test(arguments: cases.map(\.name))
  func matchesPyTorch(_ name: String) throws {
    let item = try #require(Self.cases.first { $0.name == name })
    let session = NotebookRuntime.makeSession()
    _ = try values(session, "let x = \(item.x.literal)")
    var expression = item.stride
    if expression.hasPrefix("IMAGE ") {
      // PNG through the project's codec, read back resized: the values are whole 8-bit levels.
      let path = FileManager.default.temporaryDirectory.appendingPathComponent(
        "stride-torch-\(getpid())-\(name.hashValue).png"
      ).path
      _ = try values(session, "x.savePNG(\"\(path)\")")
      expression = "Tensor(imageFile: \"\(path)\", size: \(expression.dropFirst(6)))"
    }
    _ = try values(session, "let y = \(expression)")
    #expect(try values(session, "y.shape") == item.y.shape.map(Double.init), "\(name): shape")
    expectClose(try values(session, "y.scalars"), item.y, "\(name) output")
    if let gy = item.gy, let gx = item.gx {
      let gradient = try values(
        session, "gradient(at: x) { x in ((\(expression)) * \(gy.literal)).sum() }.scalars")
      expectClose(gradient, gx, "\(name) gradient")
    }
  }
}
