import Cancellation
import Display
import Lang
import Testing

/// `exit` and `quit`: the session reports an exit request instead of an error or a value, and
/// runs nothing after it.
struct SessionExitTests {
  func run(_ source: String, in session: Session = Session(), sink: RecordingSink = RecordingSink())
    -> CellResult
  {
    session.execute(source, sink: sink, cancellation: CancellationToken())
  }

  @Test(arguments: ["exit", "quit", "exit()", "quit()", "exit(0)", "  exit  "])
  func eachSpellingAsksToExit(code: String) {
    let result = run(code)
    #expect(result.exitRequest == ExitRequest(status: 0))
    #expect(result.error == nil && result.value == nil)
  }

  @Test func nothingAfterTheExitRuns() {
    let session = Session()
    let sink = RecordingSink()
    let result = run(
      "let kept = 1\nprint(\"a\")\nif kept == 1 { quit }\nprint(\"b\")", in: session, sink: sink)
    #expect(result.exitRequest == ExitRequest(status: 0))
    #expect(sink.stdout == "a\n")
    #expect(run("kept", in: session).value?.plainText == "1")  // bindings stay
  }

  @Test func exitInsideAClosureOrFunctionEndsTheSessionToo() {
    let sink = RecordingSink()
    let result = run(
      "func stop() { quit(4) }\n[1, 2].forEach { x in print(x); stop() }\nprint(9)", sink: sink)
    #expect(result.exitRequest == ExitRequest(status: 4))
    #expect(sink.stdout == "1\n")
  }

  @Test func aStatusIsCarriedAndCheckedAtTheBoundary() {
    #expect(run("exit(3)").exitRequest == ExitRequest(status: 3))
    let bad = run("exit(256)")
    #expect(bad.exitRequest == nil)
    #expect(bad.error?.name == "ValueError")
    #expect(bad.error?.message.contains("256") == true)
    #expect(run("exit(\"now\")").error?.name == "TypeError")
  }

  @Test func theNameAsAValueOrReboundDoesNotExit() {
    #expect(run("let f = [exit]\nf.count").value?.plainText == "1")
    let session = Session()
    #expect(run("let quit = 3", in: session).error == nil)
    let shadowed = run("quit", in: session)
    #expect(shadowed.exitRequest == nil && shadowed.value?.plainText == "3")
  }
}
