import Cancellation
import Display
import JupyterProtocol
import Testing

@testable import NotebookKernel

/// `exit`/`quit` in a cell: the session's exit request becomes the context's `askExit`.
@Suite struct LangKernelExitTests {
  let kernel = LangKernel()

  func context() -> ExecutionContext {
    ExecutionContext(
      sink: RecordingSink(), cancellation: CancellationToken(), executionCount: 1,
      allowStdin: false)
  }

  @Test(arguments: ["exit", "quit()", "print(1)\nexit(0)"])
  func exitAsksTheFrontEnd(code: String) {
    let context = context()
    #expect(kernel.execute(code, context: context) == .success(result: nil))
    #expect(context.exitRequested)
  }

  @Test func otherCellsDoNotAndErrorsStayErrors() {
    let context = context()
    #expect(kernel.execute("1 + 1", context: context) == .success(result: MimeBundle(plain: "2")))
    #expect(!context.exitRequested)
    guard case .failure(let error) = kernel.execute("exit(-1)", context: context) else {
      Issue.record("exit(-1) should fail")
      return
    }
    #expect(error.ename == "ValueError")
    #expect(!context.exitRequested)
  }

  @Test func aUserExpressionNamingExitDoesNotEndTheSession() {
    let context = context()
    _ = kernel.evaluate(expression: "exit", context: context)
    #expect(!context.exitRequested)
  }
}
