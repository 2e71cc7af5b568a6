import Display
import Foundation

/// The JSON type an attribute of a widget model holds, as the widget protocol checks it.
enum StateKind: Equatable {
  case int, number, bool, string, array, object
  /// A string or null (tooltips, Layout's CSS attributes).
  case optionalString
  /// An integer or null (a Dropdown's `index`).
  case optionalInt
  /// Two integers, lower ≤ upper (an IntRangeSlider's `value`).
  case intPair

  /// The kind of an attribute whose default is `value`.
  init(default value: JSONValue) {
    switch value {
    case .int: self = .int
    case .double: self = .number
    case .bool: self = .bool
    case .string: self = .string
    case .array: self = .array
    case .object: self = .object
    case .null: self = .optionalString
    }
  }

  /// Whether `value` has this kind (an integral number counts as an int; any number as a number).
  func accepts(_ value: JSONValue) -> Bool {
    switch (self, value) {
    case (.int, _): return value.intValue != nil && value.boolValue == nil
    case (.number, .int), (.number, .double), (.bool, .bool), (.string, .string): return true
    case (.array, .array), (.object, .object): return true
    case (.optionalString, .null), (.optionalString, .string): return true
    case (.optionalInt, .null): return true
    case (.optionalInt, _): return value.intValue != nil
    case (.intPair, .array(let pair)):
      let ints = pair.compactMap { $0.boolValue == nil ? $0.intValue : nil }
      return ints.count == 2 && pair.count == 2 && ints[0] <= ints[1]
    default: return false
    }
  }
}

/// Why an update from the front end was refused (the state stays as it was).
struct StateError: Error, Equatable, CustomStringConvertible {
  var description: String
}

/// The synced state of one widget model (protocol 2.1): attribute → JSON value, with the kind
/// each attribute must keep.
///
/// `apply(_:buffers:bufferPaths:)` takes a front end's `update` whole or not at all: an unknown
/// attribute, a value of the wrong kind, or a buffer path that names nothing is a `StateError`
/// and changes nothing. `clamp` keeps bounded values within `min...max`, as ipywidgets does.
struct WidgetState: Equatable {
  private(set) var values: [String: JSONValue]
  private var kinds: [String: StateKind]
  /// The binary attributes (an Image's PNG `value`), sent as buffers by `buffer_paths`.
  private(set) var buffers: [String: [UInt8]]
  /// The binary attributes the last `apply` changed.
  private(set) var changedBuffers: [String] = []

  /// A state from defaults; `kinds` overrides the kinds inferred from the defaults; `buffers`
  /// names the binary attributes and their first bytes.
  init(
    _ values: [String: JSONValue], kinds: [String: StateKind] = [:],
    buffers: [String: [UInt8]] = [:]
  ) {
    self.values = values
    self.kinds = values.mapValues { StateKind(default: $0) }.merging(kinds) { $1 }
    self.buffers = buffers
  }

  /// Sets a binary attribute from the kernel side.
  mutating func setBuffer(_ name: String, _ bytes: [UInt8]) { buffers[name] = bytes }

  subscript(name: String) -> JSONValue? { values[name] }

  /// Sets one attribute from the kernel side (the runtime has checked the kind).
  mutating func set(_ name: String, _ value: JSONValue) { values[name] = value }

  /// Applies a front end's update; returns the attributes it changed. All or nothing.
  mutating func apply(_ update: JSONValue, buffers: [[UInt8]] = [], bufferPaths: JSONValue = [])
    throws(StateError) -> [String: JSONValue]
  {
    guard case .object(let changes) = update else {
      throw StateError(description: "the state is not a JSON object")
    }
    let binary = try checkBuffers(bufferPaths, count: buffers.count)
    for (name, value) in changes {
      guard let kind = kinds[name] else {
        throw StateError(description: "unknown attribute '\(name)'")
      }
      guard kind.accepts(value) else {
        throw StateError(description: "'\(name)' expects \(kind), got \(value)")
      }
    }
    var next = values
    for (name, value) in changes { next[name] = normalized(value, as: kinds[name]) }
    next = Self.clamp(next)
    let changed = next.filter { values[$0.key] != $0.value || changes[$0.key] != nil }
    values = next
    for (name, bytes) in zip(binary, buffers) { self.buffers[name] = bytes }
    changedBuffers = binary
    return changed
  }

  /// Every buffer path must be a list of keys naming an attribute this model has, and that
  /// attribute must hold binary data; the count of paths must match the buffers. Returns the
  /// attributes, in the buffers' order.
  private func checkBuffers(_ paths: JSONValue, count: Int) throws(StateError) -> [String] {
    guard case .array(let list) = paths else {
      throw StateError(description: "buffer_paths is not a list")
    }
    guard list.count == count else {
      throw StateError(description: "\(list.count) buffer paths for \(count) buffers")
    }
    for path in list {
      guard case .array(let keys) = path, let first = keys.first?.stringValue else {
        throw StateError(description: "buffer path \(path) is not a list of keys")
      }
      guard kinds[first] != nil || buffers[first] != nil else {
        throw StateError(description: "buffer path \(path) names no attribute")
      }
      guard buffers[first] != nil, keys.count == 1 else {
        throw StateError(description: "'\(first)' does not hold binary data")
      }
    }
    return list.compactMap { path -> String? in
      if case .array(let keys) = path { return keys.first?.stringValue }
      return nil
    }
  }

  private func normalized(_ value: JSONValue, as kind: StateKind?) -> JSONValue {
    switch kind {
    case .int?, .optionalInt?: return value.intValue.map { .int($0) } ?? value
    case .number?: return value.number.map { .double($0) } ?? value
    default: return value
    }
  }

  /// `value` kept within `min...max` when the model has both (ints stay ints; both ends of a
  /// range; `base^min...base^max` for a log slider).
  static func clamp(_ state: [String: JSONValue]) -> [String: JSONValue] {
    guard let value = state["value"], let low = state["min"], let high = state["max"] else {
      return state
    }
    var clamped = state
    if case .array(let pair) = value, let lo = low.intValue, let hi = high.intValue {
      clamped["value"] = .array(pair.map { .int(min(max($0.intValue ?? lo, lo), hi)) })
    } else if let base = state["base"]?.number, let v = value.number, let lo = low.number,
      let hi = high.number
    {
      clamped["value"] = .double(min(max(v, Foundation.pow(base, lo)), Foundation.pow(base, hi)))
    } else if let v = value.intValue, case .int = value, let lo = low.intValue,
      let hi = high.intValue
    {
      clamped["value"] = .int(min(max(v, lo), hi))
    } else if let v = value.number, let lo = low.number, let hi = high.number {
      clamped["value"] = .double(min(max(v, lo), hi))
    }
    return clamped
  }
}

extension JSONValue {
  /// The members of an object (empty for any other value).
  var members: [String: JSONValue] {
    if case .object(let members) = self { return members }
    return [:]
  }

  /// The elements of an array (empty for any other value).
  var elements: [JSONValue] {
    if case .array(let elements) = self { return elements }
    return []
  }

  /// The numeric payload as a Double (ints too), or nil.
  var number: Double? {
    switch self {
    case .int(let value): return Double(value)
    case .double(let value): return value
    default: return nil
    }
  }
}
