/// Which text stream a write goes to.
public enum OutputStreamName: String, Sendable {
  case stdout
  case stderr
}

/// Where a running cell sends what it shows: text, displays, and live updates of a display.
///
/// The kernel implements it by publishing `stream`, `display_data`, `update_display_data` and
/// `clear_output`; `stride run` implements it with a terminal and files. The language and the
/// runtime only ever see this protocol.
public protocol OutputSink: AnyObject {
  /// Writes text to a stream (print).
  func write(_ text: String, to stream: OutputStreamName)
  /// Shows a bundle; with an id, later `update` calls replace it in place.
  func display(_ bundle: MimeBundle, id: String?)
  /// Replaces the display that was shown with `id`.
  func update(_ bundle: MimeBundle, id: String)
  /// Clears the cell's output (`wait`: when the next output arrives).
  func clearOutput(wait: Bool)
  /// Reads a line from the user (Jupyter's stdin channel); nil when input is not allowed.
  func readLine(prompt: String, password: Bool) -> String?
  /// How this sink shows a display that updates in place (default `.rich`).
  var liveDisplays: LiveDisplays { get }
}

extension OutputSink {
  public var liveDisplays: LiveDisplays { .rich }
}

/// What a sink can do with a display that updates in place, such as a training's progress.
public enum LiveDisplays: String, Sendable, CaseIterable {
  /// Replaces the display, pictures and all (notebooks, JupyterLab).
  case rich
  /// Replaces one line of text (a terminal bar, `stride run`); the picture comes once, at the end.
  case line
  /// Replaces nothing (text front ends such as jupyter console): progress comes as appended lines
  /// of text.
  case text
}

/// An `OutputSink` that records everything, for tests and for `stride run`'s file output.
public final class RecordingSink: OutputSink {
  /// One recorded event.
  public enum Event: Equatable, Sendable {
    case text(String, OutputStreamName)
    case display(MimeBundle, id: String?)
    case update(MimeBundle, id: String)
    case clear(wait: Bool)
  }

  /// Everything in the order it happened.
  public private(set) var events: [Event] = []
  /// Lines handed to `readLine`, first first.
  public var inputLines: [String]

  /// A sink that answers `readLine` from `inputLines`.
  public init(inputLines: [String] = []) { self.inputLines = inputLines }

  /// All stdout text, concatenated.
  public var stdout: String {
    events.reduce(into: "") { text, event in
      if case .text(let chunk, .stdout) = event { text += chunk }
    }
  }

  public func write(_ text: String, to stream: OutputStreamName) {
    events.append(.text(text, stream))
  }
  public func display(_ bundle: MimeBundle, id: String?) { events.append(.display(bundle, id: id)) }
  public func update(_ bundle: MimeBundle, id: String) { events.append(.update(bundle, id: id)) }
  public func clearOutput(wait: Bool) { events.append(.clear(wait: wait)) }
  public func readLine(prompt: String, password: Bool) -> String? {
    inputLines.isEmpty ? nil : inputLines.removeFirst()
  }
}
