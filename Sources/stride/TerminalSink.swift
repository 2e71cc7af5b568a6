import CSupport
import Display
import Foundation

/// Cell output in a terminal (`stride run`): text as is, displays as their plain text.
final class TerminalSink: OutputSink {
  func write(_ text: String, to stream: OutputStreamName) {
    switch stream {
    case .stdout:
      print(text, terminator: "")
      csupport_flush_stdout()
    case .stderr: FileHandle.standardError.write(Data(text.utf8))
    }
  }

  func display(_ bundle: MimeBundle, id: String?) { print(bundle.plainText) }

  func update(_ bundle: MimeBundle, id: String) { print(bundle.plainText) }

  func clearOutput(wait: Bool) {}

  func readLine(prompt: String, password: Bool) -> String? {
    print(prompt, terminator: "")
    csupport_flush_stdout()
    return Swift.readLine()
  }
}
