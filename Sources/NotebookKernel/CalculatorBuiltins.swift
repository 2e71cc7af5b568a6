import Display
import Foundation

/// The calculator's built-in functions, with their help texts.
enum CalcBuiltins {
  typealias Arguments = [(label: String?, value: CalcExpr)]

  /// Name → one-line help (shown by `help(name)`, inspection and completion).
  static let help: [String: String] = [
    "print": "print(items...): writes the items, separated by spaces, and a newline to stdout",
    "printError": "printError(items...): like print, to stderr",
    "display": "display(value, id:), display(html:), display(latex:), display(markdown:): shows a value now",
    "update": "update(value, id:): replaces the display shown with that id",
    "html": "html(text): a value shown as HTML",
    "latex": "latex(text): a value shown as LaTeX",
    "clearOutput": "clearOutput(wait: false): clears the cell's output",
    "readLine": "readLine(prompt: \"\"): reads a line from the user",
    "help": "help(name): shows the help of a built-in in the pager",
    "sleep": "sleep(seconds): waits, interruptibly",
    "sqrt": "sqrt(x): the square root of x",
    "abs": "abs(x): the absolute value of x",
  ]

  static func call(_ name: String, _ arguments: Arguments, in calculator: Calculator)
    throws(CalcError) -> CalcValue
  {
    if name == "help" { return try showHelp(arguments, calculator) }
    var values: [(label: String?, value: CalcValue)] = []
    for argument in arguments { values.append((argument.label, try calculator.evaluate(argument.value))) }
    let sink = calculator.output
    switch name {
    case "print", "printError":
      let line = values.map(\.value.text).joined(separator: " ") + "\n"
      sink.write(line, to: name == "print" ? .stdout : .stderr)
    case "display": try display(values, sink)
    case "update":
      guard values.count == 2, values[1].label == "id" else { throw usage(name) }
      sink.update(values[0].value.bundle, id: values[1].value.text)
    case "html", "latex":
      guard values.count == 1 else { throw usage(name) }
      var bundle = MimeBundle(plain: values[0].value.text)
      bundle.add(name == "html" ? "text/html" : "text/latex", values[0].value.text)
      return .rich(bundle)
    case "clearOutput":
      sink.clearOutput(wait: values.first.map { $0.value.text == "true" } ?? false)
    case "readLine": return try readLine(values, sink)
    case "sleep": try sleep(values, calculator)
    case "sqrt", "abs": return try math(name, values)
    default: throw CalcError(ename: "NameError", message: "cannot find '\(name)' in scope")
    }
    return .void
  }

  private static func display(_ values: [(label: String?, value: CalcValue)], _ sink: any OutputSink)
    throws(CalcError)
  {
    guard let first = values.first else { throw usage("display") }
    let types = ["html": "text/html", "latex": "text/latex", "markdown": "text/markdown"]
    var bundle = first.value.bundle
    if let label = first.label {
      guard let type = types[label] else { throw usage("display") }
      bundle = MimeBundle(plain: first.value.text)
      bundle.add(type, first.value.text)
    }
    let id = values.dropFirst().first { $0.label == "id" }?.value.text
    sink.display(bundle, id: id)
  }

  private static func readLine(_ values: [(label: String?, value: CalcValue)], _ sink: any OutputSink)
    throws(CalcError) -> CalcValue
  {
    let prompt = values.first?.value.text ?? ""
    guard let line = sink.readLine(prompt: prompt, password: false) else {
      throw CalcError(ename: "StdinNotAvailable", message: "this frontend does not support input")
    }
    return .string(line)
  }

  private static func sleep(_ values: [(label: String?, value: CalcValue)], _ calculator: Calculator)
    throws(CalcError)
  {
    guard values.count == 1, let seconds = values[0].value.number, seconds >= 0 else { throw usage("sleep") }
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
      try calculator.checkInterrupt()
      usleep(5_000)
    }
  }

  private static func math(_ name: String, _ values: [(label: String?, value: CalcValue)])
    throws(CalcError) -> CalcValue
  {
    guard values.count == 1 else { throw usage(name) }
    switch (name, values[0].value) {
    case ("abs", .int(let value)) where value != .min: return .int(abs(value))
    case ("abs", .double(let value)): return .double(abs(value))
    case ("sqrt", let value) where value.number != nil: return .double((value.number ?? 0).squareRoot())
    default: throw usage(name)
    }
  }

  private static func showHelp(_ arguments: Arguments, _ calculator: Calculator) throws(CalcError) -> CalcValue {
    guard arguments.count == 1, case .name(let topic) = arguments[0].value else { throw usage("help") }
    guard let text = help[topic] else {
      throw CalcError(ename: "NameError", message: "no help for '\(topic)'")
    }
    calculator.page(MimeBundle(plain: text))
    return .void
  }

  private static func usage(_ name: String) -> CalcError {
    CalcError(ename: "TypeError", message: "wrong arguments; usage: \(help[name] ?? name)")
  }
}
