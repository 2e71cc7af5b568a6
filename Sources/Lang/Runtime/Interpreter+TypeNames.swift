/// What the resolver asks about the types of earlier cells: member names (for implicit `self`)
/// and enums with their cases (for exhaustive `switch`).
extension Interpreter {
  /// Samples of the built-in types an extension may extend, for their member names.
  private static var builtinSamples: [String: Value] {
    [
      "Int": .int(0), "Double": .double(0), "String": .string(""), "Array": .array([]),
      "Dictionary": .dictionary(DictionaryValue()), "Bool": .bool(false),
    ]
  }

  /// Every member name of the type called `name` (its lineage, protocol defaults; a built-in's methods).
  func memberNames(ofType name: String) -> Set<String> {
    var names: Set<String> = []
    var types: [UserType] = []
    if case .type(let type)? = globals.lookup(name)?.value {
      types = type.lineage
      for conformance in type.lineage.flatMap(\.conformances) {
        if case .type(let proto)? = globals.lookup(conformance)?.value { types.append(proto) }
      }
    }
    if let extended = builtinExtensions[name == "Float" ? "Double" : name] {
      types.append(extended)
    }
    if let sample = Self.builtinSamples[name == "Float" ? "Double" : name] {
      names.formUnion(BuiltinMembers.names(for: sample))
    }
    for type in types {
      names.formUnion(type.fieldIndex.keys)
      names.formUnion(type.computed.keys)
      names.formUnion(type.methods.keys)
      names.formUnion(type.statics.keys)
      names.formUnion(type.staticMethods.keys)
      names.formUnion(type.staticComputed.keys)
      names.formUnion(type.requirements.map(\.name))
    }
    return names
  }

  /// The enums bound as globals, with their case names.
  func declaredEnums() -> [(String, [String])] {
    globals.names.values.compactMap { box in
      guard case .type(let type) = box.value, type.kind == .enumType else { return nil }
      return (type.name, type.cases.map(\.name))
    }
  }
}
