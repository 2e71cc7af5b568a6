/// The methods of String (a Character is a one-character String). A String also answers the
/// Array methods it lacks, on its characters (`"abc".map { … }`, `s.sorted()`, `s.enumerated()`).
enum StringMembers {
  static let table: BuiltinMembers.Table = Dictionary(grouping: methods + pieces, by: \.name)

  private static func text(_ value: Value) -> String { value.stringValue ?? "" }

  /// Character properties (`c.isLetter`, `c.asciiValue`), for a one-character String.
  static func characterProperty(_ text: String, _ name: String) -> Value? {
    guard let character = text.first, text.count == 1 else { return nil }
    switch name {
    case "isLetter": return .bool(character.isLetter)
    case "isNumber": return .bool(character.isNumber)
    case "isWhitespace": return .bool(character.isWhitespace)
    case "isUppercase": return .bool(character.isUppercase)
    case "isLowercase": return .bool(character.isLowercase)
    case "isPunctuation": return .bool(character.isPunctuation)
    case "asciiValue": return character.asciiValue.map { .int(Int($0)) } ?? .null
    case "wholeNumberValue": return character.wholeNumberValue.map(Value.int) ?? .null
    default: return nil
    }
  }

  static let characterPropertyNames = [
    "isLetter", "isNumber", "isWhitespace", "isUppercase", "isLowercase",
    "isPunctuation", "asciiValue", "wholeNumberValue",
  ]

  static let methods: [BuiltinMethod] = [
    BuiltinMethod("uppercased", returns: "String", "The text in upper case.") { r, _ in
      .string(text(r).uppercased())
    },
    BuiltinMethod("lowercased", returns: "String", "The text in lower case.") { r, _ in
      .string(text(r).lowercased())
    },
    BuiltinMethod(
      "hasPrefix", [P.plain("prefix", "String")], returns: "Bool",
      "Whether the text starts with the prefix."
    ) { r, c in
      .bool(text(r).hasPrefix(try c.string(0)))
    },
    BuiltinMethod(
      "hasSuffix", [P.plain("suffix", "String")], returns: "Bool",
      "Whether the text ends with the suffix."
    ) { r, c in
      .bool(text(r).hasSuffix(try c.string(0)))
    },
    BuiltinMethod(
      "contains", [P.plain("other", "String")], returns: "Bool",
      "Whether the text contains the other text (or Character)."
    ) { r, c in
      let other = try c.string(0)
      return .bool(other.isEmpty || text(r).contains(other))
    },
    BuiltinMethod(
      "contains", [P.label("where", "(Character) -> Bool", name: "predicate")], returns: "Bool",
      "Whether the closure is true for some character."
    ) { r, c in
      .bool(try text(r).contains { try c.test(c[0], .string(String($0))) })
    },
    BuiltinMethod(
      "filter", [P.plain("isIncluded", "(Character) -> Bool")], returns: "String",
      "The characters for which the closure is true, as a String."
    ) { r, c in
      .string(String(try text(r).filter { try c.test(c[0], .string(String($0))) }))
    },
    BuiltinMethod("reversed", returns: "String", "The characters in reverse order.") { r, _ in
      .string(String(text(r).reversed()))
    },
    BuiltinMethod(
      "replacingOccurrences",
      [P.label("of", "String", name: "target"), P.label("with", "String", name: "replacement")],
      returns: "String", "The text with every occurrence of `of` replaced by `with`."
    ) { r, c in
      let target = try c.string(0)
      guard !target.isEmpty else { return r }
      return .string(
        text(r).split(separator: target, omittingEmptySubsequences: false).joined(
          separator: try c.string(1)))
    },
    BuiltinMethod(
      "trimmingCharacters", [P.label("in", "CharacterSet", name: "set")], returns: "String",
      "The text without leading and trailing .whitespaces (or .whitespacesAndNewlines)."
    ) { r, c in
      guard case .implicitMember(let set) = c[0],
        set == "whitespaces" || set == "whitespacesAndNewlines" || set == "newlines"
      else {
        throw c.fail(
          .wrongType(
            c.function, expected: ".whitespaces, .whitespacesAndNewlines or .newlines",
            got: c[0].description))
      }
      let drop: (Character) -> Bool =
        set == "whitespaces"
        ? { $0 == " " || $0 == "\t" }
        : set == "newlines" ? { $0.isNewline } : { $0.isWhitespace }
      let characters = text(r).drop(while: drop)
      return .string(String(characters.reversed().drop(while: drop).reversed()))
    },
  ]

  static let pieces: [BuiltinMethod] = [
    BuiltinMethod(
      "split", [P.label("separator", "Character")], returns: "[String]",
      "The pieces between separators, empty pieces left out."
    ) { r, c in
      try split(text(r), c, omittingEmpty: true)
    },
    BuiltinMethod(
      "split",
      [
        P.label("separator", "Character"),
        P.label("omittingEmptySubsequences", "Bool", name: "omittingEmpty"),
      ],
      returns: "[String]",
      "The pieces between separators; empty pieces kept when the flag is false."
    ) { r, c in
      guard case .bool(let omitting) = c[1] else {
        throw c.fail(.wrongType(c.function, expected: "Bool", got: c[1].typeName))
      }
      return try split(text(r), c, omittingEmpty: omitting)
    },
    BuiltinMethod(
      "components", [P.label("separatedBy", "String", name: "separator")], returns: "[String]",
      "The pieces between separators, empty pieces kept."
    ) { r, c in
      let separator = try c.string(0)
      guard !separator.isEmpty else { return .array([r]) }
      return .array(
        text(r).split(separator: separator, omittingEmptySubsequences: false).map {
          .string(String($0))
        })
    },
    BuiltinMethod(
      "prefix", [P.plain("maxLength", "Int")], returns: "String", "The first n characters."
    ) { r, c in
      .string(String(text(r).prefix(try c.count(0, limit: Int.max))))
    },
    BuiltinMethod(
      "suffix", [P.plain("maxLength", "Int")], returns: "String", "The last n characters."
    ) { r, c in
      .string(String(text(r).suffix(try c.count(0, limit: Int.max))))
    },
    BuiltinMethod(
      "dropFirst", [P.optional(nil, "k", "Int", .int(1))], returns: "String",
      "All but the first k characters."
    ) { r, c in
      .string(String(text(r).dropFirst(try c.count(0, limit: Int.max))))
    },
    BuiltinMethod(
      "dropLast", [P.optional(nil, "k", "Int", .int(1))], returns: "String",
      "All but the last k characters."
    ) { r, c in
      .string(String(text(r).dropLast(try c.count(0, limit: Int.max))))
    },
  ]

  /// The pieces of `text` between the one-character separator of argument 0.
  private static func split(_ text: String, _ c: MethodCall, omittingEmpty: Bool) throws -> Value {
    let separator = try c.string(0)
    guard let character = separator.first, separator.count == 1 else {
      throw c.fail(
        .wrongType(c.function, expected: "a one-character String", got: Value.quote(separator)))
    }
    let pieces = text.split(
      separator: character, omittingEmptySubsequences: omittingEmpty)
    return .array(pieces.map { .string(String($0)) })
  }
}
