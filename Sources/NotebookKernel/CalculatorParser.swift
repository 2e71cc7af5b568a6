/// A recursive-descent parser for the calculator; errors at the end of input say `atEnd`.
struct CalcParser {
  private var tokens: [CalcToken]
  private var index = 0
  private var depth = 0
  private static let maxDepth = 200

  /// Parses a whole cell.
  static func parse(_ source: String) throws(CalcSyntaxError) -> [CalcStatement] {
    var parser = CalcParser(tokens: try CalcLexer.tokens(source))
    let statements = try parser.statements(until: nil)
    return statements
  }

  private init(tokens: [CalcToken]) { self.tokens = tokens }

  // MARK: - Statements

  private mutating func statements(until closer: String?) throws(CalcSyntaxError) -> [CalcStatement] {
    var result: [CalcStatement] = []
    while true {
      while peek == .newline { index += 1 }
      guard let token = peek else {
        if closer != nil { throw CalcSyntaxError(message: "missing '}'", atEnd: true) }
        return result
      }
      if let closer, token == .symbol(closer) {
        index += 1
        return result
      }
      result.append(try statement())
      guard peek == nil || peek == .newline || (closer != nil && peek == .symbol(closer ?? "")) else {
        throw fail("expected the end of the statement")
      }
    }
  }

  private mutating func statement() throws(CalcSyntaxError) -> CalcStatement {
    switch peek {
    case .word("let"), .word("var"):
      let mutable = peek == .word("var")
      index += 1
      let name = try identifier()
      try expect("=")
      return .bind(name: name, value: try expression(), mutable: mutable)
    case .word("while"):
      index += 1
      let condition = try expression()
      try expect("{")
      return .whileLoop(condition, try statements(until: "}"))
    case .word("for"):
      return try forLoop()
    case .word(let name) where isAssignment(at: index + 1):
      index += 1
      guard case .symbol(let op) = next() else { throw fail("expected '='") }
      return .assign(name: name, op: op, value: try expression())
    default:
      return .expression(try expression())
    }
  }

  private mutating func forLoop() throws(CalcSyntaxError) -> CalcStatement {
    index += 1
    let name = try identifier()
    guard next() == .word("in") else { throw fail("expected 'in'") }
    let from = try binary(level: 3)
    guard case .symbol(let op) = next(), op == "..<" || op == "..." else {
      throw fail("expected a range 'a..<b' or 'a...b'")
    }
    let to = try binary(level: 3)
    try expect("{")
    return .forLoop(name: name, from: from, to: to, closed: op == "...", body: try statements(until: "}"))
  }

  private func isAssignment(at position: Int) -> Bool {
    guard position < tokens.count, case .symbol(let op) = tokens[position] else { return false }
    return ["=", "+=", "-=", "*=", "/="].contains(op)
  }

  // MARK: - Expressions

  private static let levels: [[String]] = [
    ["||"], ["&&"], ["==", "!=", "<", "<=", ">", ">="], ["+", "-"], ["*", "/", "%"],
  ]

  private mutating func expression() throws(CalcSyntaxError) -> CalcExpr { try binary(level: 0) }

  private mutating func binary(level: Int) throws(CalcSyntaxError) -> CalcExpr {
    guard level < Self.levels.count else { return try unary() }
    var left = try binary(level: level + 1)
    while case .symbol(let op) = peek, Self.levels[level].contains(op) {
      index += 1
      left = .binary(op, left, try binary(level: level + 1))
    }
    return left
  }

  private mutating func unary() throws(CalcSyntaxError) -> CalcExpr {
    if case .symbol(let op) = peek, op == "-" || op == "!" {
      index += 1
      return .unary(op, try unary())
    }
    return try primary()
  }

  private mutating func primary() throws(CalcSyntaxError) -> CalcExpr {
    depth += 1
    defer { depth -= 1 }
    guard depth < Self.maxDepth else { throw fail("expression nested too deeply") }
    switch next() {
    case .number(let text):
      if let value = Int(text) { return .literal(.int(value)) }
      if let value = Double(text) { return .literal(.double(value)) }
      throw fail("bad number '\(text)'")
    case .string(let text): return .literal(.string(text))
    case .word("true"): return .literal(.bool(true))
    case .word("false"): return .literal(.bool(false))
    case .word(let name):
      return peek == .symbol("(") ? try call(name) : .name(name)
    case .symbol("("):
      let inner = try expression()
      try expect(")")
      return inner
    case nil: throw CalcSyntaxError(message: "expected an expression", atEnd: true)
    default:
      index -= 1
      throw fail("expected an expression")
    }
  }

  private mutating func call(_ name: String) throws(CalcSyntaxError) -> CalcExpr {
    index += 1
    var arguments: [(label: String?, value: CalcExpr)] = []
    while peek != .symbol(")") {
      var label: String?
      if case .word(let word) = peek, index + 1 < tokens.count, tokens[index + 1] == .symbol(":") {
        label = word
        index += 2
      }
      arguments.append((label, try expression()))
      if peek == .symbol(",") { index += 1 } else { break }
    }
    try expect(")")
    return .call(name, arguments)
  }

  // MARK: - Tokens

  private var peek: CalcToken? { index < tokens.count ? tokens[index] : nil }

  private mutating func next() -> CalcToken? {
    defer { index += 1 }
    return peek
  }

  private mutating func identifier() throws(CalcSyntaxError) -> String {
    guard case .word(let name) = next() else { throw fail("expected a name") }
    return name
  }

  private mutating func expect(_ symbol: String) throws(CalcSyntaxError) {
    guard next() == .symbol(symbol) else { throw fail("expected '\(symbol)'") }
  }

  /// An error at the current token; at the end of input it is `atEnd`.
  private func fail(_ message: String) -> CalcSyntaxError {
    CalcSyntaxError(message: message, atEnd: index >= tokens.count)
  }
}
