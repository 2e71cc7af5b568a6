import Display
import Lang
import NN
import TextFormat

/// `convOutputSize(input:filter:padding:stride:)`: W' = (W − F + 2P)/S + 1 with its working, as
/// text and LaTeX; `.value` is the Int, and `== 28` compares with it. When the stride does not
/// divide evenly the result is floored and the note says how many columns are never visited.
/// The arithmetic is NN's (`SizeArithmetic`, as layer summaries show it); the forms are the
/// notebook's.
final class ConvOutputSizeValue: RuntimeObject {
  let input: Int, filter: Int, padding: Int, stride: Int
  let arithmetic: SizeArithmetic

  init(input: Int, filter: Int, padding: Int, stride: Int) throws {
    guard input >= 1, filter >= 1, padding >= 0, stride >= 1 else {
      throw HostError(
        "ValueError", "convOutputSize needs input ≥ 1, filter ≥ 1, padding ≥ 0 and stride ≥ 1")
    }
    guard input + 2 * padding >= filter else {
      throw HostError(
        "ShapeError",
        "a \(filter)x\(filter) filter does not fit in a \(input)x\(input) input with padding \(padding)",
        hint: "the padded input W + 2P = \(input + 2 * padding) must be at least F = \(filter)")
    }
    self.input = input
    self.filter = filter
    self.padding = padding
    self.stride = stride
    arithmetic = try convOutputSize(input: input, filter: filter, padding: padding, stride: stride)
  }

  var span: Int { arithmetic.span }
  var value: Int { arithmetic.output }
  var remainder: Int { arithmetic.span % stride }

  override var typeName: String { "ConvOutputSize" }

  /// `W' = (32 − 5 + 2×0)/1 + 1 = 28`, plus the note when floored.
  override var description: String {
    let working = "W' = (\(input) − \(filter) + 2×\(padding))/\(stride) + 1"
    guard remainder != 0 else { return "\(working) = \(value)" }
    let exact = NumberFormat.fixed(Double(span) / Double(stride) + 1, maxFractionDigits: 4)
    let columns = remainder == 1 ? "the last column is" : "the last \(remainder) columns are"
    return
      "\(working) = \(exact) → \(value): the stride does not divide evenly; \(columns) never visited"
  }

  var latex: String {
    let fraction = "\\frac{\(input) - \(filter) + 2 \\cdot \(padding)}{\(stride)}"
    if remainder == 0 { return "$$W' = \\frac{W - F + 2P}{S} + 1 = \(fraction) + 1 = \(value)$$" }
    return
      "$$W' = \\left\\lfloor \\frac{W - F + 2P}{S} \\right\\rfloor + 1 = \\left\\lfloor \(fraction) \\right\\rfloor + 1 = \(value)$$"
  }

  override var properties: [PropertySpec] {
    [
      PropertySpec(name: "value", type: "Int", doc: "The output size.") { .int(self.value) },
      PropertySpec(name: "isExact", type: "Bool", doc: "Whether the stride divides evenly.") {
        .bool(self.remainder == 0)
      },
      PropertySpec(
        name: "unvisited", type: "Int",
        doc: "Input columns the filter never reaches (when floored)."
      ) { .int(self.remainder) },
    ]
  }

  override func binaryOperator(_ op: BinaryOperator, other: Value, selfOnLeft: Bool) throws
    -> Value?
  {
    let number: Int
    if let int = other.intValue {
      number = int
    } else if let size = other.host(as: ConvOutputSizeValue.self) {
      number = size.value
    } else {
      return nil
    }
    let (lhs, rhs) = selfOnLeft ? (value, number) : (number, value)
    switch op {
    case .equal: return .bool(lhs == rhs)
    case .notEqual: return .bool(lhs != rhs)
    case .less: return .bool(lhs < rhs)
    case .lessEqual: return .bool(lhs <= rhs)
    case .greater: return .bool(lhs > rhs)
    case .greaterEqual: return .bool(lhs >= rhs)
    case .add: return .int(lhs + rhs)
    case .subtract: return .int(lhs - rhs)
    case .multiply: return .int(lhs * rhs)
    case .divide: return rhs == 0 ? nil : .int(lhs / rhs)
    case .remainder: return rhs == 0 ? nil : .int(lhs % rhs)
    default: return nil
    }
  }

  override func displayBundle() -> MimeBundle {
    var bundle = MimeBundle(plain: description)
    bundle.add("text/latex", latex)
    return bundle
  }
}
