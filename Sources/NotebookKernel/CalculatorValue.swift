import Display

/// A value of the calculator.
enum CalcValue {
  case int(Int)
  case double(Double)
  case string(String)
  case bool(Bool)
  /// A value with rich forms (e.g. `html("<b>x</b>")`).
  case rich(MimeBundle)
  /// The result of a call that returns nothing (`print`).
  case void

  /// What `print` writes.
  var text: String {
    switch self {
    case .int(let value): String(value)
    case .double(let value): String(value)
    case .string(let value): value
    case .bool(let value): String(value)
    case .rich(let bundle): bundle.plainText
    case .void: "()"
    }
  }

  /// The cell result form: strings quoted, like a Swift playground.
  var bundle: MimeBundle {
    switch self {
    case .string(let value): MimeBundle(plain: value.debugDescription)
    case .rich(let bundle): bundle
    default: MimeBundle(plain: text)
    }
  }

  var typeName: String {
    switch self {
    case .int: "Int"
    case .double: "Double"
    case .string: "String"
    case .bool: "Bool"
    case .rich: "Display"
    case .void: "Void"
    }
  }

  var number: Double? {
    switch self {
    case .int(let value): Double(value)
    case .double(let value): value
    default: nil
    }
  }
}

/// A runtime error of the calculator, shown as a Jupyter error.
struct CalcError: Error {
  var ename: String
  var message: String

  static func type(_ message: String) -> CalcError { CalcError(ename: "TypeError", message: message) }
}

/// Binary operators on calculator values.
enum CalcOperators {
  static func apply(_ op: String, _ left: CalcValue, _ right: CalcValue) throws(CalcError) -> CalcValue {
    switch (left, right) {
    case (.int(let a), .int(let b)): return try integer(op, a, b)
    case (.string(let a), .string(let b)): return try strings(op, a, b)
    case (.bool(let a), .bool(let b)): return try booleans(op, a, b)
    default:
      guard let a = left.number, let b = right.number else {
        throw .type("'\(op)' cannot combine \(left.typeName) and \(right.typeName)")
      }
      return try real(op, a, b)
    }
  }

  private static func integer(_ op: String, _ a: Int, _ b: Int) throws(CalcError) -> CalcValue {
    switch op {
    case "+", "-", "*":
      let (value, overflow) = op == "+" ? a.addingReportingOverflow(b)
        : op == "-" ? a.subtractingReportingOverflow(b) : a.multipliedReportingOverflow(by: b)
      if overflow { throw CalcError(ename: "OverflowError", message: "\(a) \(op) \(b) overflows Int") }
      return .int(value)
    case "/", "%":
      guard b != 0 else { throw CalcError(ename: "ZeroDivisionError", message: "division by zero") }
      guard !(a == .min && b == -1) else { throw CalcError(ename: "OverflowError", message: "overflow") }
      return .int(op == "/" ? a / b : a % b)
    default: return try real(op, Double(a), Double(b))
    }
  }

  private static func real(_ op: String, _ a: Double, _ b: Double) throws(CalcError) -> CalcValue {
    switch op {
    case "+": return .double(a + b)
    case "-": return .double(a - b)
    case "*": return .double(a * b)
    case "/": return .double(a / b)
    case "%": return .double(a.truncatingRemainder(dividingBy: b))
    case "<": return .bool(a < b)
    case "<=": return .bool(a <= b)
    case ">": return .bool(a > b)
    case ">=": return .bool(a >= b)
    case "==": return .bool(a == b)
    case "!=": return .bool(a != b)
    default: throw .type("'\(op)' does not apply to numbers")
    }
  }

  private static func strings(_ op: String, _ a: String, _ b: String) throws(CalcError) -> CalcValue {
    switch op {
    case "+": return .string(a + b)
    case "==": return .bool(a == b)
    case "!=": return .bool(a != b)
    default: throw .type("'\(op)' does not apply to strings")
    }
  }

  private static func booleans(_ op: String, _ a: Bool, _ b: Bool) throws(CalcError) -> CalcValue {
    switch op {
    case "&&": return .bool(a && b)
    case "||": return .bool(a || b)
    case "==": return .bool(a == b)
    case "!=": return .bool(a != b)
    default: throw .type("'\(op)' does not apply to Bool")
    }
  }
}
