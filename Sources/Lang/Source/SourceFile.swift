/// The text of one cell (or file), as Unicode scalars, with a line table for locations.
///
/// Offsets everywhere in Lang count Unicode scalars (Jupyter's "code points"), so a cursor position
/// from the protocol indexes `scalars` directly. Lines and columns are 1-based.
public final class SourceFile: Sendable {
  /// The name shown in diagnostics, e.g. `cell3` or `train.swift`.
  public let name: String
  /// The source text as Unicode scalars.
  public let scalars: [Unicode.Scalar]
  /// Offsets at which each line starts; `lineStarts[0] == 0`.
  let lineStarts: [Int]

  /// Makes a source file from text.
  public init(name: String, text: String) {
    self.name = name
    self.scalars = Array(text.unicodeScalars)
    var starts = [0]
    for (offset, scalar) in scalars.enumerated() where scalar == "\n" { starts.append(offset + 1) }
    self.lineStarts = starts
  }

  /// The 1-based line and column of an offset (clamped into the text).
  public func location(of offset: Int) -> (line: Int, column: Int) {
    let clamped = max(0, min(offset, scalars.count))
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
    }
    return (low + 1, clamped - lineStarts[low] + 1)
  }

  /// The text of a 1-based line, without its newline.
  public func lineText(_ line: Int) -> String {
    guard line >= 1, line <= lineStarts.count else { return "" }
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] - 1 : scalars.count
    if end > start, scalars[end - 1] == "\r" { end -= 1 }
    return text(Span(start, max(start, end)))
  }

  /// The text covered by a span.
  public func text(_ span: Span) -> String {
    let lower = max(0, min(span.start, scalars.count))
    let upper = max(lower, min(span.end, scalars.count))
    var result = String.UnicodeScalarView()
    result.append(contentsOf: scalars[lower..<upper])
    return String(result)
  }
}

/// A half-open range of scalar offsets `[start, end)` within one source file.
public struct Span: Sendable, Equatable, Hashable {
  /// First scalar offset.
  public var start: Int
  /// One past the last scalar offset.
  public var end: Int

  /// Makes a span.
  public init(_ start: Int, _ end: Int) {
    self.start = start
    self.end = end
  }

  /// The smallest span covering both.
  func to(_ other: Span) -> Span { Span(min(start, other.start), max(end, other.end)) }
}
