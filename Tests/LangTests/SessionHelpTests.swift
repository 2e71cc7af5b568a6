import Cancellation
import Display
import Lang
import Testing

/// The language's help requests (`name?`) and the notebook functions every front end has.
@Suite struct SessionHelpTests {
  @Test func helpRequestsAreNamesWithOneQuestionMark() {
    #expect(Session.helpTopic("print?") == "print")
    #expect(Session.helpTopic("  ?sqrt \n") == "sqrt")
    #expect(Session.helpTopic("lenet.summary?") == "lenet.summary")
    #expect(Session.helpTopic("a ? b : c") == nil)
    #expect(Session.helpTopic("??") == nil)
    #expect(Session.helpTopic("?print?") == nil)
    #expect(Session.helpTopic("1x?") == nil)
    #expect(Session().isComplete("print?") == .complete)
  }

  @Test func helpShowsTheSignatureAndNothingForUnknownNames() {
    let session = Session()
    #expect(session.help("print")?.plainText.contains("standard output") == true)
    #expect(session.help("nothingHere") == nil)
  }

  @Test func notebookFunctionsAreInEverySession() {
    let session = Session()
    let sink = RecordingSink()
    let result = session.execute(
      "printError(\"careful\")\nclearOutput(wait: true)\ndisplay(Markdown(\"**x**\"))\nLaTeX(\"x^2\")",
      sink: sink, cancellation: CancellationToken())
    #expect(result.error == nil)
    #expect(sink.events.first == .text("careful\n", .stderr))
    #expect(sink.events.contains(.clear(wait: true)))
    guard case .display(let bundle, _) = sink.events.last else {
      Issue.record("no display")
      return
    }
    #expect(bundle.data["text/markdown"] == "**x**")
    #expect(result.value?.data["text/latex"] == "x^2")
  }

  @Test func sleepEndsWithInterruptedWhenTheTokenIsSet() {
    let token = CancellationToken()
    token.cancel()
    let result = Session().execute("sleep(5)", sink: RecordingSink(), cancellation: token)
    #expect(result.error?.name == "Interrupted")
  }
}
