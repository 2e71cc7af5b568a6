/// `Int(…)`, `Double(…)`, `Float(…)`, `String(…)`, `Bool(…)`, with their static members.
extension CoreBuiltins {
  static var conversions: [NativeFunction] {
    [
      NativeFunction(
        name: "Int", parameters: [Parameter(name: "value", type: "Any")], returns: "Int?",
        doc:
          "Converts a number (truncating toward zero) or a String to an Int; nil for text that is not a number.",
        example: "Int(3.9)   // 3", isType: true,
        staticMembers: ["max": .int(Int.max), "min": .int(Int.min)]
      ) { arguments in
        switch arguments["value"] {
        case .int(let number): return .int(number)
        case .double(let number):
          guard number.isFinite, abs(number) < 9.2e18 else {
            throw fail(.invalidConversion(number.description, "Int"))
          }
          return .int(Int(number))
        case .string(let text): return Int(text.trimmingSpaces()).map(Value.int) ?? .null
        case .bool(let flag): return .int(flag ? 1 : 0)
        case let other: throw fail(.invalidConversion(other.typeName, "Int"))
        }
      },
      real("Double"),
      real("Float"),
      NativeFunction(
        name: "String", parameters: [Parameter(name: "value", type: "Any")], returns: "String",
        doc: "The text form of any value, as `print` shows it; characters joined into one String.",
        example: "String(42)   // \"42\"",
        isType: true
      ) { arguments in
        // `String(chars)` of an array of Characters (one-character Strings in cells) joins them.
        if case .array(let items) = arguments["value"], !items.isEmpty,
          let characters = items.map({ $0.stringValue }) as? [String],
          characters.allSatisfy({ $0.count == 1 })
        {
          return .string(characters.joined())
        }
        return .string(arguments["value"].description)
      },
      NativeFunction(
        name: "Bool", parameters: [Parameter(name: "value", type: "Any")], returns: "Bool?",
        doc: "Converts \"true\"/\"false\" to a Bool; nil for other text.",
        example: "Bool(\"true\")   // true",
        isType: true
      ) { arguments in
        switch arguments["value"] {
        case .bool(let flag): return .bool(flag)
        case .string(let text): return Bool(text).map(Value.bool) ?? .null
        case let other: throw fail(.invalidConversion(other.typeName, "Bool"))
        }
      },
    ]
  }

  private static func real(_ name: String) -> NativeFunction {
    NativeFunction(
      name: name, parameters: [Parameter(name: "value", type: "Any")], returns: "\(name)?",
      doc:
        "Converts a number or a String to a \(name) (Float is the same as Double here); nil for text that is not a number.",
      example: "\(name)(7) / 2   // 3.5", isType: true,
      staticMembers: [
        "pi": .double(Double.pi), "infinity": .double(Double.infinity),
        "nan": .double(Double.nan),
        "greatestFiniteMagnitude": .double(Double.greatestFiniteMagnitude),
      ]
    ) { arguments in
      switch arguments["value"] {
      case .int(let number): return .double(Double(number))
      case .double(let number): return .double(number)
      case .string(let text): return Double(text.trimmingSpaces()).map(Value.double) ?? .null
      case let other: throw fail(.invalidConversion(other.typeName, name))
      }
    }
  }
}
