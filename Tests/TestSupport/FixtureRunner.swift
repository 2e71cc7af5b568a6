import Foundation

/// One cell of a fixture file with the output it must produce.
public struct FixtureCell: Sendable {
  /// `file.swift#2`, for failure messages.
  public let id: String
  /// The cell name to run it under (`cell1`, `cell2`, … within its file).
  public let cellName: String
  /// The cell's source, annotations included (they are comments).
  public let source: String
  /// The exact text the cell must produce (lines joined with "\n", each ending in "\n").
  public let expected: String
  /// Lines the cell's `readLine()` calls receive (`// input: text`).
  public let input: [String]
}

/// Reads fixture files (jlox-style golden tests) and checks cells against their annotations.
///
/// A fixture is a `.swift` file of cells separated by lines `// ---`; the cells of one file run in
/// one session, in order. In a cell:
/// - `// expect: text` is one line of expected output (stdout, displays, the result's plain text);
/// - `// error:` starts a block of expected diagnostic text: the following lines that begin with
///   `//`, with `// ` (or a lone `//`) stripped, to the first line that does not begin with `//`;
/// - `// input: text` is a line handed to `readLine()`.
/// The runner is language-agnostic: the caller supplies `execute`, which runs a cell and returns
/// its transcript (Lang's `Session.transcript(of:cellName:input:)`), so hosts configure sessions.
public enum FixtureRunner {
  /// The cells of one fixture text.
  public static func cells(in text: String, fileName: String) -> [FixtureCell] {
    let chunks = text.components(separatedBy: "\n// ---\n")
    return chunks.enumerated().map { index, chunk in
      let (expected, input) = expectations(in: chunk)
      return FixtureCell(
        id: "\(fileName)#\(index + 1)", cellName: "cell\(index + 1)", source: chunk,
        expected: expected, input: input)
    }
  }

  private static func expectations(in chunk: String) -> (String, [String]) {
    var lines: [String] = []
    var input: [String] = []
    var inErrorBlock = false
    for rawLine in chunk.components(separatedBy: "\n") {
      let line = rawLine.trimmingCharacters(in: .init(charactersIn: " "))
      if inErrorBlock {
        if line == "//" {
          lines.append("")
          continue
        }
        if line.hasPrefix("// ") {
          lines.append(String(line.dropFirst(3)))
          continue
        }
        inErrorBlock = false
      }
      if let range = rawLine.range(of: "// expect:") {
        lines.append(String(rawLine[range.upperBound...].drop { $0 == " " }))
      } else if line == "// error:" {
        inErrorBlock = true
      } else if let range = rawLine.range(of: "// input: ") {
        input.append(String(rawLine[range.upperBound...]))
      }
    }
    return (lines.map { $0 + "\n" }.joined(), input)
  }

  /// Runs every cell of a fixture text in order; returns one message per mismatching cell.
  public static func check(_ text: String, fileName: String, execute: (FixtureCell) -> String)
    -> [String]
  {
    cells(in: text, fileName: fileName).compactMap { cell in
      let actual = execute(cell)
      guard actual != cell.expected else { return nil }
      return "\(cell.id): output differs\n--- expected\n\(cell.expected)--- actual\n\(actual)---"
    }
  }

  /// The `.swift` fixture files in a directory, sorted by name.
  public static func files(in directory: URL) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".swift") }.sorted().map {
      directory.appendingPathComponent($0)
    }
  }
}
