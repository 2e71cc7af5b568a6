import Cancellation
import Display
import Foundation
import Lang
import NotebookRuntime
import TestSupport
import Testing

/// Runs every fixture file in `Fixtures/` through a runtime session (one session per file).
@Suite(.serialized)
struct FixtureTests {
  static var directory: URL {
    Bundle.module.resourceURL?.appendingPathComponent("Fixtures")
      ?? URL(fileURLWithPath: "Fixtures")
  }

  static let fileNames = FixtureRunner.files(in: directory).map(\.lastPathComponent)
  /// The fixtures that load Fashion-MNIST, run only where it is installed.
  static let needData = fileNames.filter { name in
    let text = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    return text?.contains("FashionMNIST(") ?? false
  }

  @Test func fixturesArePresent() {
    #expect(Self.fileNames.count >= 7)
  }

  /// What a reader sees as text, without the live progress display of `fit` (the one output with a
  /// display id, whose text has timings): stdout, displayed values, the result, the diagnostic.
  static func transcript(
    _ session: Session, _ source: String, cellName: String, input: [String] = []
  ) -> String {
    let sink = RecordingSink(inputLines: input)
    let result = session.execute(
      source, cellName: cellName, sink: sink, cancellation: CancellationToken())
    var text = ""
    for event in sink.events {
      switch event {
      case .text(let chunk, _): text += chunk
      case .display(let bundle, nil): text += bundle.plainText + "\n"
      default: break
      }
    }
    if let value = result.value { text += value.plainText + "\n" }
    if let error = result.error { text += error.plainText + "\n" }
    return text
  }

  @Test(arguments: fileNames.filter { !needData.contains($0) })
  func fixture(_ name: String) throws { try run(name) }

  @Test(.enabled(if: fashionMNISTInstalled), arguments: needData)
  func fixtureWithFashionMNIST(_ name: String) throws { try run(name) }

  func run(_ name: String) throws {
    let text = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
    let session = NotebookRuntime.makeSession()
    let failures = FixtureRunner.check(text, fileName: name) { cell in
      Self.transcript(session, cell.source, cellName: cell.cellName, input: cell.input)
    }
    for failure in failures { Issue.record(Comment(rawValue: failure)) }
  }
}
