/// A value of the cell language.
///
/// Scalars, strings, arrays, dictionaries and tuples have value semantics as in Swift; functions and
/// host objects (tensors, layers, data sets: anything NotebookRuntime registers) are references.
public enum Value {
  /// The result of a statement or a function without a result (Swift's `()`).
  case void
  /// `nil`.
  case null
  case bool(Bool)
  case int(Int)
  /// `Double` (`Float` is an alias in the language).
  case double(Double)
  case string(String)
  case array([Value])
  case dictionary(DictionaryValue)
  case tuple([Value])
  case range(RangeValue)
  /// A native function (built-in or host) or a constructor such as `Conv2D`.
  case native(NativeFunction)
  /// A user function or closure.
  case closure(Closure)
  /// An object of the host (engine): tensors, layers, models, data sets, histories, figures.
  case host(any HostObject)
  /// `.tanh`, `.same`, `.crossEntropy`: an implicit member that the receiving native interprets.
  case implicitMember(String)
  /// A struct, enum or protocol declared in a cell, as a value (`Point`, `Direction.allCases`).
  case type(UserType)
  /// A struct or enum value of a type declared in a cell.
  case instance(InstanceValue)
  /// A class instance declared in a cell (a reference).
  case object(ObjectRef)
}

/// A range `lower..<upper` or `lower...upper`; a missing bound is open (`2...`, `..<3`, `...`).
public struct RangeValue: Equatable, Sendable {
  /// The lower bound, nil when open.
  public var lower: Int?
  /// The upper bound, nil when open.
  public var upper: Int?
  /// Whether `upper` is included (`...`).
  public var isClosed: Bool

  /// Makes a range.
  public init(lower: Int?, upper: Int?, isClosed: Bool) {
    self.lower = lower
    self.upper = upper
    self.isClosed = isClosed
  }

  /// The half-open bounds for a collection of `count` elements (open bounds filled in).
  public func bounds(count: Int) -> (Int, Int) {
    let low = lower ?? 0
    let high = upper.map { isClosed && $0 < Int.max ? $0 + 1 : $0 } ?? count
    return (low, high)
  }

  /// How many integers the range holds (0 when open-ended above or empty).
  var count: Int {
    guard let lower, let upper else { return 0 }
    let high = isClosed ? upper.addingReportingOverflow(1).partialValue : upper
    return max(0, high.subtractingReportingOverflow(lower).partialValue)
  }
}

/// A dictionary that keeps insertion order, so displays are deterministic.
public struct DictionaryValue {
  private(set) var keys: [Value] = []
  private(set) var values: [Value] = []
  private var index: [HashKey: Int] = [:]

  /// An empty dictionary.
  public init() {}

  /// The number of entries.
  public var count: Int { keys.count }

  /// The entries in insertion order.
  public var entries: [(key: Value, value: Value)] { Array(zip(keys, values)).map { ($0, $1) } }

  /// The value for a key (Int, Double, Bool or String), or nil.
  public subscript(key: Value) -> Value? {
    guard let hash = HashKey(key), let position = index[hash] else { return nil }
    return values[position]
  }

  /// Sets or (with nil) removes an entry; false when the key cannot be hashed.
  @discardableResult
  public mutating func set(_ key: Value, _ value: Value?) -> Bool {
    guard let hash = HashKey(key) else { return false }
    if let value {
      if let position = index[hash] {
        values[position] = value
      } else {
        index[hash] = keys.count
        keys.append(key)
        values.append(value)
      }
    } else if let position = index.removeValue(forKey: hash) {
      keys.remove(at: position)
      values.remove(at: position)
      for (other, slot) in index where slot > position { index[other] = slot - 1 }
    }
    return true
  }
}

/// The hashable view of a dictionary key.
enum HashKey: Hashable {
  case int(Int)
  case double(Double)
  case bool(Bool)
  case string(String)
  /// A Hashable struct or enum: its type, case and fields.
  case composite(String, Int, [HashKey])

  init?(_ value: Value) {
    switch value {
    case .int(let number): self = .int(number)
    case .double(let number):
      self = number.rounded() == number && abs(number) < 1e18 ? .int(Int(number)) : .double(number)
    case .bool(let flag): self = .bool(flag)
    case .string(let text): self = .string(text)
    case .instance(let instance) where instance.type.isHashable:
      let parts = instance.fields.compactMap(HashKey.init)
      guard parts.count == instance.fields.count else { return nil }
      self = .composite(instance.type.name, instance.caseIndex, parts)
    default: return nil
    }
  }
}
