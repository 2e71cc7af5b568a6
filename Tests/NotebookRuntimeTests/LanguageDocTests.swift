import Foundation
import Lang
import NotebookRuntime
import Testing

/// docs/LANGUAGE.md's examples run as tests: every ```swift block is a cell, run in order in one
/// session; a ```text block right after it is exactly what the cell prints or shows as text
/// (`FixtureTests.transcript`). A block without one must run without error.
@Suite struct LanguageDocTests {
  static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../docs/LANGUAGE.md").standardized

  /// The (code, expected text) pairs of a Markdown document, in order.
  static func examples(in markdown: String) -> [(code: String, expected: String?)] {
    var examples: [(code: String, expected: String?)] = []
    var fence: String?
    var body: [String] = []
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if let kind = fence {
        guard line == "```" else {
          body.append(line)
          continue
        }
        let text = body.joined(separator: "\n")
        if kind == "swift" {
          examples.append((text, nil))
        } else if kind == "text", let last = examples.last, last.expected == nil {
          examples[examples.count - 1].expected = text
        }
        fence = nil
        body = []
      } else if line.hasPrefix("```") {
        fence = String(line.dropFirst(3))
      }
    }
    return examples
  }

  @Test func everyExampleGivesTheTextShown() throws {
    let markdown = try String(contentsOf: Self.document, encoding: .utf8)
    let examples = Self.examples(in: markdown)
    #expect(examples.count >= 10)
    let session = NotebookRuntime.makeSession()
    for (index, example) in examples.enumerated() {
      let text = FixtureTests.transcript(session, example.code, cellName: "cell")
      if let expected = example.expected {
        #expect(
          text.trimmingCharacters(in: .newlines) == expected,
          "docs/LANGUAGE.md example \(index + 1):\n\(example.code)\n--- gave ---\n\(text)")
      } else {
        #expect(!text.contains("Error:"), "docs/LANGUAGE.md example \(index + 1) failed:\n\(text)")
      }
    }
  }
}
