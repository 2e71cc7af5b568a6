import Cancellation
import Display
import Foundation
import Lang
import Testing

/// The kernel-facing behaviour of `Session.execute`: results, suppression, errors as Jupyter needs
/// them, interrupts, limits.
struct SessionTests {
  func run(_ source: String, in session: Session = Session(), sink: RecordingSink = RecordingSink())
    -> CellResult
  {
    session.execute(source, sink: sink, cancellation: CancellationToken())
  }

  @Test func lastExpressionIsTheResult() {
    let result = run("let x = 20\nx + 1")
    #expect(result.value?.plainText == "21")
    #expect(result.error == nil)
  }

  @Test func semicolonVoidAndStatementsShowNothing() {
    #expect(run("1 + 1;").value == nil)
    #expect(run("print(\"hi\")").value == nil)
    #expect(run("let y = 3").value == nil)
  }

  @Test func hostRichDisplayReachesTheBundle() {
    let session = Session()
    MockHost.install(in: session)
    let result = run("Sequential { MaxPool2D(2) }", in: session)
    #expect(result.value?.data["text/html"] == "<table></table>")
    #expect(result.value?.plainText == "Sequential(MaxPool2D(2))")
  }

  @Test func printAndDisplayGoToTheSink() {
    let sink = RecordingSink()
    _ = run("print(\"a\")\ndisplay(3)", sink: sink)
    #expect(sink.events == [.text("a\n", .stdout), .display(MimeBundle(plain: "3"), id: nil)])
  }

  @Test func errorCarriesNameMessageAndColouredTraceback() throws {
    let result = run("let a = 1\nlet b = a + true", in: Session())
    let error = try #require(result.error)
    #expect(error.name == "TypeError")
    #expect(error.message == "operator '+' cannot be applied to Int and Bool")
    #expect(
      error.traceback.first
        == "\u{1B}[1;31mTypeError\u{1B}[0m\u{1B}[1m: operator '+' cannot be applied to Int and Bool\u{1B}[0m"
    )
    #expect(error.plainText.contains("2 | let b = a + true\n  |         ^~~~~~~~"))
    #expect(!error.plainText.contains("\u{1B}"))
  }

  @Test func parseErrorsAreAllReported() throws {
    let error = try #require(run("let = 1\nlet ok = 2\nlet x = (3\nprint(\"fine\")\nvar = 4").error)
    #expect(error.name == "SyntaxError")
    #expect(error.diagnostics.count == 3)
    #expect(error.diagnostics.map { $0.file.location(of: $0.span.start).line } == [1, 3, 5])
  }

  @Test func interruptStopsAnInfiniteLoopQuickly() throws {
    let token = CancellationToken()
    let session = Session()
    let start = ContinuousClock.now
    DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { token.cancel() }
    let result = session.execute(
      "var n = 0\nwhile true { n += 1 }", sink: RecordingSink(), cancellation: token)
    #expect(result.error?.name == "Interrupted")
    #expect(ContinuousClock.now - start < .seconds(5))
    token.reset()
    #expect(
      session.execute("n > 0", sink: RecordingSink(), cancellation: token).value?.plainText
        == "true")
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let parens =
      String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
    #expect(run(parens).error?.name == "SyntaxError")
    let chain = Array(repeating: "1", count: 20_000).joined(separator: " + ")
    #expect(run(chain).error?.message == "the code is nested too deeply (more than 200 levels)")
    let calls = "f" + String(repeating: "()", count: 50_000)
    #expect(run(calls).error != nil)
    let blocks = String(repeating: "if true {", count: 5_000) + String(repeating: "}", count: 5_000)
    #expect(run(blocks).error?.name == "SyntaxError")
    let interpolations = String(repeating: "\"\\(", count: 1_000_000)
    #expect(
      run(interpolations).error?.message == "the code is nested too deeply (more than 200 levels)")
    let squares = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
    #expect(
      run(squares).error?.message == "square brackets are nested too deeply (more than 12 levels)")
    let types =
      "let a: " + String(repeating: "[", count: 8) + "Int" + String(repeating: "]", count: 8)
      + " = []\nprint(a)"
    #expect(run(types).error == nil)
  }

  @Test func deepRecursionIsAnError() {
    let result = run("func f(_ n: Int) -> Int { n == 0 ? 0 : 1 + f(n - 1) }\nf(100000)")
    #expect(result.error?.name == "RecursionError")
    #expect(
      run("func f(_ n: Int) -> Int { n == 0 ? 0 : 1 + f(n - 1) }\nf(200)").value?.plainText == "200"
    )
  }

  @Test func stepLimitStopsRunawayCells() {
    let session = Session()
    session.stepLimit = 1_000
    #expect(run("while true {}", in: session).error?.name == "StepLimitError")
  }

  @Test func growthIsBounded() {
    #expect(run("var a = [1]\nwhile true { a = a + a }").error?.name == "ValueError")
  }

  @Test func bindingsLiveAcrossCellsAndResetClearsThem() {
    let session = Session()
    _ = run("var count = 1", in: session)
    _ = run("count += 1", in: session)
    #expect(run("count", in: session).value?.plainText == "2")
    _ = run("%reset", in: session)
    #expect(run("count", in: session).error?.name == "NameError")
    #expect(run("print(1)", in: session).error == nil)
  }

  @Test func timeMagicsReportTimes() {
    let sink = RecordingSink()
    _ = run("%time let x = 1 + 1\n%timeit let y = 2 * 3", sink: sink)
    #expect(sink.stdout.hasPrefix("Wall time: "))
    #expect(sink.stdout.contains(" per loop ("))
    let cellSink = RecordingSink()
    let result = run("%%time\nvar s = 0\nfor i in 0..<10 { s += i }\nprint(s)", sink: cellSink)
    #expect(result.error == nil)
    #expect(cellSink.stdout.hasPrefix("45\nWall time: "))
  }
}
