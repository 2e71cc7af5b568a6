import Display

/// What completion and inspection know about a member of a host object.
public struct Member {
  /// The member's name.
  public var name: String
  /// A paragraph of documentation.
  public var doc: String
  /// The type of a property or the result type of a method, for completion's type column.
  public var type: String?
  /// The parameters when it is a method (nil for a property).
  public var parameters: [Parameter]?

  /// A property.
  public static func property(_ name: String, type: String? = nil, doc: String) -> Member {
    Member(name: name, doc: doc, type: type, parameters: nil)
  }

  /// A method with its parameters.
  public static func method(
    _ name: String, _ parameters: [Parameter] = [], returns: String? = nil,
    doc: String
  ) -> Member {
    Member(name: name, doc: doc, type: returns, parameters: parameters)
  }

  /// `summary(input: [Int]? = nil) -> Summary` or `name: Type`.
  public var signature: String {
    guard let parameters else { return name + (type.map { ": \($0)" } ?? "") }
    let list = parameters.map(\.signatureText).joined(separator: ", ")
    return "\(name)(\(list))" + (type.map { " -> \($0)" } ?? "")
  }
}

/// The binary operators a host object may implement.
public enum BinaryOperator: String, Sendable {
  case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
  case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual =
    ">="
  /// Pointwise comparisons (Swift for TensorFlow's spelling), for host objects such as tensors.
  case pointwiseEqual = ".==", pointwiseNotEqual = ".!=", pointwiseLess = ".<", pointwiseLessEqual =
    ".<="
  case pointwiseGreater = ".>", pointwiseGreaterEqual = ".>="
  /// The matrix product `a • b` (Swift for TensorFlow's spelling of `matmul(a, b)`).
  case matrixProduct = "•"
}

/// An object of the host (tensor, layer, model, data set, history, figure) seen as a language value.
///
/// Every requirement but `typeName` has a default, so a host object implements only what it
/// supports; an unsupported use becomes a TypeError naming the type. Methods can be served either by
/// `callMethod` or by returning a `.native` function from `member(named:)`.
public protocol HostObject: AnyObject {
  /// The type's name in the language (`Tensor`, `Sequential`, `History`).
  var typeName: String { get }
  /// One-line plain text (`Conv2D(6, kernel: 5, activation: .tanh)`).
  var description: String { get }
  /// Members offered by completion and inspection.
  var members: [Member] { get }
  /// Whether a value of this object satisfies a type annotation `: name` (default: `typeName`).
  func isInstance(of typeName: String) -> Bool
  /// A property value, or a `.native` bound method; nil when there is no such member.
  func member(named name: String) throws -> Value?
  /// Assigns `object.name = value`; false when the member cannot be set.
  func setMember(named name: String, to value: Value) throws -> Bool
  /// Calls a method `object.name(...)`; nil when this object has no such method here.
  func callMethod(_ name: String, arguments: [(label: String?, value: Value)], context: CallContext)
    throws -> Value?
  /// Calls the object itself (`lenet(x)`); nil when it is not callable.
  func call(arguments: [(label: String?, value: Value)], context: CallContext) throws -> Value?
  /// `object[i, j]`; slices come as `.range` values (`...` as a fully open range); nil: unsupported.
  func subscriptGet(_ indices: [Value]) throws -> Value?
  /// `object[i] = value`; false when unsupported.
  func subscriptSet(_ indices: [Value], to value: Value) throws -> Bool
  /// `self op other` (or `other op self` when `selfOnLeft` is false); nil: unsupported.
  func binaryOperator(_ op: BinaryOperator, other: Value, selfOnLeft: Bool) throws -> Value?
  /// `-self`; nil when unsupported.
  func negated() throws -> Value?
  /// An iterator for `for x in object`, returning nil at the end; nil when not a sequence.
  func makeIterator() throws -> (() throws -> Value?)?
  /// Rich forms for display; must include `text/plain`.
  func displayBundle() -> MimeBundle
}

extension HostObject {
  public var description: String { "<\(typeName)>" }
  public var members: [Member] { [] }
  public func isInstance(of typeName: String) -> Bool { typeName == self.typeName }
  public func member(named name: String) throws -> Value? { nil }
  public func setMember(named name: String, to value: Value) throws -> Bool { false }
  public func callMethod(
    _ name: String, arguments: [(label: String?, value: Value)], context: CallContext
  ) throws -> Value? { nil }
  public func call(arguments: [(label: String?, value: Value)], context: CallContext) throws
    -> Value?
  { nil }
  public func subscriptGet(_ indices: [Value]) throws -> Value? { nil }
  public func subscriptSet(_ indices: [Value], to value: Value) throws -> Bool { false }
  public func binaryOperator(_ op: BinaryOperator, other: Value, selfOnLeft: Bool) throws -> Value?
  { nil }
  public func negated() throws -> Value? { nil }
  public func makeIterator() throws -> (() throws -> Value?)? { nil }
  public func displayBundle() -> MimeBundle { MimeBundle(plain: description) }
}
