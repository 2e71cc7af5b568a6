/// A binary operator interned when its node is made, so evaluation switches on a byte rather than
/// comparing strings; `&&`, `||`, `??` (which short-circuit) and host-only operators have none.
enum Opcode: UInt8 {
  case add, subtract, multiply, divide, remainder
  case less, lessEqual, greater, greaterEqual, equal, notEqual

  init?(_ op: String) {
    switch op {
    case "+": self = .add
    case "-": self = .subtract
    case "*": self = .multiply
    case "/": self = .divide
    case "%": self = .remainder
    case "<": self = .less
    case "<=": self = .lessEqual
    case ">": self = .greater
    case ">=": self = .greaterEqual
    case "==": self = .equal
    case "!=": self = .notEqual
    default: return nil
    }
  }

  /// `+ - * / %` (the compound assignments with a numeric fast path).
  var isArithmetic: Bool { rawValue <= Opcode.remainder.rawValue }

  /// `a op b` on Ints: nil on overflow or division by zero (the slow path reports those).
  @inline(__always)
  func apply(_ a: Int, _ b: Int) -> Value? {
    switch self {
    case .add:
      let r = a.addingReportingOverflow(b)
      return r.overflow ? nil : .int(r.partialValue)
    case .subtract:
      let r = a.subtractingReportingOverflow(b)
      return r.overflow ? nil : .int(r.partialValue)
    case .multiply:
      let r = a.multipliedReportingOverflow(by: b)
      return r.overflow ? nil : .int(r.partialValue)
    case .divide: return b == 0 || (a == .min && b == -1) ? nil : .int(a / b)
    case .remainder: return b == 0 || (a == .min && b == -1) ? nil : .int(a % b)
    case .less: return .bool(a < b)
    case .lessEqual: return .bool(a <= b)
    case .greater: return .bool(a > b)
    case .greaterEqual: return .bool(a >= b)
    case .equal: return .bool(a == b)
    case .notEqual: return .bool(a != b)
    }
  }

  /// `a op b` on Doubles (IEEE: no errors).
  @inline(__always)
  func apply(_ a: Double, _ b: Double) -> Value {
    switch self {
    case .add: return .double(a + b)
    case .subtract: return .double(a - b)
    case .multiply: return .double(a * b)
    case .divide: return .double(a / b)
    case .remainder: return .double(a.truncatingRemainder(dividingBy: b))
    case .less: return .bool(a < b)
    case .lessEqual: return .bool(a <= b)
    case .greater: return .bool(a > b)
    case .greaterEqual: return .bool(a >= b)
    case .equal: return .bool(a == b)
    case .notEqual: return .bool(a != b)
    }
  }
}
