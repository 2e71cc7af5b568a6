/// A linear scan of a cell's brackets before SwiftParser sees it, skipping comments and string
/// text (but entering `\(…)` interpolations).
///
/// SwiftParser stops at its nesting limit, but some inputs cost it far more than their length:
/// its diagnostics generator is quadratic in missing closers past the limit, and its lookahead for
/// `[` (array type or inline-array type?) doubles with each nested `[`. Input nested deeper than
/// `CellParser.maximumNesting` brackets, or `maximumSquareNesting` square brackets, is rejected
/// here in time linear in its length.
enum NestingScan {
  /// Square brackets one inside another (a 4-D array literal needs 4).
  static let maximumSquareNesting = 12

  /// Where the scan stopped: the offset of the first bracket past a limit, and which limit.
  struct TooDeep {
    var offset: Int
    var square: Bool
  }

  private enum Context {
    case bracket(Unicode.Scalar)
    /// `\(` inside a string: code until its `)`.
    case interpolation
    case string(multiline: Bool, pounds: Int)
  }

  static func check(_ s: [Unicode.Scalar]) -> TooDeep? {
    var stack: [Context] = []
    var depth = 0
    var squares = 0
    var i = 0
    while i < s.count {
      if case .string(let multiline, let pounds)? = stack.last {
        i = scanString(s, i, multiline: multiline, pounds: pounds, stack: &stack, depth: &depth)
        if depth > CellParser.maximumNesting { return TooDeep(offset: i - 1, square: false) }
        continue
      }
      let c = s[i]
      switch c {
      case "/" where i + 1 < s.count && s[i + 1] == "/":
        while i < s.count, s[i] != "\n" { i += 1 }
        continue
      case "/" where i + 1 < s.count && s[i + 1] == "*":
        i = skipBlockComment(s, i)
        continue
      case "\"", "#":
        var pounds = 0
        while i + pounds < s.count, s[i + pounds] == "#" { pounds += 1 }
        guard i + pounds < s.count, s[i + pounds] == "\"" else {
          i += max(1, pounds)
          continue
        }
        let multiline =
          i + pounds + 2 < s.count && s[i + pounds + 1] == "\"" && s[i + pounds + 2] == "\""
        stack.append(.string(multiline: multiline, pounds: pounds))
        i += pounds + (multiline ? 3 : 1)
        continue
      case "(", "[", "{":
        stack.append(.bracket(c))
        depth += 1
        if c == "[" { squares += 1 }
        if depth > CellParser.maximumNesting || squares > maximumSquareNesting {
          return TooDeep(offset: i, square: squares > maximumSquareNesting)
        }
      case ")", "]", "}":
        switch stack.last {
        case .bracket(let open)?:
          stack.removeLast()
          depth -= 1
          if open == "[" { squares -= 1 }
        case .interpolation?:
          stack.removeLast()
          depth -= 1
        default: break
        }
      default: break
      }
      i += 1
    }
    return nil
  }

  /// Scans string text from `i`: returns past an escape, an interpolation's `(` (pushed), the
  /// closing quote (popped) or a line end that ends a one-line string.
  private static func scanString(
    _ s: [Unicode.Scalar], _ start: Int, multiline: Bool, pounds: Int,
    stack: inout [Context], depth: inout Int
  ) -> Int {
    var i = start
    while i < s.count {
      let c = s[i]
      if c == "\\", hasPounds(s, i + 1, pounds) {
        let next = i + 1 + pounds
        if next < s.count, s[next] == "(" {
          stack.append(.interpolation)
          depth += 1
          return next + 1
        }
        i = next + 1
        continue
      }
      if c == "\"" {
        let quotes = multiline ? 3 : 1
        if (0..<quotes).allSatisfy({ i + $0 < s.count && s[i + $0] == "\"" }),
          hasPounds(s, i + quotes, pounds)
        {
          stack.removeLast()
          return i + quotes + pounds
        }
      }
      if c == "\n" && !multiline {
        stack.removeLast()
        return i + 1
      }
      i += 1
    }
    return i
  }

  private static func hasPounds(_ s: [Unicode.Scalar], _ start: Int, _ count: Int) -> Bool {
    (0..<count).allSatisfy { start + $0 < s.count && s[start + $0] == "#" }
  }

  private static func skipBlockComment(_ s: [Unicode.Scalar], _ start: Int) -> Int {
    var i = start
    var level = 0
    while i < s.count {
      if s[i] == "/", i + 1 < s.count, s[i + 1] == "*" {
        level += 1
        i += 2
      } else if s[i] == "*", i + 1 < s.count, s[i + 1] == "/" {
        level -= 1
        i += 2
        if level == 0 { return i }
      } else {
        i += 1
      }
    }
    return i
  }
}
