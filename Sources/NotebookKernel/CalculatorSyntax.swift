/// The syntax of the calculator: a tiny Swift-like language that stands in until `Lang` lands.
///
/// Statements (newline or `;` separated): `let x = e`, `var x = e`, `x = e`, `x += e` (`-= *= /=`),
/// `while e { … }`, `for i in a..<b { … }`, expressions. Expressions: Int, Double, String, Bool
/// literals, names, calls with optional labels `f(a, label: b)`, unary `-` `!`, binary
/// `* / % + - < <= > >= == != && ||` with the usual precedence, parentheses.
indirect enum CalcExpr {
  case literal(CalcValue)
  case name(String)
  case unary(String, CalcExpr)
  case binary(String, CalcExpr, CalcExpr)
  case call(String, [(label: String?, value: CalcExpr)])
}

/// One statement of the calculator.
enum CalcStatement {
  case bind(name: String, value: CalcExpr, mutable: Bool)
  case assign(name: String, op: String, value: CalcExpr)
  case expression(CalcExpr)
  case whileLoop(CalcExpr, [CalcStatement])
  case forLoop(name: String, from: CalcExpr, to: CalcExpr, closed: Bool, body: [CalcStatement])
}

/// A token of the calculator's source.
enum CalcToken: Equatable {
  case number(String)
  case string(String)
  case word(String)
  case symbol(String)
  case newline
}

/// A syntax error; `atEnd` means more input could complete the code (for `is_complete`).
struct CalcSyntaxError: Error {
  var message: String
  var atEnd: Bool
}

/// Splits source into tokens.
enum CalcLexer {
  static let symbols = ["..<", "...", "&&", "||", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=",
                        "+", "-", "*", "/", "%", "<", ">", "=", "!", "(", ")", "{", "}", ",", ":",
                        ";"]

  static func tokens(_ source: String) throws(CalcSyntaxError) -> [CalcToken] {
    var tokens: [CalcToken] = []
    var rest = Substring(source)
    while let first = rest.first {
      if first == "\n" || first == ";" {
        tokens.append(.newline)
        rest = rest.dropFirst()
      } else if first.isWhitespace {
        rest = rest.dropFirst()
      } else if rest.hasPrefix("//") {
        rest = rest.drop { $0 != "\n" }
      } else if first == "\"" {
        tokens.append(.string(try string(&rest)))
      } else if first.isNumber {
        let number = numberPrefix(rest)
        tokens.append(.number(String(number.filter { $0 != "_" })))
        rest = rest.dropFirst(number.count)
      } else if first.isLetter || first == "_" {
        let word = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        tokens.append(.word(String(word)))
        rest = rest.dropFirst(word.count)
      } else if let symbol = symbols.first(where: { rest.hasPrefix($0) }) {
        tokens.append(.symbol(symbol))
        rest = rest.dropFirst(symbol.count)
      } else {
        throw CalcSyntaxError(message: "unexpected character '\(first)'", atEnd: false)
      }
    }
    return tokens
  }

  /// Digits, an optional fraction (`.` then a digit, so `0..<n` stays a range), an exponent.
  private static func numberPrefix(_ text: Substring) -> Substring {
    func digits(_ part: Substring) -> Int { part.prefix { $0.isNumber || $0 == "_" }.count }
    var count = digits(text)
    var after = text.dropFirst(count)
    if after.first == ".", let next = after.dropFirst().first, next.isNumber {
      count += 1 + digits(after.dropFirst())
      after = text.dropFirst(count)
    }
    if let mark = after.first, mark == "e" || mark == "E" {
      let sign = after.dropFirst().first == "-" || after.dropFirst().first == "+" ? 1 : 0
      let exponent = digits(after.dropFirst(1 + sign))
      if exponent > 0 { count += 1 + sign + exponent }
    }
    return text.prefix(count)
  }

  private static func string(_ rest: inout Substring) throws(CalcSyntaxError) -> String {
    rest = rest.dropFirst()
    var text = ""
    while let character = rest.first {
      rest = rest.dropFirst()
      switch character {
      case "\"": return text
      case "\\":
        guard let escaped = rest.first else { break }
        rest = rest.dropFirst()
        text.append(["n": "\n", "t": "\t", "\"": "\"", "\\": "\\"][escaped] ?? escaped)
      case "\n": throw CalcSyntaxError(message: "unterminated string", atEnd: false)
      default: text.append(character)
      }
    }
    throw CalcSyntaxError(message: "unterminated string", atEnd: true)
  }
}
