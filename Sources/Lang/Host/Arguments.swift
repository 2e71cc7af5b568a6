import Cancellation
import Display

/// What a native may use while it runs: the sink, the cancellation token, and calls back into the
/// language (a closure argument, a builder block's layers, `display`).
public final class CallContext {
  /// Where output goes (print, display, live updates).
  public let sink: any OutputSink
  /// The token to poll in long loops (`try context.cancellation.check()`).
  public let cancellation: CancellationToken
  let interpreter: Interpreter

  init(interpreter: Interpreter) {
    self.interpreter = interpreter
    self.sink = interpreter.sink
    self.cancellation = interpreter.cancellation
  }

  /// Calls a language function value (closure, native) with unlabelled arguments.
  public func call(_ function: Value, _ arguments: [Value]) throws -> Value {
    try interpreter.callValue(function, arguments.map { (nil, $0) }, interpreter.hostSpan)
  }

  /// Shows a value mid-cell as `display(x)` does.
  public func display(_ value: Value) {
    sink.display(value.displayBundle, id: nil)
  }

  /// Writes text to stdout.
  public func print(_ text: String) {
    sink.write(text, to: .stdout)
  }
}

/// The arguments of a native call, bound to its parameters (defaults filled in, variadics as arrays).
public struct Arguments {
  /// The called function's name.
  public let function: String
  /// One value per parameter, in parameter order.
  public let values: [Value]
  let names: [String]
  /// Access to the sink, cancellation and callbacks.
  public let context: CallContext

  /// The value of the parameter at `index` (`.null` past the end).
  public subscript(index: Int) -> Value { values.indices.contains(index) ? values[index] : .null }

  /// The value of the parameter named `name` (`.null` if there is none).
  public subscript(name: String) -> Value {
    guard let index = names.firstIndex(of: name) else { return .null }
    return values[index]
  }

  /// The parameter as an Int; a TypeError otherwise.
  public func int(_ name: String) throws -> Int {
    guard let number = self[name].intValue else { throw mismatch(name, "Int") }
    return number
  }

  /// The parameter as a Double (an Int converts); a TypeError otherwise.
  public func double(_ name: String) throws -> Double {
    guard let number = self[name].doubleValue else { throw mismatch(name, "Double") }
    return number
  }

  /// The parameter as a Bool; a TypeError otherwise.
  public func bool(_ name: String) throws -> Bool {
    guard let flag = self[name].boolValue else { throw mismatch(name, "Bool") }
    return flag
  }

  /// The parameter as a String; a TypeError otherwise.
  public func string(_ name: String) throws -> String {
    guard let text = self[name].stringValue else { throw mismatch(name, "String") }
    return text
  }

  /// The parameter as an array (tuples and ranges convert); a TypeError otherwise.
  public func array(_ name: String) throws -> [Value] {
    guard let elements = self[name].arrayValue else { throw mismatch(name, "Array") }
    return elements
  }

  /// The parameter as an array of Ints (`[1, 32, 32]`); a TypeError otherwise.
  public func ints(_ name: String) throws -> [Int] {
    let elements = try array(name)
    let numbers = elements.compactMap(\.intValue)
    guard numbers.count == elements.count else { throw mismatch(name, "[Int]") }
    return numbers
  }

  /// The name of an implicit member argument (`.tanh` gives `tanh`); a TypeError otherwise.
  public func implicitMember(_ name: String) throws -> String {
    guard case .implicitMember(let member) = self[name] else {
      throw mismatch(name, "an implicit member like .relu")
    }
    return member
  }

  /// The parameter as a host object of type `T`; a TypeError otherwise.
  public func host<T>(_ name: String, as type: T.Type, typeName: String) throws -> T {
    guard let object = self[name].host(as: type) else { throw mismatch(name, typeName) }
    return object
  }

  /// Whether the argument was nil (or left at a nil default).
  public func isNil(_ name: String) -> Bool { self[name].isNil }

  private func mismatch(_ name: String, _ expected: String) -> HostError {
    HostError("TypeError", "\(function): '\(name)' expects \(expected), got \(self[name].typeName)")
  }
}
