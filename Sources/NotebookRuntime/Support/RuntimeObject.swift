import Display
import Lang

/// A property of a runtime object: its name, type text, documentation and getter.
struct PropertySpec {
  var name: String
  var type: String
  var doc: String
  var get: () throws -> Value
}

/// A method of a runtime object: signature data, documentation and the body.
struct MethodSpec {
  var name: String
  var parameters: [Parameter]
  var returns: String?
  var doc: String
  var body: (Arguments) throws -> Value
}

/// The base of every engine value the language sees: properties and methods from two tables, which
/// also feed completion (`members`) and inspection. Engine errors raised by a member become
/// language errors (`EngineErrors`).
class RuntimeObject: HostObject {
  var typeName: String { "Object" }
  var description: String { "<\(typeName)>" }
  /// Other type names a value satisfies in annotations (`let m: Layer = …`).
  var aliases: [String] { [] }
  var properties: [PropertySpec] { [] }
  var methods: [MethodSpec] { [] }
  /// The bytes an operation on this value may copy (a tensor's scalars; `OperandBudget`).
  var operandBytes: Int { 0 }

  var members: [Member] {
    properties.map { Member.property($0.name, type: $0.type, doc: $0.doc) }
      + methods.map { Member.method($0.name, $0.parameters, returns: $0.returns, doc: $0.doc) }
  }

  func isInstance(of name: String) -> Bool {
    name == typeName || aliases.contains(name) || name == "Any"
  }

  func member(named name: String) throws -> Value? {
    if let property = properties.first(where: { $0.name == name }) {
      return try EngineErrors.run { try property.get() }
    }
    if let method = methods.first(where: { $0.name == name }) {
      let body = method.body, parameters = method.parameters
      return .native(
        NativeFunction(
          name: method.name, parameters: method.parameters, returns: method.returns,
          doc: method.doc, isType: false
        ) { arguments in
          try ArgumentLimits.check(arguments, parameters)
          return try EngineErrors.run {
            try OperandBudget.reserve(arguments, parameters, extra: self.operandBytes)
            return try body(arguments)
          }
        })
    }
    return nil
  }

  func setMember(named name: String, to value: Value) throws -> Bool { false }

  func callMethod(_ name: String, arguments: [(label: String?, value: Value)], context: CallContext)
    throws -> Value?
  {
    guard let method = methods.first(where: { $0.name == name }) else { return nil }
    try LabelCheck.check(arguments.map(\.label), method.parameters, function: "\(typeName).\(name)")
    let bound = try context.bind(arguments, to: method.parameters, function: "\(typeName).\(name)")
    try ArgumentLimits.check(bound, method.parameters)
    return try EngineErrors.run {
      try OperandBudget.reserve(bound, method.parameters, extra: operandBytes)
      return try method.body(bound)
    }
  }

  func call(arguments: [(label: String?, value: Value)], context: CallContext) throws -> Value? {
    nil
  }
  func subscriptGet(_ indices: [Value]) throws -> Value? { nil }
  func subscriptSet(_ indices: [Value], to value: Value) throws -> Bool { false }
  func binaryOperator(_ op: BinaryOperator, other: Value, selfOnLeft: Bool) throws -> Value? { nil }
  func negated() throws -> Value? { nil }
  func makeIterator() throws -> (() throws -> Value?)? { nil }
  func displayBundle() -> MimeBundle { MimeBundle(plain: description) }
}

/// Shorthands for parameters and values used by every registration file.
enum P {
  /// An unlabelled parameter `_ name: type`.
  static func positional(
    _ name: String, _ type: String, default value: Value? = nil,
    implicit: [String] = []
  ) -> Parameter {
    Parameter(label: nil, name: name, type: type, default: value, implicitMembers: implicit)
  }

  /// A labelled parameter `label: type`.
  static func labelled(
    _ label: String, _ type: String, default value: Value? = nil,
    implicit: [String] = []
  ) -> Parameter {
    Parameter(label: label, name: label, type: type, default: value, implicitMembers: implicit)
  }
}

extension Value {
  /// `[Int]` as a language array.
  static func ints(_ numbers: [Int]) -> Value { .array(numbers.map { .int($0) }) }
  /// `[Double]` as a language array.
  static func doubles(_ numbers: [Double]) -> Value { .array(numbers.map { .double($0) }) }
  /// `[String]` as a language array.
  static func strings(_ texts: [String]) -> Value { .array(texts.map { .string($0) }) }
  /// A Double or nil.
  static func optional(_ number: Double?) -> Value { number.map { .double($0) } ?? .null }
}

extension Arguments {
  /// The parameter as an Int, or nil when it was left at nil.
  func optionalInt(_ name: String) throws -> Int? { isNil(name) ? nil : try int(name) }
  /// The parameter as [Int], or nil when it was left at nil.
  func optionalInts(_ name: String) throws -> [Int]? { isNil(name) ? nil : try ints(name) }
  /// The parameter as a Double, or nil when it was left at nil.
  func optionalDouble(_ name: String) throws -> Double? { isNil(name) ? nil : try double(name) }
  /// The parameter as [String], or nil when it was left at nil.
  func optionalStrings(_ name: String) throws -> [String]? {
    guard !isNil(name) else { return nil }
    let values = try array(name)
    let texts = values.compactMap(\.stringValue)
    guard texts.count == values.count else {
      throw HostError("TypeError", "\(function): '\(name)' expects [String]")
    }
    return texts
  }
}

extension Double {
  /// A Float32 engine value as the Double whose shortest text is the Float's (2.332781, not
  /// 2.3327810764312744), so printed values read as Swift prints a Float.
  init(engine value: Float) {
    self = Double(value.description) ?? Double(value)
  }
}
