/// Number and string literals.
extension Lexer {
  mutating func lexNumber() {
    let start = position
    if peek() == "0", let radixMark = peek(1), let radix = radix(of: radixMark) {
      position += 2
      lexDigits(start: start, radix: radix, digitsStart: position)
      return
    }
    while let scalar = peek(), isDigit(scalar) || scalar == "_" { position += 1 }
    var isFloat = false
    if !previousIsDot, peek() == ".", let next = peek(1), isDigit(next) {
      isFloat = true
      position += 1
      while let scalar = peek(), isDigit(scalar) || scalar == "_" { position += 1 }
    }
    if !previousIsDot, peek() == "e" || peek() == "E" {
      let save = position
      position += 1
      if peek() == "+" || peek() == "-" { position += 1 }
      if let scalar = peek(), isDigit(scalar) {
        isFloat = true
        while let scalar = peek(), isDigit(scalar) { position += 1 }
      } else {
        position = save
      }
    }
    let span = Span(start, position)
    let text = file.text(span).replacingUnderscores()
    if isFloat, let value = Double(text) {
      appendLiteral(.float(value), span)
    } else if let value = Int(text) {
      appendLiteral(.integer(value), span)
    } else {
      report(.integerLiteralOverflow(text), span)
      appendLiteral(.integer(0), span)
    }
  }

  private func radix(of scalar: Unicode.Scalar) -> Int? {
    switch scalar {
    case "x": return 16
    case "b": return 2
    case "o": return 8
    default: return nil
    }
  }

  private mutating func lexDigits(start: Int, radix: Int, digitsStart: Int) {
    while let scalar = peek(), scalar.properties.isASCIIHexDigit || scalar == "_" { position += 1 }
    let span = Span(start, position)
    let digits = file.text(Span(digitsStart, position)).replacingUnderscores()
    if let value = Int(digits, radix: radix) {
      appendLiteral(.integer(value), span)
    } else {
      report(.invalidNumberLiteral(file.text(span)), span)
      appendLiteral(.integer(0), span)
    }
  }

  private mutating func appendLiteral(_ kind: Token.Kind, _ span: Span) {
    appendToken(Token(kind: kind, text: file.text(span), span: span))
  }

  // MARK: - Strings

  mutating func lexString() {
    let start = position
    if peek(1) == "\"", peek(2) == "\"" {
      lexMultilineString(start: start)
      return
    }
    position += 1
    var parts: [StringPart] = []
    var text = ""
    while !abandoned {
      guard let scalar = peek(), scalar != "\n" else {
        let atEnd = position >= end
        report(.unterminatedString(), Span(start, start + 1), atEnd: atEnd)
        break
      }
      if scalar == "\"" {
        position += 1
        break
      }
      lexStringScalar(into: &text, parts: &parts)
    }
    if !text.isEmpty || parts.isEmpty { parts.append(.text(text)) }
    appendToken(Token(kind: .string(parts), text: "\"", span: Span(start, position)))
  }

  private mutating func lexMultilineString(start: Int) {
    position += 3
    while peek() == " " || peek() == "\t" { position += 1 }
    if peek() == "\n" { position += 1 }
    var parts: [StringPart] = []
    var text = ""
    var closed = false
    while !abandoned, let scalar = peek() {
      if scalar == "\"", peek(1) == "\"", peek(2) == "\"" {
        position += 3
        closed = true
        break
      }
      lexStringScalar(into: &text, parts: &parts)
    }
    if !closed && !abandoned { report(.unterminatedString(), Span(start, start + 3), atEnd: true) }
    if !text.isEmpty || parts.isEmpty { parts.append(.text(text)) }
    appendToken(Token(kind: .string(dedent(parts)), text: "\"\"\"", span: Span(start, position)))
  }

  /// Removes the indentation of the closing `"""` line from every line, and the final newline.
  private func dedent(_ parts: [StringPart]) -> [StringPart] {
    guard case .text(let last)? = parts.last, let newline = last.lastIndex(of: "\n") else {
      return parts
    }
    let indent = last[last.index(after: newline)...]
    guard indent.allSatisfy({ $0 == " " || $0 == "\t" }) else { return parts }
    var result = parts
    result[result.count - 1] = .text(String(last[..<newline]))
    guard !indent.isEmpty else { return result }
    return result.map { part in
      guard case .text(let text) = part else { return part }
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        line.hasPrefix(indent) ? String(line.dropFirst(indent.count)) : String(line)
      }
      return .text(lines.joined(separator: "\n"))
    }
  }

  private mutating func lexStringScalar(into text: inout String, parts: inout [StringPart]) {
    guard let scalar = peek() else { return }
    guard scalar == "\\" else {
      text.unicodeScalars.append(scalar)
      position += 1
      return
    }
    let escapeStart = position
    position += 1
    guard let escaped = peek() else { return }
    position += 1
    switch escaped {
    case "n": text += "\n"
    case "t": text += "\t"
    case "r": text += "\r"
    case "0": text += "\0"
    case "\\", "\"", "'": text.unicodeScalars.append(escaped)
    case "u": lexUnicodeEscape(into: &text, escapeStart: escapeStart)
    case "(":
      if !text.isEmpty { parts.append(.text(text)) }
      text = ""
      parts.append(.interpolation(skipInterpolation()))
    default:
      report(.invalidEscape(String(escaped)), Span(escapeStart, position))
    }
  }

  private mutating func lexUnicodeEscape(into text: inout String, escapeStart: Int) {
    guard peek() == "{" else {
      report(.invalidEscape("u"), Span(escapeStart, position))
      return
    }
    position += 1
    let digitsStart = position
    while let scalar = peek(), scalar.properties.isASCIIHexDigit { position += 1 }
    let digits = file.text(Span(digitsStart, position))
    if peek() == "}" { position += 1 }
    if let code = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(code) {
      text.unicodeScalars.append(scalar)
    } else {
      report(.invalidEscape("u{\(digits)}"), Span(escapeStart, position))
    }
  }

  /// Skips an interpolation's expression up to its matching `)`; returns the expression's span.
  private mutating func skipInterpolation() -> Span {
    let start = position
    guard interpolationDepth < Self.maximumInterpolationNesting else {
      report(.interpolationTooDeep(Self.maximumInterpolationNesting), Span(start - 2, start))
      abandoned = true
      position = end
      return Span(start, position)
    }
    var depth = 1
    while let scalar = peek() {
      if scalar == "(" {
        depth += 1
      } else if scalar == ")" {
        depth -= 1
        if depth == 0 {
          position += 1
          return Span(start, position - 1)
        }
      } else if scalar == "\"" {
        var inner = Lexer(file: file, span: Span(position, end), interpolationDepth: interpolationDepth + 1)
        inner.lexString()
        diagnostics += inner.diagnostics
        position = inner.position
        if inner.abandoned {
          abandoned = true
          return Span(start, position)
        }
        continue
      } else if scalar == "\n" {
        break
      }
      position += 1
    }
    report(.unterminatedInterpolation(), Span(start - 2, start), atEnd: position >= end)
    return Span(start, position)
  }
}

extension String {
  func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}
