/// The magic lines of a cell (`%name argument` at the start of a line, `%%name` on the first),
/// found before Swift parsing and blanked out of the text the parser sees.
///
/// Blanking replaces each scalar with one space, so scalar offsets in the parsed text equal those
/// of the cell. `%time` and `%timeit` keep their argument as code: the statements that start on
/// their line become the magic's body. `%%time` on the first line takes every statement.
struct MagicLines {
  struct Line {
    /// `%seed`, `%%time`, …
    var name: String
    /// The whole line, name and argument.
    var span: Span
    /// The argument after the name and its blanks.
    var argument: Span
    /// Whether the argument stays in the parsed text as statements.
    var argumentIsCode: Bool { name == "%time" || name == "%timeit" }
  }

  private(set) var lines: [Line] = []
  /// The cell text with magic names (and non-code arguments) blanked.
  private(set) var parsedText: String

  init(_ file: SourceFile) {
    let scalars = file.scalars
    var blanked = scalars
    var lineStart = 0
    var insideTripleQuote = false
    while lineStart <= scalars.count {
      var lineEnd = lineStart
      while lineEnd < scalars.count, scalars[lineEnd] != "\n" { lineEnd += 1 }
      if !insideTripleQuote, let line = Self.magic(scalars, lineStart, lineEnd) {
        let blankEnd = line.argumentIsCode ? line.argument.start : lineEnd
        for index in line.span.start..<blankEnd { blanked[index] = " " }
        lines.append(line)
      }
      if Self.countTripleQuotes(scalars, lineStart, lineEnd) % 2 == 1 { insideTripleQuote.toggle() }
      lineStart = lineEnd + 1
    }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: blanked)
    parsedText = String(view)
  }

  /// A magic on the line `[start, end)`: `%` after blanks, then `%` or a letter.
  private static func magic(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Line? {
    var position = start
    while position < end, scalars[position] == " " || scalars[position] == "\t" { position += 1 }
    guard position + 1 < end, scalars[position] == "%" else { return nil }
    let next = scalars[position + 1]
    guard next == "%" || next == "_" || next.properties.isAlphabetic else { return nil }
    let nameStart = position
    position += next == "%" ? 2 : 1
    while position < end, isNameScalar(scalars[position]) { position += 1 }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[nameStart..<position])
    while position < end, scalars[position] == " " || scalars[position] == "\t" { position += 1 }
    var argumentEnd = end
    if argumentEnd > position, scalars[argumentEnd - 1] == "\r" { argumentEnd -= 1 }
    return Line(
      name: String(view), span: Span(nameStart, end),
      argument: Span(position, max(position, argumentEnd)))
  }

  private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "_" || scalar.properties.isAlphabetic || (scalar >= "0" && scalar <= "9")
  }

  private static func countTripleQuotes(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int)
    -> Int
  {
    var count = 0
    var index = start
    while index + 2 < end {
      if scalars[index] == "\"", scalars[index + 1] == "\"", scalars[index + 2] == "\"" {
        count += 1
        index += 3
      } else {
        index += 1
      }
    }
    return count
  }
}

extension MagicLines {
  /// Puts each magic line among the top-level statements, in source order, with its body: the
  /// statements that start on a `%time` line, or everything after `%%time`. A magic inside a block
  /// is an error.
  func attach(to statements: [Stmt], file: SourceFile, diagnostics: inout [Diagnostic]) -> [Stmt] {
    guard !lines.isEmpty else { return statements }
    var remaining = statements
    var magics: [Stmt] = []
    for line in lines {
      if remaining.contains(where: {
        $0.span.start < line.span.start && $0.span.end > line.span.start
      }) {
        diagnostics.append(
          Diagnostic(
            .magicInsideBlock(), file: file, span: Span(line.span.start, line.argument.start)))
        continue
      }
      var body: [Stmt] = []
      if line.name.hasPrefix("%%") {
        body = remaining.filter { $0.span.start >= line.span.end }
        remaining.removeAll { $0.span.start >= line.span.end }
      } else if line.argumentIsCode {
        body = remaining.filter {
          $0.span.start >= line.span.start && $0.span.start < line.span.end
        }
        remaining.removeAll { $0.span.start >= line.span.start && $0.span.start < line.span.end }
      }
      magics.append(
        Stmt(.magic(name: line.name, argument: file.text(line.argument), body: body), line.span))
    }
    return (remaining + magics).sorted { $0.span.start < $1.span.start }
  }
}
