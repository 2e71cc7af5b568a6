import Foundation
import Lang
import TestSupport
import Testing

/// Runs every fixture file in `Fixtures/` (one session per file, mock host registered).
struct FixtureTests {
  static var directory: URL {
    Bundle.module.resourceURL?.appendingPathComponent("Fixtures")
      ?? URL(fileURLWithPath: "Fixtures")
  }

  static let fileNames = FixtureRunner.files(in: directory).map(\.lastPathComponent)

  @Test func fixturesArePresent() {
    #expect(Self.fileNames.count >= 10)
  }

  @Test(arguments: fileNames)
  func fixture(_ name: String) throws {
    let text = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
    let session = Session()
    MockHost.install(in: session)
    let failures = FixtureRunner.check(text, fileName: name) { cell in
      session.transcript(of: cell.source, cellName: cell.cellName, input: cell.input)
    }
    for failure in failures { Issue.record(Comment(rawValue: failure)) }
  }
}
