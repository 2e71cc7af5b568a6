import Display
import Foundation

/// The notebook functions every front end has (the kernel, `stride run`): what IPython's
/// `IPython.display` and `sys.stderr` give a Python notebook.
///
/// `clearOutput(wait: false)`, `printError(items..., separator:, terminator:)` (stderr),
/// `sleep(seconds)` (interruptible, like Foundation's `sleep`),
/// `HTML(_:)`, `Markdown(_:)`, `LaTeX(_:)` (values shown in that form).
extension CoreBuiltins {
  static var notebook: [NativeFunction] { [clearOutput, printError, sleep] + richText }

  static var clearOutput: NativeFunction {
    NativeFunction(
      name: "clearOutput",
      parameters: [Parameter(label: "wait", type: "Bool", default: .bool(false))],
      doc:
        "Clears the cell's output; with `wait: true`, when the next output arrives (no flicker).",
      example: "clearOutput(wait: true)"
    ) { arguments in
      arguments.context.sink.clearOutput(wait: try arguments.bool("wait"))
      return .void
    }
  }

  static var printError: NativeFunction {
    NativeFunction(
      name: "printError",
      parameters: [
        Parameter(name: "items", type: "Any", variadic: true),
        Parameter(label: "separator", type: "String", default: .string(" ")),
        Parameter(label: "terminator", type: "String", default: .string("\n")),
      ],
      doc: "Like `print`, to standard error (shown in red in notebooks).",
      example: "printError(\"warning: learning rate is high\")"
    ) { arguments in
      let items = (try arguments.array("items")).map(\.description)
      let text =
        items.joined(separator: try arguments.string("separator"))
        + (try arguments.string("terminator"))
      arguments.context.sink.write(text, to: .stderr)
      return .void
    }
  }

  static var sleep: NativeFunction {
    NativeFunction(
      name: "sleep", parameters: [Parameter(name: "seconds", type: "Double")],
      doc: "Waits `seconds` seconds; an interrupt stops the wait.", example: "sleep(0.5)"
    ) { arguments in
      let seconds = try arguments.double("seconds")
      guard seconds >= 0, seconds.isFinite else {
        throw HostError("ValueError", "sleep needs seconds ≥ 0")
      }
      let end = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
      while ContinuousClock.now < end {
        if arguments.context.cancellation.isCancelled {
          throw HostError("Interrupted", "interrupted by the user")
        }
        usleep(5_000)
      }
      return .void
    }
  }

  static var richText: [NativeFunction] {
    [
      ("HTML", "text/html", "HTML(\"<b>bold</b>\")"),
      ("Markdown", "text/markdown", "Markdown(\"**bold**\")"),
      ("LaTeX", "text/latex", "LaTeX(\"$\\\\frac{1}{2}$\")"),
    ].map { name, mime, example in
      NativeFunction(
        name: name, parameters: [Parameter(name: "text", type: "String")], returns: name,
        doc: "A value shown as \(mime) (its text form as text/plain).", example: example
      ) { arguments in
        .host(RichText(typeName: name, mime: mime, text: try arguments.string("text")))
      }
    }
  }
}

/// Text that a notebook shows in a rich form (HTML, Markdown, LaTeX).
final class RichText: HostObject {
  let typeName: String
  let mime: String
  let text: String

  init(typeName: String, mime: String, text: String) {
    self.typeName = typeName
    self.mime = mime
    self.text = text
  }

  var description: String { text }

  func displayBundle() -> MimeBundle {
    var bundle = MimeBundle(plain: text)
    bundle.add(mime, text)
    return bundle
  }
}
