import Cancellation
import Display
import Foundation

/// Evaluates calculator statements with bindings that persist across cells.
///
/// Loops and `sleep` poll the cancellation token, so an interrupt ends a cell promptly with
/// `CalcError.interrupted`; bindings made before the interrupt stay.
final class Calculator {
  private(set) var bindings: [String: (value: CalcValue, mutable: Bool)] = [:]
  private var sink: any OutputSink = DiscardSink()
  private var cancellation = CancellationToken()
  private(set) var pages: [MimeBundle] = []

  /// Runs a cell; returns the value of its last expression statement (nil if it has none).
  func run(_ source: String, sink: any OutputSink, cancellation: CancellationToken)
    throws -> CalcValue?
  {
    self.sink = sink
    self.cancellation = cancellation
    pages = []
    defer { self.sink = DiscardSink() }
    let statements: [CalcStatement]
    do { statements = try CalcParser.parse(source) } catch {
      throw CalcError(ename: "SyntaxError", message: error.message)
    }
    var last: CalcValue?
    for statement in statements { last = try execute(statement) }
    let suppressed = source.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(";")
    guard case .expression = statements.last, let value = last, !suppressed else { return nil }
    if case .void = value { return nil }
    return value
  }

  // MARK: - Statements

  private func execute(_ statement: CalcStatement) throws(CalcError) -> CalcValue? {
    switch statement {
    case .bind(let name, let expression, let mutable):
      bindings[name] = (try evaluate(expression), mutable)
    case .assign(let name, let op, let expression):
      try assign(name, op: op, try evaluate(expression))
    case .expression(let expression):
      return try evaluate(expression)
    case .whileLoop(let condition, let body):
      while try truth(try evaluate(condition)) {
        try checkInterrupt()
        for inner in body { _ = try execute(inner) }
      }
    case .forLoop(let name, let from, let to, let closed, let body):
      guard case .int(let low) = try evaluate(from), case .int(let high) = try evaluate(to) else {
        throw .type("a range needs Int bounds")
      }
      guard closed || high > .min else { break }
      let upper = closed ? high : high - 1
      guard low <= upper else { break }
      for value in low...upper {
        try checkInterrupt()
        bindings[name] = (.int(value), false)
        for inner in body { _ = try execute(inner) }
      }
    }
    return nil
  }

  private func assign(_ name: String, op: String, _ value: CalcValue) throws(CalcError) {
    guard let current = bindings[name] else {
      throw CalcError(ename: "NameError", message: "cannot find '\(name)' in scope")
    }
    guard current.mutable else {
      throw CalcError(ename: "TypeError", message: "cannot assign to '\(name)': it is a 'let' constant")
    }
    let updated = op == "=" ? value : try CalcOperators.apply(String(op.dropLast()), current.value, value)
    bindings[name] = (updated, true)
  }

  func checkInterrupt() throws(CalcError) {
    if cancellation.isCancelled { throw CalcError.interrupted }
  }

  // MARK: - Expressions

  func evaluate(_ expression: CalcExpr) throws(CalcError) -> CalcValue {
    switch expression {
    case .literal(let value): return value
    case .name(let name):
      guard let binding = bindings[name] else {
        throw CalcError(ename: "NameError", message: "cannot find '\(name)' in scope")
      }
      return binding.value
    case .unary(let op, let operand): return try unary(op, try evaluate(operand))
    case .binary("&&", let left, let right):
      return .bool(try truth(try evaluate(left)) ? try truth(try evaluate(right)) : false)
    case .binary("||", let left, let right):
      return .bool(try truth(try evaluate(left)) ? true : try truth(try evaluate(right)))
    case .binary(let op, let left, let right):
      return try CalcOperators.apply(op, try evaluate(left), try evaluate(right))
    case .call(let name, let arguments):
      return try CalcBuiltins.call(name, arguments, in: self)
    }
  }

  private func unary(_ op: String, _ value: CalcValue) throws(CalcError) -> CalcValue {
    switch (op, value) {
    case ("-", .int(let number)) where number != .min: return .int(-number)
    case ("-", .double(let number)): return .double(-number)
    case ("!", .bool(let flag)): return .bool(!flag)
    default: throw .type("'\(op)' does not apply to \(value.typeName)")
    }
  }

  func truth(_ value: CalcValue) throws(CalcError) -> Bool {
    guard case .bool(let flag) = value else { throw .type("a condition must be Bool, not \(value.typeName)") }
    return flag
  }

  // MARK: - For builtins

  var output: any OutputSink { sink }
  var token: CancellationToken { cancellation }
  func page(_ bundle: MimeBundle) { pages.append(bundle) }
}

extension CalcError {
  /// The error of an interrupted cell.
  static let interrupted = CalcError(ename: "Interrupted", message: "interrupted by the user")
}

/// A sink that drops everything (between cells).
final class DiscardSink: OutputSink {
  func write(_ text: String, to stream: OutputStreamName) {}
  func display(_ bundle: MimeBundle, id: String?) {}
  func update(_ bundle: MimeBundle, id: String) {}
  func clearOutput(wait: Bool) {}
  func readLine(prompt: String, password: Bool) -> String? { nil }
}
