/// Every message of the language, sorted alphabetically; the id is the function's name.
///
/// Kinds (Jupyter `ename`): SyntaxError, NameError, TypeError, ValueError, IndexError,
/// ArithmeticError, AssertionError, RecursionError, Interrupted, StepLimitError; host natives add
/// their own (ShapeError, …) through `HostError`.
extension DiagnosticMessage {
  static func make(
    _ kind: String, _ text: String, hint: String? = nil, id: String = #function
  ) -> Self {
    let name = id.split(separator: "(").first.map(String.init) ?? id
    return DiagnosticMessage(id: name, kind: kind, text: text, hint: hint)
  }

  // MARK: - Messages (please keep sorted)

  static func argumentCount(_ function: String, expected: Int, got: Int) -> Self {
    make(
      "TypeError",
      "\(function) takes \(expected) argument\(expected == 1 ? "" : "s") but \(got) \(got == 1 ? "was" : "were") given"
    )
  }
  static func arithmeticOverflow(_ op: String) -> Self {
    make(
      "ArithmeticError", "arithmetic overflow in '\(op)'",
      hint: "the result does not fit in Int; use Double values")
  }
  static func assertionFailed(_ what: String, _ message: String) -> Self {
    make("AssertionError", message.isEmpty ? "\(what) failed" : "\(what) failed: \(message)")
  }
  static func assignmentInExpression() -> Self {
    make(
      "SyntaxError", "an assignment cannot be used as a value",
      hint: "write the assignment as a statement of its own")
  }
  static func assignToConstant(_ name: String) -> Self {
    make(
      "TypeError", "cannot assign to '\(name)': it is a 'let' constant",
      hint: "declare it with 'var \(name)' to change it")
  }
  static func assignToLetProperty(_ name: String) -> Self {
    make(
      "TypeError", "cannot assign to property: '\(name)' is a 'let' constant",
      hint: "declare it with 'var \(name)' in the type to change it")
  }
  static func bindingNeedsValue() -> Self {
    make(
      "SyntaxError", "a 'let' or 'var' needs a value or a type", hint: "write e.g. 'var total = 0'")
  }
  static func breakOutsideLoop(_ keyword: String) -> Self {
    make("SyntaxError", "'\(keyword)' is only allowed inside a loop")
  }
  static func captureBeforeDeclaration(_ name: String, _ what: String) -> Self {
    make(
      "NameError", "\(what) captures '\(name)' before it is declared",
      hint: "declare '\(name)' above the \(what)")
  }
  static func castFailed(_ type: String, _ target: String) -> Self {
    make(
      "TypeError", "could not cast a value of type '\(type)' to '\(target)'",
      hint: "use 'as?' to get nil instead")
  }
  static func chainedComparison(_ op: String) -> Self {
    make(
      "SyntaxError", "comparisons cannot be chained ('\(op)' after a comparison)",
      hint: "combine them with '&&', e.g. 'a < b && b < c'")
  }
  static func continueToNonLoop(_ label: String) -> Self {
    make(
      "SyntaxError", "'continue \(label)' needs a loop, but '\(label)' labels another statement",
      hint: "use 'break \(label)' to leave that statement, or label the loop to go on with")
  }
  static func divisionByZero() -> Self {
    make("ArithmeticError", "division by zero")
  }
  static func duplicateRawValue(_ value: String) -> Self {
    make(
      "TypeError", "raw value \(value) is used by two cases",
      hint: "give each case its own raw value")
  }
  static func expected(_ what: String, _ context: String) -> Self {
    make("SyntaxError", "expected '\(what)' \(context)")
  }
  static func expectedExpression() -> Self {
    make("SyntaxError", "expected an expression")
  }
  static func expressionTooDeep(_ limit: Int) -> Self {
    make(
      "RecursionError", "evaluation nested more than \(limit) deep",
      hint: "is there a recursion without a base case?")
  }
  static func extraArgument(_ function: String, signature: String? = nil) -> Self {
    make(
      "TypeError", "extra argument in call to \(function)",
      hint: signature.map { "the signature is \($0)" })
  }
  static func fallthroughOutsideSwitch() -> Self {
    make("SyntaxError", "'fallthrough' is only allowed inside a switch case")
  }
  static func guardMustExit() -> Self {
    make(
      "SyntaxError", "the 'else' block of 'guard' must not fall through",
      hint: "end it with 'return', 'break' or 'continue'")
  }
  static func hostError(_ kind: String, _ text: String, hint: String?) -> Self {
    make(kind, text, hint: hint)
  }
  static func indexOutOfRange(_ index: Int, count: Int) -> Self {
    make(
      "IndexError",
      "index \(index) is out of range for a collection of \(count) element\(count == 1 ? "" : "s")",
      hint: count == 0 ? "the collection is empty" : "valid indices are 0..<\(count)")
  }
  static func inheritanceFromClass(_ type: String, _ parent: String) -> Self {
    make(
      "TypeError", "'\(type)' cannot inherit from class '\(parent)'",
      hint: "only a class can have a superclass, written first after ':'")
  }
  static func inheritanceFromFinal(_ parent: String) -> Self {
    make(
      "TypeError", "inheritance from a final class '\(parent)'",
      hint: "remove 'final' from '\(parent)' to subclass it")
  }
  static func inheritanceFromValueType(_ parent: String, _ kind: String) -> Self {
    make(
      "TypeError", "cannot inherit from \(kind) '\(parent)'",
      hint: "only classes and protocols can be inherited from")
  }
  static func integerLiteralOverflow(_ text: String) -> Self {
    make(
      "SyntaxError", "integer literal '\(text)' does not fit in Int",
      hint: "write it as a Double, e.g. \(text).0")
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
  static func labelMismatch(
    _ function: String, expected: String, got: String, signature: String? = nil
  ) -> Self {
    make(
      "TypeError", "\(function): expected argument label '\(expected)', found '\(got)'",
      hint: signature.map { "the signature is \($0)" })
  }
  static func labelReused(_ label: String) -> Self {
    make("SyntaxError", "label '\(label)' cannot be reused on an inner statement")
  }
  static func magicInsideBlock() -> Self {
    make("SyntaxError", "a magic command must be at the top level of a cell, not inside a block")
  }
  static func missingArgument(_ function: String, _ parameter: String, signature: String? = nil)
    -> Self
  {
    make(
      "TypeError", "missing argument '\(parameter)' in call to \(function)",
      hint: signature.map { "the signature is \($0)" })
  }
  static func missingRequirement(_ type: String, _ proto: String, _ member: String, isMethod: Bool)
    -> Self
  {
    make(
      "TypeError", "type '\(type)' does not conform to protocol '\(proto)'",
      hint: "add the \(isMethod ? "method" : "property") '\(member)' that '\(proto)' requires")
  }
  static func missingReturn(_ function: String) -> Self {
    make("TypeError", "\(function) ended without returning a value")
  }
  static func missingReturnInFunction(_ function: String, _ type: String) -> Self {
    make(
      "TypeError", "missing return in \(function), which must return '\(type)'",
      hint: "end every path of the body with 'return …'")
  }
  static func mutatingOnConstant(_ member: String, _ name: String) -> Self {
    make(
      "TypeError", "cannot use mutating member '\(member)' on '\(name)': it is a 'let' constant",
      hint: name == "self"
        ? "mark the method 'mutating' to change 'self'"
        : "declare it with 'var \(name)' to change it")
  }
  static func mutatingOnValue(_ type: String, _ name: String) -> Self {
    make(
      "TypeError", "cannot use mutating member '\(name)' on an immutable value of type '\(type)'",
      hint: "store the value in a 'var' first, then call '\(name)' on it")
  }
}
