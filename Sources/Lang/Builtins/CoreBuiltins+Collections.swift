import MemoryBudget

/// `Dictionary(…)`, `Set(…)`, `Character(_:)`, `SeededGenerator(seed:)`, and the extra signatures
/// of `String`, `Int` and `Double`: `String(format:_:)`, `String(repeating:count:)`,
/// `Int(exactly:)`, `Int(_:radix:)`, `Int.random(in:using:)`.
extension CoreBuiltins {
  static var collectionTypes: [NativeFunction] { [dictionary, set, character, seededGenerator] }

  /// Adds the extra signatures to the natives `conversions` made.
  static func addOverloads(_ functions: [NativeFunction]) {
    for function in functions {
      switch function.name {
      case "String": function.overloads = [stringFormat, stringRepeating, stringDescribing]
      case "stride": function.overloads = [stride(closed: true)]
      case "Int":
        function.overloads = [intExactly, intRadix]
        function.staticMembers["random"] = .native(random("Int"))
      default: break
      }
    }
  }

  private static var dictionary: NativeFunction {
    let make = NativeFunction(
      name: "Dictionary", returns: "Dictionary",
      doc: "An empty dictionary; also Dictionary(grouping:by:), "
        + "Dictionary(uniqueKeysWithValues:) and Dictionary(_:uniquingKeysWith:).",
      example:
        "Dictionary(grouping: [\"ab\", \"c\", \"de\"], by: { $0.count })   // [2: [\"ab\", \"de\"], 1: [\"c\"]]",
      isType: true
    ) { _ in .dictionary(DictionaryValue()) }
    make.overloads = [
      NativeFunction(
        name: "Dictionary",
        parameters: [
          P.label("grouping", "Sequence", name: "values"),
          P.label("by", "(Element) -> Key", name: "keyForValue"),
        ],
        returns: "Dictionary",
        doc: "The elements grouped in arrays under the key the closure gives each."
      ) { a in
        var result = DictionaryValue()
        for element in try sequence(a, "values") {
          let key = try a.context.call(a["keyForValue"], [element])
          let group = (result[key]?.arrayValue ?? []) + [element]
          guard result.set(key, .array(group)) else {
            throw fail(
              .wrongType(
                "Dictionary(grouping:by:) key", expected: "Int, Double, Bool or String",
                got: key.typeName))
          }
        }
        return .dictionary(result)
      },
      NativeFunction(
        name: "Dictionary",
        parameters: [P.label("uniqueKeysWithValues", "[(Key, Value)]", name: "pairs")],
        returns: "Dictionary",
        doc: "A dictionary of (key, value) pairs; a repeated key is an error."
      ) { a in
        try pairs(a, combine: nil)
      },
      NativeFunction(
        name: "Dictionary",
        parameters: [
          P.plain("pairs", "[(Key, Value)]"),
          P.label("uniquingKeysWith", "(Value, Value) -> Value", name: "combine"),
        ],
        returns: "Dictionary",
        doc: "A dictionary of (key, value) pairs; the closure combines a repeated key's values."
      ) { a in
        try pairs(a, combine: a["combine"])
      },
    ]
    return make
  }

  private static func sequence(_ arguments: Arguments, _ name: String) throws -> [Value] {
    guard let elements = BuiltinMembers.elements(of: arguments[name]) else {
      throw fail(
        .wrongType(
          "\(arguments.function): '\(name)'", expected: "a sequence", got: arguments[name].typeName)
      )
    }
    return elements
  }

  private static func pairs(_ arguments: Arguments, combine: Value?) throws -> Value {
    var result = DictionaryValue()
    for pair in try sequence(arguments, "pairs") {
      guard case .tuple(let parts) = pair, parts.count == 2 else {
        throw fail(
          .wrongType(arguments.function, expected: "(key, value) pairs", got: pair.typeName))
      }
      var value = parts[1]
      if let old = result[parts[0]] {
        guard let combine else {
          throw HostError(
            "ValueError",
            "duplicate key \(parts[0].debugDescription) in Dictionary(uniqueKeysWithValues:)")
        }
        value = try arguments.context.call(combine, [old, value])
      }
      guard result.set(parts[0], value) else {
        throw fail(
          .wrongType(
            "a dictionary key", expected: "Int, Double, Bool or String", got: parts[0].typeName))
      }
    }
    return .dictionary(result)
  }

  private static var set: NativeFunction {
    NativeFunction(
      name: "Set", parameters: [P.optional(nil, "elements", "Sequence", .array([]))],
      returns: "Set",
      doc: "A set of distinct elements (Int, Double, Bool or String), kept in insertion order.",
      example: "Set([3, 1, 3])   // [3, 1]", isType: true
    ) { a in
      guard let set = SetObject(elements: try sequence(a, "elements")) else {
        throw fail(
          .wrongType(
            "Set", expected: "elements of type Int, Double, Bool or String", got: "other values"))
      }
      return .host(set)
    }
  }

  private static var character: NativeFunction {
    NativeFunction(
      name: "Character", parameters: [P.plain("value", "String")], returns: "Character",
      doc: "A one-character String (cells have no separate Character type).",
      example: "Character(\"a\")", isType: true
    ) { a in
      let text = try a.string("value")
      guard text.count == 1 else {
        throw fail(.invalidConversion(Value.quote(text), "a Character (one character)"))
      }
      return .string(text)
    }
  }

  private static var seededGenerator: NativeFunction {
    NativeFunction(
      name: "SeededGenerator", parameters: [P.label("seed", "Int")], returns: "SeededGenerator",
      doc:
        "A reproducible random number generator for shuffled(using:), Int.random(in:using:) and the like.",
      example: "var g = SeededGenerator(seed: 42)"
    ) { a in
      .host(SeededGenerator(seed: UInt64(bitPattern: Int64(try a.int("seed")))))
    }
  }

  private static var stringFormat: NativeFunction {
    NativeFunction(
      name: "String",
      parameters: [
        P.label("format", "String"), Parameter(name: "arguments", type: "Any", variadic: true),
      ],
      returns: "String", doc: "printf-style text: %d %i %f %.3f %e %g %s %x %5.2f %%."
    ) { a in
      do {
        return .string(try StringFormat.format(try a.string("format"), try a.array("arguments")))
      } catch let failure as StringFormat.Failure {
        throw HostError(failure.kind, failure.message, hint: failure.hint)
      }
    }
  }

  private static var stringDescribing: NativeFunction {
    NativeFunction(
      name: "String", parameters: [P.label("describing", "Any", name: "instance")],
      returns: "String", doc: "The text form of any value, as `print` shows it."
    ) { a in
      .string(a["instance"].description)
    }
  }

  private static var stringRepeating: NativeFunction {
    NativeFunction(
      name: "String", parameters: [P.label("repeating", "String"), P.label("count", "Int")],
      returns: "String",
      doc: "The text repeated count times."
    ) { a in
      let text = try a.string("repeating")
      let count = try a.int("count")
      let bytes = text.utf8.count.multipliedReportingOverflow(by: count)
      guard count >= 0, !bytes.overflow, bytes.partialValue <= Interpreter.maximumStringLength
      else {
        throw fail(
          .invalidConversion(
            "count \(count)", "a String length (0 up to \(Interpreter.maximumStringLength) bytes)"))
      }
      do throws(MemoryError) {
        try MemoryBudget.reserve(count: bytes.partialValue, stride: 1)
      } catch {
        throw fail(.outOfMemory("string", error.description))
      }
      return .string(String(repeating: text, count: count))
    }
  }

  private static var intExactly: NativeFunction {
    NativeFunction(
      name: "Int", parameters: [P.label("exactly", "Double", name: "source")], returns: "Int?",
      doc: "The Int equal to the number, nil when it has a fraction or does not fit."
    ) { a in
      switch a["source"] {
      case .int(let number): return .int(number)
      case .double(let number): return Int(exactly: number).map(Value.int) ?? .null
      case let other:
        throw fail(.wrongType("Int(exactly:)", expected: "a number", got: other.typeName))
      }
    }
  }

  private static var intRadix: NativeFunction {
    NativeFunction(
      name: "Int", parameters: [P.plain("text", "String"), P.label("radix", "Int")],
      returns: "Int?",
      doc: "The Int written in base radix (2...36), nil when the text is not such a number."
    ) { a in
      let radix = try a.int("radix")
      guard (2...36).contains(radix) else {
        throw fail(.invalidConversion("radix \(radix)", "a base (2...36)"))
      }
      return Int(try a.string("text"), radix: radix).map(Value.int) ?? .null
    }
  }

  private static func random(_ type: String) -> NativeFunction {
    NativeFunction(
      name: "\(type).random",
      parameters: [
        P.label("in", "Range", name: "range"),
        P.optional("using", "generator", "SeededGenerator", .null),
      ],
      returns: type,
      doc: "A random number in the range, from the generator or the session's seed (%seed)."
    ) { a in
      let generator =
        try a.isNil("generator")
        ? SeededGenerator(seed: a.context.interpreter.session?.nextSeed() ?? 0)
        : a.host("generator", as: SeededGenerator.self, typeName: "SeededGenerator")
      guard case .range(let range) = a["range"], let low = range.lower, let high = range.upper
      else {
        throw fail(
          .wrongType(
            "\(type).random(in:)", expected: "a range like 0..<10", got: a["range"].typeName))
      }
      guard range.isClosed ? high >= low : high > low else {
        throw fail(.invalidConversion("an empty range", "a random number"))
      }
      let top = range.isClosed ? high : high - 1
      let width = UInt64(bitPattern: Int64(top &- low)) &+ 1
      let offset =
        width == 0 ? generator.next() : generator.next().multipliedFullWidth(by: width).high
      return .int(low &+ Int(bitPattern: UInt(offset)))
    }
  }
}
