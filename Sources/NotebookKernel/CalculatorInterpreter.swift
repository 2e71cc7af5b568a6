import Display
import JupyterProtocol

/// A small real interpreter behind the kernel until the cell language is wired in.
///
/// Arithmetic on Int/Double/String/Bool, `let`/`var`, loops, `print`, `printError` (stderr),
/// `display`, `update`, `html`, `latex`, `clearOutput`, `readLine` (stdin), `help` (pager),
/// `sleep` (interruptible). Bindings persist across cells and survive interrupts.
public final class CalculatorInterpreter: KernelInterpreter {
  private let calculator = Calculator()
  private static let keywords = ["let", "var", "while", "for", "in", "true", "false"]

  /// A fresh calculator session.
  public init() {}

  public var kernelInfo: KernelInfo {
    KernelInfo(
      implementation: "stride", implementationVersion: "0.1.0", languageInfo: .swift,
      banner: "Stride: a Swift kernel for CNNs (calculator mode: the cell language is not built in)",
      helpLinks: [HelpLink(text: "Stride", url: "https://jupyter.org")])
  }

  public func execute(_ code: String, context: ExecutionContext) -> ExecutionOutcome {
    do {
      let value = try calculator.run(code, sink: context.sink, cancellation: context.cancellation)
      for page in calculator.pages { context.page(page) }
      return .success(result: value?.bundle)
    } catch let error as CalcError {
      if error.ename == CalcError.interrupted.ename { return .failure(.interrupted) }
      return .failure(ExecutionError(ename: error.ename, evalue: error.message))
    } catch {
      return .failure(ExecutionError(ename: "InternalError", evalue: "\(error)"))
    }
  }

  public func evaluate(expression: String, context: ExecutionContext) -> ExecutionOutcome {
    execute(expression, context: context)
  }

  public func complete(_ code: String, cursor: Int) -> Completion {
    let scalars = Array(code.unicodeScalars.prefix(cursor))
    let start = scalars.lastIndex { !(CharacterSetLike.isIdentifier($0)) }.map { $0 + 1 } ?? 0
    let prefix = String(String.UnicodeScalarView(scalars[start...]))
    let names = Set(calculator.bindings.keys).union(CalcBuiltins.help.keys).union(Self.keywords)
    let matches = prefix.isEmpty ? [] : names.filter { $0.hasPrefix(prefix) }.sorted()
    return Completion(matches: matches, cursorStart: start, cursorEnd: scalars.count)
  }

  public func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MimeBundle? {
    let scalars = Array(code.unicodeScalars)
    var start = min(cursor, scalars.count)
    var end = start
    while start > 0, CharacterSetLike.isIdentifier(scalars[start - 1]) { start -= 1 }
    while end < scalars.count, CharacterSetLike.isIdentifier(scalars[end]) { end += 1 }
    let name = String(String.UnicodeScalarView(scalars[start..<end]))
    if let help = CalcBuiltins.help[name] { return MimeBundle(plain: help) }
    if let binding = calculator.bindings[name] {
      let kind = binding.mutable ? "var" : "let"
      return MimeBundle(plain: "\(kind) \(name): \(binding.value.typeName) = \(binding.value.bundle.plainText)")
    }
    return nil
  }

  public func isComplete(_ code: String) -> Completeness {
    do {
      _ = try CalcParser.parse(code)
      return .complete
    } catch {
      return error.atEnd ? .incomplete(indent: code.hasSuffix("{\n") ? "    " : "") : .invalid
    }
  }
}

/// Identifier characters (letters, digits, `_`).
enum CharacterSetLike {
  static func isIdentifier(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_"
  }
}
