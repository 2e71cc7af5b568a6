/// One piece of a string literal: literal text or an interpolated expression's source span.
enum StringPart: Equatable {
  case text(String)
  case interpolation(Span)
}

/// A lexical token with its span and the whitespace around it (Swift decides operator fixity by
/// whitespace: `a - b` and `a-b` are binary, `a -b` is prefix).
struct Token {
  enum Kind: Equatable {
    case identifier
    case keyword
    case integer(Int)
    case float(Double)
    case string([StringPart])
    case punctuation
    /// `%name rest-of-line` at the start of a line.
    case magic(name: String, argument: Span)
    case endOfInput
    case invalid
  }

  var kind: Kind
  /// The spelling: identifier name, keyword, operator or punctuation.
  var text: String
  var span: Span
  var newlineBefore = false
  var spaceBefore = false
  var spaceAfter = false

  func isPunct(_ spelling: String) -> Bool { kind == .punctuation && text == spelling }
  func isKeyword(_ spelling: String) -> Bool { kind == .keyword && text == spelling }
  var isIdentifier: Bool { kind == .identifier }
  var isEnd: Bool { kind == .endOfInput }
}

/// Words the lexer reports as keywords.
enum Keywords {
  /// Keywords of the supported subset.
  static let supported: Set<String> = [
    "let", "var", "func", "return", "if", "else", "guard", "for", "in", "while", "repeat",
    "break", "continue", "true", "false", "nil", "import",
  ]
  /// Swift keywords that start constructs Stride does not support (see `unsupportedConstruct`).
  static let unsupported: Set<String> = [
    "struct", "class", "protocol", "enum", "extension", "actor", "typealias", "inout", "async",
    "await", "throws", "throw", "try", "catch", "do", "switch", "defer", "init", "deinit",
    "subscript", "operator", "associatedtype", "fallthrough", "static", "private", "public",
    "fileprivate", "internal", "mutating", "override", "final", "weak", "lazy",
  ]
  static let all = supported.union(unsupported)
}
