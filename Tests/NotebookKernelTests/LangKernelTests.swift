import Cancellation
import Display
import JupyterProtocol
import Testing

@testable import NotebookKernel

@Suite struct LangKernelTests {
  let kernel = LangKernel()
  let sink = RecordingSink(inputLines: ["Ada"])
  let token = CancellationToken()

  func context() -> ExecutionContext {
    ExecutionContext(sink: sink, cancellation: token, executionCount: 1, allowStdin: true)
  }

  func run(_ code: String) -> ExecutionOutcome { kernel.execute(code, context: context()) }

  @Test func cellsRunInOneSession() {
    #expect(run("let side = 3") == .success(result: nil))
    #expect(run("side * side") == .success(result: MimeBundle(plain: "9")))
    _ = run("print(\"hello, world\")")
    #expect(sink.stdout == "hello, world\n")
    #expect(
      run("readLine(prompt: \"name? \") ?? \"\"") == .success(result: MimeBundle(plain: "\"Ada\"")))
  }

  @Test func errorsCarryTheDiagnosticAsTraceback() throws {
    guard case .failure(let error) = run("1 / 0") else {
      Issue.record("no error")
      return
    }
    #expect(error.ename == "ArithmeticError")
    #expect(error.traceback.count > 1)
    #expect(error.traceback.joined().contains("1 / 0"))
  }

  @Test func notebookFunctionsReachTheSink() {
    _ = run("printError(\"careful\")\nclearOutput(wait: true)\ndisplay(HTML(\"<b>x</b>\"))")
    #expect(sink.events.first == .text("careful\n", .stderr))
    #expect(sink.events.contains(.clear(wait: true)))
    guard case .display(let bundle, _) = sink.events.last else {
      Issue.record("no display")
      return
    }
    #expect(bundle.data["text/html"] == "<b>x</b>")
    guard case .success(let latex) = run("LaTeX(\"x^2\")") else {
      Issue.record("failed")
      return
    }
    #expect(latex?.data["text/latex"] == "x^2")
  }

  @Test func interruptEndsTheCellAndKeepsBindings() {
    _ = run("let kept = 42")
    token.cancel()
    guard case .failure(let error) = run("var n = 0\nwhile true { n += 1 }") else {
      Issue.record("not interrupted")
      return
    }
    #expect(error.ename == "Interrupted")
    token.reset()
    #expect(run("kept") == .success(result: MimeBundle(plain: "42")))
    token.cancel()
    guard case .failure(let slept) = run("sleep(5)") else {
      Issue.record("sleep not interrupted")
      return
    }
    #expect(slept.ename == "Interrupted")
  }

  @Test func helpGoesToThePager() {
    let context = context()
    #expect(kernel.execute("print?", context: context) == .success(result: nil))
    #expect(context.pages.first?.plainText.contains("standard output") == true)
    if case .failure(let error) = kernel.execute("nothingHere?", context: context) {
      #expect(error.ename == "NameError")
    } else {
      Issue.record("help for an unknown name should fail")
    }
  }

  @Test func completionInspectionAndCompleteness() {
    let completion = kernel.complete("é + printE", cursor: 10)
    #expect(completion.matches == ["printError"])
    #expect(completion.cursorStart == 4)
    #expect(completion.cursorEnd == 10)
    #expect(kernel.inspect("print", cursor: 5, detailLevel: 0) != nil)
    #expect(kernel.isComplete("print(1)") == .complete)
    #expect(kernel.isComplete("print(\"a") != .complete)
    #expect(kernel.isComplete("while true {") == .incomplete(indent: "    "))
    #expect(kernel.isComplete("print?") == .complete)
  }

  /// The reply's `_jupyter_types_experimental` gives each match its type and signature: the
  /// labels of `String(` come from every overload, each with its own signature.
  @Test func completionMetadataCarriesTypesAndEverySignature() throws {
    func entries(_ completion: Completion) -> [JSONValue] {
      if case .array(let entries)? = completion.metadata["_jupyter_types_experimental"] {
        return entries
      }
      return []
    }
    let completion = kernel.complete("String(", cursor: 7)
    let types = entries(completion)
    #expect(types.count == completion.matches.count && !types.isEmpty)
    #expect(
      types.first
        == .object([
          "start": .int(7), "end": .int(7), "text": "format: ", "type": "argument label",
          "signature": "String(format: String, _ arguments: Any...) -> String",
        ]))
    #expect(
      types.dropFirst().first?["signature"] == "String(repeating: String, count: Int) -> String")
    let name = kernel.complete("Strin", cursor: 5)
    let entry = try #require(entries(name).first { $0["text"] == "String" })
    #expect(entry["signature"]?.stringValue?.split(separator: "\n").count == 4)
  }
}
