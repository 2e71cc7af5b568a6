import Cancellation
import Display
import JupyterProtocol
import Testing

@testable import NotebookKernel

@Suite struct CalculatorInterpreterTests {
  let interpreter = CalculatorInterpreter()
  let sink = RecordingSink(inputLines: ["Ada"])
  let token = CancellationToken()

  func run(_ code: String) -> ExecutionOutcome {
    interpreter.execute(code, context: ExecutionContext(sink: sink, cancellation: token,
                                                        executionCount: 1, allowStdin: true))
  }

  func plain(_ outcome: ExecutionOutcome) -> String? {
    if case .success(let bundle) = outcome { return bundle?.plainText }
    return nil
  }

  func ename(_ outcome: ExecutionOutcome) -> String? {
    if case .failure(let error) = outcome { return error.ename }
    return nil
  }

  @Test func arithmeticFollowsPrecedenceAndTypes() {
    #expect(plain(run("1 + 2 * 3")) == "7")
    #expect(plain(run("(1 + 2) * 3")) == "9")
    #expect(plain(run("7 / 2")) == "3")
    #expect(plain(run("7 / 2.0")) == "3.5")
    #expect(plain(run("-2 * 3 % 4")) == "-2")
    #expect(plain(run("1e3 + 0.5")) == "1000.5")
    #expect(plain(run("1 < 2 && !false")) == "true")
    #expect(plain(run("\"a\" + \"b\"")) == "\"ab\"")
    #expect(plain(run("1 + 2;")) == nil)
  }

  @Test func bindingsPersistAcrossCellsAndLoopsRun() {
    _ = run("var total = 0\nfor i in 1...4 { total += i }")
    #expect(plain(run("total")) == "10")
    _ = run("var n = 0; while n < 5 { n += 2 }")
    #expect(plain(run("n")) == "6")
    #expect(ename(run("let k = 1\nk = 2")) == "TypeError")
    #expect(ename(run("missing + 1")) == "NameError")
  }

  @Test func printWritesStreamsAndDisplaysAreRich() {
    _ = run("print(\"hello, world\", 1 + 1)\nprintError(\"oops\")")
    #expect(sink.events.prefix(2) == [.text("hello, world 2\n", .stdout), .text("oops\n", .stderr)])
    _ = run("display(html: \"<b>x</b>\")")
    guard case .display(let bundle, _) = sink.events.last else { Issue.record("no display"); return }
    #expect(bundle.data["text/html"] == "<b>x</b>")
    #expect(plain(run("readLine(prompt: \"name? \")")) == "\"Ada\"")
  }

  @Test func errorsAreReportedNotCrashes() {
    #expect(ename(run("1 / 0")) == "ZeroDivisionError")
    #expect(ename(run("9223372036854775807 + 1")) == "OverflowError")
    #expect(ename(run("let = 7q")) == "SyntaxError")
    #expect(ename(run(String(repeating: "(", count: 5000))) == "SyntaxError")
    #expect(ename(run("\"a\" * 2")) == "TypeError")
    #expect(ename(run("sleep(\"x\")")) == "TypeError")
  }

  @Test func interruptEndsLoopsAndKeepsBindings() {
    _ = run("let kept = 42")
    token.cancel()
    let outcome = run("var spin = 0\nwhile true { spin += 1 }")
    #expect(outcome == .failure(.interrupted))
    token.reset()
    #expect(plain(run("kept")) == "42")
  }

  @Test func completenessCompletionInspection() {
    #expect(interpreter.isComplete("1 + 2") == .complete)
    #expect(interpreter.isComplete("print(\"a") == .incomplete(indent: ""))
    #expect(interpreter.isComplete("while true {\n") == .incomplete(indent: "    "))
    #expect(interpreter.isComplete("1 +") == .incomplete(indent: ""))
    #expect(interpreter.isComplete("let = 7q") == .invalid)
    _ = run("let printable = 1")
    let completion = interpreter.complete("x + pri", cursor: 7)
    #expect(completion.matches == ["print", "printError", "printable"])
    #expect(completion.cursorStart == 4)
    let accented = interpreter.complete("é + pri", cursor: 7)
    #expect(accented.cursorStart == 4)
    #expect(interpreter.inspect("print", cursor: 2, detailLevel: 0)?.plainText.hasPrefix("print(") == true)
    #expect(interpreter.inspect("printable", cursor: 9, detailLevel: 0)?.plainText == "let printable: Int = 1")
    #expect(interpreter.inspect("zzz", cursor: 3, detailLevel: 0) == nil)
  }
}
