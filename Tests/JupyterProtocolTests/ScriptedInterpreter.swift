import Cancellation
import Display
import JupyterProtocol

/// A test interpreter: each cell is a command (`print X`, `result X`, `fail`, `input`, `page X`,
/// `display X`, `clear`, `spin` (runs until cancelled), `exit` (asks the front end to end)).
final class ScriptedInterpreter: KernelInterpreter {
  var executed: [String] = []
  var shutdownCalls: [Bool] = []

  var kernelInfo: KernelInfo {
    KernelInfo(
      implementation: "scripted", implementationVersion: "1", languageInfo: .swift,
      banner: "test")
  }

  func execute(_ code: String, context: ExecutionContext) -> ExecutionOutcome {
    executed.append(code)
    let argument = String(code.drop { $0 != " " }.dropFirst())
    switch code.prefix { $0 != " " } {
    case "print": context.sink.write(argument + "\n", to: .stdout)
    case "result": return .success(result: MimeBundle(plain: argument))
    case "fail": return .failure(ExecutionError(ename: "Boom", evalue: "failed"))
    case "input":
      let line = context.sink.readLine(prompt: "name? ", password: false)
      return .success(result: MimeBundle(plain: line ?? "<none>"))
    case "page": context.page(MimeBundle(plain: argument))
    case "display": context.sink.display(MimeBundle(plain: argument), id: "d1")
    case "clear": context.sink.clearOutput(wait: false)
    case "cancelme": context.cancellation.cancel()
    case "exit": context.askExit()
    case "spin":
      while !context.cancellation.isCancelled {}
      return .failure(.interrupted)
    default: break
    }
    return .success(result: nil)
  }

  func evaluate(expression: String, context: ExecutionContext) -> ExecutionOutcome {
    expression == "bad"
      ? .failure(ExecutionError(ename: "E", evalue: "v"))
      : .success(result: MimeBundle(plain: "<\(expression)>"))
  }

  func complete(_ code: String, cursor: Int) -> Completion {
    Completion(matches: ["print"], cursorStart: 0, cursorEnd: cursor)
  }

  func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MimeBundle? {
    code == "print" ? MimeBundle(plain: "print(x)") : nil
  }

  func isComplete(_ code: String) -> Completeness {
    code.hasSuffix("(") ? .incomplete(indent: "  ") : .complete
  }

  func shutdown(restart: Bool) { shutdownCalls.append(restart) }
}

/// Builds client requests.
struct Client {
  let factory = MessageFactory(session: "client", username: "tester")

  func request(_ type: String, _ content: JSONValue) -> Message {
    var message = factory.message(type, content: content, parent: nil)
    message.identities = [Array("client-id".utf8)]
    return message
  }

  func execute(_ code: String, _ extra: [String: JSONValue] = [:]) -> Message {
    var content: [String: JSONValue] = ["code": .string(code)]
    content.merge(extra) { _, new in new }
    return request("execute_request", .object(content))
  }
}
