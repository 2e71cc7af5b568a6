/// A parameter of a native function: label, name, type text, default and offered implicit members.
public struct Parameter {
  /// The argument label; nil means unlabelled (`_`).
  public var label: String?
  /// The parameter's name (shown in signatures; `Arguments` looks values up by it).
  public var name: String
  /// The type as text for signatures and completion, e.g. `Int` or `Activation`.
  public var type: String?
  /// The default, used when the call leaves the argument out; nil means required.
  public var defaultValue: Value?
  /// Whether it takes any number of unlabelled values (`print(_ items: Any...)`), passed as an array.
  public var isVariadic: Bool
  /// The implicit members completion offers after `.` for this argument, e.g. `["relu", "tanh"]`.
  public var implicitMembers: [String]

  /// Makes a parameter; `name` defaults to the label (or `value` when unlabelled).
  public init(
    label: String? = nil, name: String? = nil, type: String? = nil,
    default defaultValue: Value? = nil,
    variadic: Bool = false, implicitMembers: [String] = []
  ) {
    self.label = label
    self.name = name ?? label ?? "value"
    self.type = type
    self.defaultValue = defaultValue
    self.isVariadic = variadic
    self.implicitMembers = implicitMembers
  }

  /// `label name: Type = default` as a signature shows it.
  var signatureText: String {
    var text = label == name ? name : "\(label ?? "_") \(name)"
    text += ": " + (type ?? "Any") + (isVariadic ? "..." : "")
    if let defaultValue { text += " = " + defaultValue.debugDescription }
    return text
  }
}

/// A function implemented by the host (or a built-in): signature data, docs, and the body.
///
/// Calls bind arguments to `parameters` by Swift's rules (labels in order, defaults may be left
/// out, a trailing closure fills the last parameter) and hand the body an `Arguments` value. A body
/// reports bad input by throwing `HostError`; the error points at the call in the cell.
public final class NativeFunction {
  /// The name it is called by (`Conv2D`, `print`, `summary`).
  public let name: String
  /// The parameters, in order.
  public let parameters: [Parameter]
  /// The result type as text (`Tensor`, `Int`), shown in signatures and completion.
  public let returnType: String?
  /// A paragraph of documentation (for layers: the formula they compute).
  public let doc: String
  /// An example call, shown by inspection.
  public let example: String?
  /// Whether a trailing closure is a builder block whose statement values become the last argument.
  public let isBuilder: Bool
  /// Whether it names a type (constructors, `Int`, `Tensor`): displayed as the type name.
  public let isType: Bool
  /// Members reached through the name: `Double.pi`, `Tensor.zeros(_:)`.
  public var staticMembers: [String: Value]
  /// Other signatures of the same name (`String(format:_:)` beside `String(_:)`): a call runs the
  /// first of `self` and these whose labels bind.
  public var overloads: [NativeFunction] = []
  let body: (Arguments) throws -> Value

  /// Makes a native function.
  public init(
    name: String, parameters: [Parameter] = [], returns returnType: String? = nil,
    doc: String, example: String? = nil, builder: Bool = false, isType: Bool = false,
    staticMembers: [String: Value] = [:], call: @escaping (Arguments) throws -> Value
  ) {
    self.name = name
    self.parameters = parameters
    self.returnType = returnType
    self.doc = doc
    self.example = example
    self.isBuilder = builder
    self.isType = isType || (name.first?.isUppercase ?? false)
    self.staticMembers = staticMembers
    self.body = call
  }

  /// `Conv2D(_ filters: Int, kernel: Int, activation: Activation = .relu) -> Layer`.
  public var signature: String {
    let list = parameters.map(\.signatureText).joined(separator: ", ")
    return "\(name)(\(list))" + (returnType.map { " -> \($0)" } ?? "")
  }

  /// `Tensor(imageFile:size:channels:)`, Swift's way to name one signature.
  public var signatureName: String {
    name + "(" + parameters.map { ($0.label ?? "_") + ":" }.joined() + ")"
  }

  /// Its signature and those of its overloads, in the order a call tries them.
  public var signatures: [String] { ([self] + overloads).map(\.signature) }
}

/// An error thrown by a native: its kind becomes the Jupyter `ename` (`ShapeError`, `ValueError`,
/// `TypeError`, …), the message the one-line cause, and the diagnostic points at the call.
public struct HostError: Error, CustomStringConvertible {
  /// The error kind (`ename`).
  public var kind: String
  /// The cause in one line.
  public var message: String
  /// Advice shown as `= hint:`.
  public var hint: String?

  /// Makes an error; the kind defaults to `ValueError`.
  public init(_ kind: String = "ValueError", _ message: String, hint: String? = nil) {
    self.kind = kind
    self.message = message
    self.hint = hint
  }

  public var description: String { "\(kind): \(message)" }
}
