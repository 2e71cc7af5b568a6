import Cancellation
import Foundation
import Lang

/// `stride run FILE.swift`: runs a file of cells outside Jupyter.
///
/// The file is one cell, or several in the percent format (`// %%` starts a code cell,
/// `// %% [markdown]` a markdown cell, which is skipped). Text goes to stdout, each rich output to
/// a file beside the source (`FILE-1.svg`, `FILE-2.png`, …, named on stdout), fit's progress is a
/// terminal bar, `name?` prints the name's help. The first error stops the run: its diagnostic goes to stderr and the exit code is 1
/// (2 when the file cannot be read), except in cells tagged `raises-exception`, which may fail.
/// `exit`/`quit` ends the run there, with status 0 (or the status given: `exit(3)`).
public enum FileRunner {
  /// Runs the file at `path`; returns the process exit code.
  public static func run(path: String) -> Int32 {
    run(
      path: path, out: { FileHandle.standardOutput.write(Data($0.utf8)) },
      err: { FileHandle.standardError.write(Data($0.utf8)) })
  }

  /// Runs the file with explicit output functions (tests capture them).
  public static func run(
    path: String, out: @escaping (String) -> Void, err: @escaping (String) -> Void
  ) -> Int32 {
    guard let data = FileManager.default.contents(atPath: path),
      let text = String(data: data, encoding: .utf8)
    else {
      err("stride run: cannot read \(path)\n")
      return 2
    }
    let base = path.hasSuffix(".swift") ? String(path.dropLast(6)) : path
    let sink = TerminalSink(base: base, out: out, err: err)
    let session = NotebookRuntime.makeSession()
    let name = URL(fileURLWithPath: path).lastPathComponent
    for cell in cells(of: text) {
      if let topic = Session.helpTopic(cell.source) {
        // `name?`: the help a notebook shows in its pager, as text.
        out((session.help(topic)?.plainText ?? "no help for '\(topic)': it is not defined") + "\n")
        continue
      }
      // Blank lines before the cell keep its line numbers those of the file in diagnostics.
      let padded = String(repeating: "\n", count: max(0, cell.line - 1)) + cell.source
      let result = session.execute(padded, cellName: name, sink: sink, cancellation: .process)
      sink.endLive()
      if let request = result.exitRequest { return Int32(request.status) }
      if let error = result.error {
        err(error.plainText + "\n")
        if !cell.allowsError { return 1 }
      }
      if let value = result.value { sink.show(value) }
    }
    return 0
  }

  /// A code cell and the line (1-based) it starts on in the file.
  struct Cell: Equatable {
    var source: String
    var line: Int
    /// Tagged `raises-exception` (`// %% tags=["raises-exception"]`): an error does not stop the run.
    var allowsError = false
  }

  /// The code cells of a percent-format file (the whole text when it has no `// %%` markers).
  static func cells(of text: String) -> [Cell] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard lines.contains(where: isMarker) else { return [Cell(source: text, line: 1)] }
    var cells: [Cell] = []
    var current: [String] = []
    var start = 1
    var isCode = true
    var allowsError = false
    func flush() {
      let source = current.joined(separator: "\n")
      if isCode && !source.allSatisfy(\.isWhitespace) {
        cells.append(Cell(source: source, line: start, allowsError: allowsError))
      }
      current = []
    }
    for (index, line) in lines.enumerated() {
      if isMarker(line) {
        flush()
        isCode = !line.contains("[markdown]") && !line.contains("[raw]")
        allowsError = line.contains("raises-exception")
        start = index + 2
      } else {
        current.append(line)
      }
    }
    flush()
    return cells
  }

  private static func isMarker(_ line: String) -> Bool {
    line.hasPrefix("// %%") || line.hasPrefix("#%%") || line.hasPrefix("# %%")
  }
}
