/// Conveniences for hosts reading values.
extension Value {
  /// The integer, or nil (a Double with an integral value counts).
  public var intValue: Int? {
    switch self {
    case .int(let number): return number
    case .double(let number) where number.rounded() == number && abs(number) < 9e18:
      return Int(number)
    default: return nil
    }
  }

  /// The number as a Double (an Int converts), or nil.
  public var doubleValue: Double? {
    switch self {
    case .int(let number): return Double(number)
    case .double(let number): return number
    default: return nil
    }
  }

  /// The Bool, or nil.
  public var boolValue: Bool? {
    if case .bool(let flag) = self { return flag }
    return nil
  }

  /// The String, or nil.
  public var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// The elements of an array, tuple or bounded range, or nil.
  public var arrayValue: [Value]? {
    switch self {
    case .array(let elements), .tuple(let elements): return elements
    case .range(let range) where range.lower != nil && range.upper != nil:
      guard let lower = range.lower, range.count <= 10_000_000 else { return nil }
      return (0..<range.count).map { .int(lower + $0) }
    default: return nil
    }
  }

  /// The host object, when it is of type `T`.
  public func host<T>(as type: T.Type) -> T? {
    if case .host(let object) = self { return object as? T }
    return nil
  }

  /// Whether the value is `nil`.
  public var isNil: Bool {
    if case .null = self { return true }
    return false
  }

  /// The type name shown in messages, completion and `type(of:)`.
  public var typeName: String {
    switch self {
    case .void: return "Void"
    case .null: return "Optional"
    case .bool: return "Bool"
    case .int: return "Int"
    case .double: return "Double"
    case .string: return "String"
    case .array: return "Array"
    case .dictionary: return "Dictionary"
    case .tuple(let elements): return "(" + elements.map(\.typeName).joined(separator: ", ") + ")"
    case .range(let range): return range.isClosed ? "ClosedRange<Int>" : "Range<Int>"
    case .native(let function): return function.isType ? "\(function.name).Type" : "function"
    case .closure: return "function"
    case .host(let object): return object.typeName
    case .implicitMember: return "implicit member"
    case .type(let type): return type.name + ".Type"
    case .instance(let instance): return instance.type.name
    case .object(let object): return object.type.name
    }
  }
}
