/// A protocol the host defines (NotebookRuntime's `Layer`): a user type may declare it, and the
/// declaration is checked for one method taking these unlabelled parameter types and returning
/// `returnType` (`func callAsFunction(_ x: Tensor) -> Tensor`). What a conforming value does is
/// the host's business (it finds the conformance with `Value.conforms(to:)`).
public struct HostProtocol: Sendable {
  /// The host object that answers the members a conforming value lacks (a lone user `Layer`
  /// answers a model's `parameterCount`, `summary`, `fit`); nil when there is none for the value.
  public typealias StandIn = (Value, CallContext) throws -> (any HostObject)?

  public let name: String
  public let method: String
  public let parameterTypes: [String]
  public let returnType: String

  public init(name: String, method: String, parameterTypes: [String], returnType: String) {
    self.name = name
    self.method = method
    self.parameterTypes = parameterTypes
    self.returnType = returnType
  }

  /// The requirement as Swift writes it: `func callAsFunction(_ x: Tensor) -> Tensor`.
  public var signature: String {
    let names = ["x", "y", "z", "w"]
    let parameters = parameterTypes.enumerated().map {
      "_ \(names[$0.offset % names.count]): \($0.element)"
    }
    return "func \(method)(\(parameters.joined(separator: ", "))) -> \(returnType)"
  }

  /// Whether a declared function meets the requirement.
  func isMet(by function: FunctionDecl) -> Bool {
    function.parameters.count == parameterTypes.count
      && zip(function.parameters, parameterTypes).allSatisfy {
        $0.label == nil && $0.type?.description == $1
      }
      && function.returnType?.description == returnType
  }
}

extension Session {
  /// Lets user types declare `name` (`struct Block: Layer { … }`), checked where they are declared.
  public func register(_ proto: HostProtocol) {
    interpreter.hostProtocols[proto.name] = proto
  }

  /// Lets user types declare `name`, and gives their values the members of the host object
  /// `standIn` makes for them, where the type has no member of that name itself.
  public func register(_ proto: HostProtocol, standIn: @escaping HostProtocol.StandIn) {
    register(proto)
    interpreter.hostStandIns[proto.name] = standIn
  }
}

extension Value {
  /// Whether a struct, enum or class value's type declares the protocol (a user or host one).
  public func conforms(to proto: String) -> Bool {
    switch self {
    case .instance(let instance): return instance.type.satisfies(proto)
    case .object(let object): return object.type.satisfies(proto)
    default: return false
    }
  }

  /// The stored properties of a struct or class value (a superclass's first), in declaration
  /// order; nil for other values.
  public var storedProperties: [(name: String, value: Value)]? {
    switch self {
    case .instance(let instance) where instance.caseIndex < 0:
      return zip(instance.type.stored, instance.fields).map { ($0.name, $1) }
    case .object(let object):
      return zip(object.type.stored, object.fields).map { ($0.name, $1) }
    default: return nil
    }
  }
}
