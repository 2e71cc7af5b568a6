/// Every message of the language, sorted alphabetically; the id is the function's name.
///
/// Kinds (Jupyter `ename`): SyntaxError, NameError, TypeError, ValueError, IndexError,
/// ArithmeticError, AssertionError, RecursionError, Interrupted, StepLimitError; host natives add
/// their own (ShapeError, …) through `HostError`.
extension DiagnosticMessage {
  private static func make(_ kind: String, _ text: String, hint: String? = nil, id: String = #function) -> Self {
    let name = id.split(separator: "(").first.map(String.init) ?? id
    return DiagnosticMessage(id: name, kind: kind, text: text, hint: hint)
  }

  // MARK: - Messages (please keep sorted)

  static func argumentCount(_ function: String, expected: Int, got: Int) -> Self {
    make("TypeError", "\(function) takes \(expected) argument\(expected == 1 ? "" : "s") but \(got) \(got == 1 ? "was" : "were") given")
  }
  static func arithmeticOverflow(_ op: String) -> Self {
    make("ArithmeticError", "arithmetic overflow in '\(op)'", hint: "the result does not fit in Int; use Double values")
  }
  static func assertionFailed(_ what: String, _ message: String) -> Self {
    make("AssertionError", message.isEmpty ? "\(what) failed" : "\(what) failed: \(message)")
  }
  static func assignmentInExpression() -> Self {
    make("SyntaxError", "an assignment cannot be used as a value", hint: "write the assignment as a statement of its own")
  }
  static func assignToConstant(_ name: String) -> Self {
    make("TypeError", "cannot assign to '\(name)': it is a 'let' constant", hint: "declare it with 'var \(name)' to change it")
  }
  static func assignToLetProperty(_ name: String) -> Self {
    make("TypeError", "cannot assign to property: '\(name)' is a 'let' constant", hint: "declare it with 'var \(name)' in the type to change it")
  }
  static func bindingNeedsValue() -> Self {
    make("SyntaxError", "a 'let' or 'var' needs a value or a type", hint: "write e.g. 'var total = 0'")
  }
  static func breakOutsideLoop(_ keyword: String) -> Self {
    make("SyntaxError", "'\(keyword)' is only allowed inside a loop")
  }
  static func captureBeforeDeclaration(_ name: String, _ what: String) -> Self {
    make("NameError", "\(what) captures '\(name)' before it is declared", hint: "declare '\(name)' above the \(what)")
  }
  static func castFailed(_ type: String, _ target: String) -> Self {
    make("TypeError", "could not cast a value of type '\(type)' to '\(target)'", hint: "use 'as?' to get nil instead")
  }
  static func chainedComparison(_ op: String) -> Self {
    make("SyntaxError", "comparisons cannot be chained ('\(op)' after a comparison)", hint: "combine them with '&&', e.g. 'a < b && b < c'")
  }
  static func divisionByZero() -> Self {
    make("ArithmeticError", "division by zero")
  }
  static func duplicateRawValue(_ value: String) -> Self {
    make("TypeError", "raw value \(value) is used by two cases", hint: "give each case its own raw value")
  }
  static func expected(_ what: String, _ context: String) -> Self {
    make("SyntaxError", "expected '\(what)' \(context)")
  }
  static func expectedExpression() -> Self {
    make("SyntaxError", "expected an expression")
  }
  static func expressionTooDeep(_ limit: Int) -> Self {
    make("RecursionError", "evaluation nested more than \(limit) deep",
         hint: "is there a recursion without a base case?")
  }
  static func extraArgument(_ function: String, signature: String? = nil) -> Self {
    make("TypeError", "extra argument in call to \(function)", hint: signature.map { "the signature is \($0)" })
  }
  static func fallthroughOutsideSwitch() -> Self {
    make("SyntaxError", "'fallthrough' is only allowed inside a switch case")
  }
  static func guardMustExit() -> Self {
    make("SyntaxError", "the 'else' block of 'guard' must not fall through", hint: "end it with 'return', 'break' or 'continue'")
  }
  static func hostError(_ kind: String, _ text: String, hint: String?) -> Self {
    make(kind, text, hint: hint)
  }
  static func indexOutOfRange(_ index: Int, count: Int) -> Self {
    make("IndexError", "index \(index) is out of range for a collection of \(count) element\(count == 1 ? "" : "s")",
         hint: count == 0 ? "the collection is empty" : "valid indices are 0..<\(count)")
  }
  static func inheritanceFromClass(_ type: String, _ parent: String) -> Self {
    make("TypeError", "'\(type)' cannot inherit from class '\(parent)'", hint: "only a class can have a superclass, written first after ':'")
  }
  static func inheritanceFromFinal(_ parent: String) -> Self {
    make("TypeError", "inheritance from a final class '\(parent)'", hint: "remove 'final' from '\(parent)' to subclass it")
  }
  static func inheritanceFromValueType(_ parent: String, _ kind: String) -> Self {
    make("TypeError", "cannot inherit from \(kind) '\(parent)'", hint: "only classes and protocols can be inherited from")
  }
  static func integerLiteralOverflow(_ text: String) -> Self {
    make("SyntaxError", "integer literal '\(text)' does not fit in Int", hint: "write it as a Double, e.g. \(text).0")
  }
  static func interrupted() -> Self {
    make("Interrupted", "the cell was interrupted")
  }
  static func invalidConversion(_ text: String, _ type: String) -> Self {
    make("ValueError", "cannot convert \(text) to \(type)")
  }
  static func invalidNumberLiteral(_ text: String) -> Self {
    make("SyntaxError", "invalid number literal '\(text)'")
  }
  static func invalidRange(_ lower: Int, _ upper: Int) -> Self {
    make("ValueError", "range lower bound \(lower) is greater than upper bound \(upper)")
  }
  static func labelMismatch(_ function: String, expected: String, got: String, signature: String? = nil) -> Self {
    make("TypeError", "\(function): expected argument label '\(expected)', found '\(got)'", hint: signature.map { "the signature is \($0)" })
  }
  static func magicInsideBlock() -> Self {
    make("SyntaxError", "a magic command must be at the top level of a cell, not inside a block")
  }
  static func missingArgument(_ function: String, _ parameter: String, signature: String? = nil) -> Self {
    make("TypeError", "missing argument '\(parameter)' in call to \(function)", hint: signature.map { "the signature is \($0)" })
  }
  static func missingRequirement(_ type: String, _ proto: String, _ member: String, isMethod: Bool) -> Self {
    make("TypeError", "type '\(type)' does not conform to protocol '\(proto)'",
         hint: "add the \(isMethod ? "method" : "property") '\(member)' that '\(proto)' requires")
  }
  static func missingReturn(_ function: String) -> Self {
    make("TypeError", "\(function) ended without returning a value")
  }
  static func missingReturnInFunction(_ function: String, _ type: String) -> Self {
    make("TypeError", "missing return in \(function), which must return '\(type)'",
         hint: "end every path of the body with 'return …'")
  }
  static func mutatingOnConstant(_ member: String, _ name: String) -> Self {
    make("TypeError", "cannot use mutating member '\(member)' on '\(name)': it is a 'let' constant",
         hint: name == "self" ? "mark the method 'mutating' to change 'self'" : "declare it with 'var \(name)' to change it")
  }
  static func mutatingOnValue(_ type: String, _ name: String) -> Self {
    make("TypeError", "cannot use mutating member '\(name)' on an immutable value of type '\(type)'",
         hint: "store the value in a 'var' first, then call '\(name)' on it")
  }
  static func nestingTooDeep(_ limit: Int) -> Self {
    make("SyntaxError", "the code is nested too deeply (more than \(limit) levels)", hint: "split the expression with 'let' bindings")
  }
  static func nilValue(_ what: String) -> Self {
    make("ValueError", "unexpectedly found nil \(what)", hint: "check with 'if let' or give a default with '??'")
  }
  static func noMatchingOverload(_ call: String, _ signatures: [String]) -> Self {
    make("TypeError", "no \(call) matches these argument labels", hint: "it is one of " + signatures.joined(separator: ", "))
  }
  static func noMember(_ type: String, _ name: String, suggestion: String?) -> Self {
    make("NameError", "value of type '\(type)' has no member '\(name)'", hint: suggestion.map { "did you mean '\($0)'?" })
  }
  static func notAnError(_ type: String) -> Self {
    make("TypeError", "thrown value of type '\(type)' does not conform to 'Error'", hint: "declare the type with ': Error'")
  }
  static func notAssignable() -> Self {
    make("SyntaxError", "cannot assign to this expression", hint: "assign to a variable, a member or a subscript")
  }
  static func notCallable(_ type: String) -> Self {
    make("TypeError", "cannot call a value of type '\(type)'")
  }
  static func notConstructible(_ type: String) -> Self {
    make("TypeError", "'\(type)' cannot be constructed", hint: "protocols have no initializers; call a conforming type's init")
  }
  static func notEquatable(_ op: String, _ type: String) -> Self {
    make("TypeError", "operator '\(op)' cannot be applied to two '\(type)' values", hint: "declare '\(type): Equatable' to compare them")
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
    make("TypeError", "'\(type)' initializer ended without setting property '\(name)'", hint: "assign 'self.\(name)' on every path of the init")
  }
  static func rawValueNeeded(_ name: String, _ type: String) -> Self {
    make("TypeError", "case '\(name)' needs a raw value of type '\(type)'", hint: "write 'case \(name) = …'")
  }
  static func rawValueWithoutType(_ type: String) -> Self {
    make("TypeError", "enum '\(type)' has raw values but no raw type", hint: "declare it as 'enum \(type): Int' or ': String'")
  }
  static func readOnlyProperty(_ name: String) -> Self {
    make("TypeError", "cannot assign to property: '\(name)' is a get-only property", hint: "add a 'set { … }' to the computed property")
  }
  static func recursionTooDeep(_ limit: Int) -> Self {
    make("RecursionError", "function calls nested more than \(limit) deep", hint: "is there a recursion without a base case?")
  }
  /// A member of a constrained extension (`extension Array where Element: Numeric`) used on a
  /// value that does not meet the constraint; Swift's wording.
  static func receiverRequirement(_ member: String, _ type: String, _ got: String, _ parameter: String,
                                  _ required: TypeRef, sameType: Bool) -> Self {
    let need = sameType ? "the types '\(got)' and '\(required.description)' be equivalent"
                        : "that '\(got)' conform to '\(required.description)'"
    let clause = parameter + (sameType ? " == " : ": ") + required.description
    return make("TypeError", "referencing '\(member)' on '\(type)' requires \(need)",
                hint: "'\(member)' is declared in 'extension \(type) where \(clause)'")
  }
  static func requirementSignature(_ type: String, _ proto: String, _ method: String, _ signature: String) -> Self {
    make("TypeError", "type '\(type)' does not conform to protocol '\(proto)': '\(method)' has the wrong signature",
         hint: "'\(proto)' requires '\(signature)'")
  }
  static func squareBracketsTooDeep(_ limit: Int) -> Self {
    make("SyntaxError", "square brackets are nested too deeply (more than \(limit) levels)",
         hint: "build the inner arrays with 'let' bindings")
  }
  static func stepLimit(_ limit: Int) -> Self {
    make("StepLimitError", "the cell ran more than \(limit) steps")
  }
  static func storedPropertyInExtension(_ name: String) -> Self {
    make("TypeError", "'\(name)': extensions and enums must not contain stored properties", hint: "make it a computed property: 'var \(name): T { … }'")
  }
  static func superOutsideSubclass() -> Self {
    make("TypeError", "'super' is only available in a method of a class that has a superclass")
  }
  static func switchNoMatch(_ value: String) -> Self {
    make("ValueError", "no case of the switch matches \(value)", hint: "add a 'default:' case")
  }
  static func switchNotExhaustive(_ missing: [String]) -> Self {
    make("SyntaxError", "switch must be exhaustive",
         hint: missing.isEmpty ? "add a 'default:' case" : "add missing case\(missing.count == 1 ? "" : "s"): " + missing.map { "'\($0)'" }.joined(separator: ", "))
  }
  static func tooLarge(_ what: String) -> Self {
    make("ValueError", "the \(what) would be too large", hint: "is a loop doubling it?")
  }
  static func tryForceFailed(_ value: String) -> Self {
    make("ValueError", "'try!' expression unexpectedly raised an error: \(value)", hint: "use 'try?' or 'do { try … } catch { … }'")
  }
  static func typeAnnotationMismatch(_ expected: String, _ actual: String) -> Self {
    make("TypeError", "cannot use a value of type '\(actual)' as '\(expected)'")
  }
  static func unaryOperatorType(_ op: String, _ type: String) -> Self {
    make("TypeError", "operator '\(op)' cannot be applied to \(type)")
  }
  static func uncaughtError(_ type: String, _ value: String) -> Self {
    make(type, "error raised and not caught: \(value)", hint: "catch it with 'do { try … } catch { … }'")
  }
  static func undefinedName(_ name: String, suggestion: String?) -> Self {
    make("NameError", "cannot find '\(name)' in scope", hint: suggestion.map { "did you mean '\($0)'?" })
  }
  static func undefinedType(_ name: String) -> Self {
    make("NameError", "cannot find type '\(name)' in scope", hint: "declare it in an earlier cell or above this one")
  }
  static func unknownMagic(_ name: String, known: [String]) -> Self {
    make("NameError", "unknown magic command '\(name)'", hint: "known magics: " + known.joined(separator: ", "))
  }
  static func unknownModule(_ name: String) -> Self {
    make("SyntaxError", "no module named '\(name)'", hint: "everything is in 'Stride', which cells import already")
  }
  static func unknownOperator(_ op: String) -> Self {
    make("SyntaxError", "unknown operator '\(op)'", hint: "Stride cells have Swift's standard operators")
  }
  static func unsupportedConstruct(_ construct: String) -> Self {
    make("SyntaxError", "'\(construct)' is not supported in Stride cells", hint: unsupportedHints[construct] ?? "this part of Swift is not in the cell language")
  }
  static func useBeforeDeclaration(_ name: String) -> Self {
    make("NameError", "use of '\(name)' before its declaration", hint: "declare '\(name)' above this line")
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
    "labeled statements": "move the inner loop into a function and 'return' from it",
    "protocol": "values are dynamically typed; any value with the members works",
    "struct": "use a dictionary or tuple for data and functions for behaviour",
    "switch": "use 'if / else if / else'",
    "throw": "report a problem with 'precondition(condition, \"message\")'",
    "throws": "functions may not throw; use 'precondition' for bad input",
    "try": "errors stop the cell; check inputs with 'guard' or 'precondition'",
    "typealias": "write the type itself; annotations are optional",
  ]
}
