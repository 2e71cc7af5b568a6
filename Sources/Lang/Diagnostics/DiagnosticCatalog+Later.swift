/// The language's messages from `nestingTooDeep` on (the catalog continues DiagnosticCatalog.swift,
/// sorted alphabetically).
extension DiagnosticMessage {
  static func nestingTooDeep(_ limit: Int) -> Self {
    make(
      "SyntaxError", "the code is nested too deeply (more than \(limit) levels)",
      hint: "split the expression with 'let' bindings")
  }
  static func nilValue(_ what: String) -> Self {
    make(
      "ValueError", "unexpectedly found nil \(what)",
      hint: "check with 'if let' or give a default with '??'")
  }
  static func noMatchingOverload(_ call: String, _ signatures: [String]) -> Self {
    make(
      "TypeError", "no \(call) matches these argument labels",
      hint: "it is one of " + signatures.joined(separator: ", "))
  }
  static func noMember(_ type: String, _ name: String, suggestion: String?) -> Self {
    make(
      "NameError", "value of type '\(type)' has no member '\(name)'",
      hint: suggestion.map { "did you mean '\($0)'?" })
  }
  static func notAnError(_ type: String) -> Self {
    make(
      "TypeError", "thrown value of type '\(type)' does not conform to 'Error'",
      hint: "declare the type with ': Error'")
  }
  static func notAssignable() -> Self {
    make(
      "SyntaxError", "cannot assign to this expression",
      hint: "assign to a variable, a member or a subscript")
  }
  static func notCallable(_ type: String) -> Self {
    make("TypeError", "cannot call a value of type '\(type)'")
  }
  static func notConstructible(_ type: String) -> Self {
    make(
      "TypeError", "'\(type)' cannot be constructed",
      hint: "protocols have no initializers; call a conforming type's init")
  }
  static func notEquatable(_ op: String, _ type: String) -> Self {
    make(
      "TypeError", "operator '\(op)' cannot be applied to two '\(type)' values",
      hint: "declare '\(type): Equatable' to compare them")
  }
  static func notIterable(_ type: String) -> Self {
    make("TypeError", "a value of type '\(type)' cannot be iterated in 'for'")
  }
  static func notSubscriptable(_ type: String) -> Self {
    make("TypeError", "a value of type '\(type)' cannot be subscripted")
  }
  static func operatorTypes(_ op: String, _ left: String, _ right: String) -> Self {
    make("TypeError", "operator '\(op)' cannot be applied to \(left) and \(right)")
  }
  static func outOfMemory(_ what: String, _ cause: String) -> Self {
    make("MemoryError", "the \(what) \(cause)", hint: "is a loop growing it without end?")
  }
  /// A message of Swift's own parser (swift-syntax), its fix-its as the hint.
  static func parserMessage(_ text: String, fixIts: [String]) -> Self {
    make("SyntaxError", text, hint: fixIts.isEmpty ? nil : fixIts.joined(separator: "; "))
  }
  static func patternMismatch(_ count: Int, _ type: String) -> Self {
    make("TypeError", "a tuple pattern of \(count) elements cannot match a value of type '\(type)'")
  }
  static func propertyNotInitialized(_ type: String, _ name: String) -> Self {
    make(
      "TypeError", "'\(type)' initializer ended without setting property '\(name)'",
      hint: "assign 'self.\(name)' on every path of the init")
  }
  static func rawValueNeeded(_ name: String, _ type: String) -> Self {
    make(
      "TypeError", "case '\(name)' needs a raw value of type '\(type)'",
      hint: "write 'case \(name) = …'")
  }
  static func rawValueWithoutType(_ type: String) -> Self {
    make(
      "TypeError", "enum '\(type)' has raw values but no raw type",
      hint: "declare it as 'enum \(type): Int' or ': String'")
  }
  static func readOnlyProperty(_ name: String) -> Self {
    make(
      "TypeError", "cannot assign to property: '\(name)' is a get-only property",
      hint: "add a 'set { … }' to the computed property")
  }
  static func recursionTooDeep(_ limit: Int) -> Self {
    make(
      "RecursionError", "function calls nested more than \(limit) deep",
      hint: "is there a recursion without a base case?")
  }
  /// A member of a constrained extension (`extension Array where Element: Numeric`) used on a
  /// value that does not meet the constraint; Swift's wording.
  static func receiverRequirement(
    _ member: String, _ type: String, _ got: String, _ parameter: String,
    _ required: TypeRef, sameType: Bool
  ) -> Self {
    let need =
      sameType
      ? "the types '\(got)' and '\(required.description)' be equivalent"
      : "that '\(got)' conform to '\(required.description)'"
    let clause = parameter + (sameType ? " == " : ": ") + required.description
    return make(
      "TypeError", "referencing '\(member)' on '\(type)' requires \(need)",
      hint: "'\(member)' is declared in 'extension \(type) where \(clause)'")
  }
  static func requirementSignature(
    _ type: String, _ proto: String, _ method: String, _ signature: String
  ) -> Self {
    make(
      "TypeError",
      "type '\(type)' does not conform to protocol '\(proto)': '\(method)' has the wrong signature",
      hint: "'\(proto)' requires '\(signature)'")
  }
  static func squareBracketsTooDeep(_ limit: Int) -> Self {
    make(
      "SyntaxError", "square brackets are nested too deeply (more than \(limit) levels)",
      hint: "build the inner arrays with 'let' bindings")
  }
  static func stepLimit(_ limit: Int) -> Self {
    make("StepLimitError", "the cell ran more than \(limit) steps")
  }
  static func storedPropertyInExtension(_ name: String) -> Self {
    make(
      "TypeError", "'\(name)': extensions and enums must not contain stored properties",
      hint: "make it a computed property: 'var \(name): T { … }'")
  }
  static func superOutsideSubclass() -> Self {
    make("TypeError", "'super' is only available in a method of a class that has a superclass")
  }
  static func switchNoMatch(_ value: String) -> Self {
    make("ValueError", "no case of the switch matches \(value)", hint: "add a 'default:' case")
  }
  static func switchNotExhaustive(_ missing: [String]) -> Self {
    make(
      "SyntaxError", "switch must be exhaustive",
      hint: missing.isEmpty
        ? "add a 'default:' case"
        : "add missing case\(missing.count == 1 ? "" : "s"): "
          + missing.map { "'\($0)'" }.joined(separator: ", "))
  }
  static func tooLarge(_ what: String) -> Self {
    make("ValueError", "the \(what) would be too large", hint: "is a loop doubling it?")
  }
  static func tryForceFailed(_ value: String) -> Self {
    make(
      "ValueError", "'try!' expression unexpectedly raised an error: \(value)",
      hint: "use 'try?' or 'do { try … } catch { … }'")
  }
  static func typeAnnotationMismatch(_ expected: String, _ actual: String) -> Self {
    make("TypeError", "cannot use a value of type '\(actual)' as '\(expected)'")
  }
  static func unaryOperatorType(_ op: String, _ type: String) -> Self {
    make("TypeError", "operator '\(op)' cannot be applied to \(type)")
  }
  static func uncaughtError(_ type: String, _ value: String) -> Self {
    make(
      type, "error raised and not caught: \(value)",
      hint: "catch it with 'do { try … } catch { … }'")
  }
  static func undefinedName(_ name: String, suggestion: String?) -> Self {
    make(
      "NameError", "cannot find '\(name)' in scope",
      hint: suggestion.map { "did you mean '\($0)'?" })
  }
  static func undefinedType(_ name: String) -> Self {
    make(
      "NameError", "cannot find type '\(name)' in scope",
      hint: "declare it in an earlier cell or above this one")
  }
  static func unknownMagic(_ name: String, known: [String]) -> Self {
    make(
      "NameError", "unknown magic command '\(name)'",
      hint: "known magics: " + known.joined(separator: ", "))
  }
  static func unknownModule(_ name: String) -> Self {
    make(
      "SyntaxError", "no module named '\(name)'",
      hint: "everything is in 'Stride', which cells import already")
  }
  static func unknownOperator(_ op: String) -> Self {
    make(
      "SyntaxError", "unknown operator '\(op)'",
      hint: "Stride cells have Swift's standard operators")
  }
  static func unresolvedLabel(_ label: String) -> Self {
    make(
      "SyntaxError", "cannot find label '\(label)' in scope",
      hint: "a label names a statement around this one, in the same function: 'outer: for …'")
  }
  static func unsupportedConstruct(_ construct: String) -> Self {
    make(
      "SyntaxError", "'\(construct)' is not supported in Stride cells",
      hint: unsupportedHints[construct] ?? "this part of Swift is not in the cell language")
  }
  static func useBeforeDeclaration(_ name: String) -> Self {
    make(
      "NameError", "use of '\(name)' before its declaration",
      hint: "declare '\(name)' above this line")
  }
  static func wrongType(_ what: String, expected: String, got: String) -> Self {
    make("TypeError", "\(what) expects \(expected), got \(got)")
  }

  // MARK: - What to write instead of unsupported Swift

  private static let unsupportedHints: [String: String] = [
    "actor": "cells run one at a time; use functions and variables",
    "async": "cells run synchronously; call the function directly",
    "as": "values are dynamically typed; convert with Int(x), Double(x) or String(x)",
    "await": "cells run synchronously; call the function directly",
    "catch": "errors stop the cell; check inputs with 'guard' or 'precondition'",
    "class": "use a dictionary or tuple for data and functions for behaviour",
    "do": "errors stop the cell; check inputs with 'guard' or 'precondition'",
    "enum": "use implicit members such as .relu, or strings",
    "extension": "write a free function that takes the value as its first argument",
    "generics": "leave out the type parameters: values are dynamically typed",
    "if expression": "use the ternary 'condition ? a : b', or assign in each branch",
    "inout": "return the new value and assign it: 'x = f(x)'",
    "is": "compare type(of: x) with a type name",
    "protocol": "values are dynamically typed; any value with the members works",
    "struct": "use a dictionary or tuple for data and functions for behaviour",
    "switch": "use 'if / else if / else'",
    "throw": "report a problem with 'precondition(condition, \"message\")'",
    "throws": "functions may not throw; use 'precondition' for bad input",
    "try": "errors stop the cell; check inputs with 'guard' or 'precondition'",
    "typealias": "write the type itself; annotations are optional",
  ]
}
