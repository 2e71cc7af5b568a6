/// Which built-in values satisfy the standard library's protocols, for annotations and generic
/// constraints (`func largest<T: Comparable>(_ xs: [T])` checks each element is Comparable).
///
/// Instances of user types answer from their declared conformances (`UserType.satisfies`); this
/// table covers numbers, strings, Booleans, collections, tuples and ranges, as Swift's standard
/// library declares them.
enum StandardProtocols {
  /// Whether `value` satisfies the protocol `name`; nil when `name` is not a standard protocol
  /// this table knows, or the value is a user instance or a host object (they answer elsewhere).
  static func satisfies(_ value: Value, _ name: String) -> Bool? {
    guard let kinds = conformingKinds[name] else { return nil }
    guard let kind = kind(of: value) else { return nil }
    return kinds.contains(kind)
  }

  private enum Kind {
    case int, double, string, bool, array, dictionary, tuple, range, function, void
  }

  private static func kind(of value: Value) -> Kind? {
    switch value {
    case .int: return .int
    case .double: return .double
    case .string: return .string
    case .bool: return .bool
    case .array: return .array
    case .dictionary: return .dictionary
    case .tuple: return .tuple
    case .range: return .range
    case .native, .closure: return .function
    case .void: return .void
    default: return nil
    }
  }

  private static let numbers: Set<Kind> = [.int, .double]
  private static let collections: Set<Kind> = [.array, .dictionary, .string, .range]
  private static let equatable: Set<Kind> = [
    .int, .double, .string, .bool, .array, .dictionary, .range,
  ]
  private static let conformingKinds: [String: Set<Kind>] = [
    "Equatable": equatable, "Hashable": equatable,
    "Comparable": [.int, .double, .string],
    "Numeric": numbers, "AdditiveArithmetic": numbers, "SignedNumeric": numbers,
    "Strideable": numbers,
    "BinaryInteger": [.int], "FixedWidthInteger": [.int], "SignedInteger": [.int],
    "FloatingPoint": [.double], "BinaryFloatingPoint": [.double],
    "StringProtocol": [.string],
    "Sequence": collections, "Collection": collections,
    "BidirectionalCollection": [.array, .string, .range],
    "RandomAccessCollection": [.array, .range], "RangeReplaceableCollection": [.array, .string],
    "MutableCollection": [.array],
    "CustomStringConvertible": [
      .int, .double, .string, .bool, .array, .dictionary, .tuple, .range,
    ],
    "Codable": equatable, "Encodable": equatable, "Decodable": equatable,
    "Sendable": [.int, .double, .string, .bool, .array, .dictionary, .tuple, .range, .void],
  ]
}
