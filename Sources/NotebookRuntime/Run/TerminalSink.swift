import Display
import Foundation
import TextFormat

/// The output of `stride run` on a terminal: text as it comes, each rich output written to a file
/// beside the source (`FILE-1.svg`, `FILE-2.png`, …) and named on stdout, and the live progress of
/// `fit` as one carriage-return bar that ends with the final state (whose chart is saved too).
final class TerminalSink: OutputSink {
  private let base: String
  private var written = 0
  private var liveID: String?
  private var liveBundle: MimeBundle?
  private let out: (String) -> Void
  private let err: (String) -> Void
  /// The files written so far, in order.
  private(set) var files: [String] = []

  /// `base` is the source path without its extension; outputs go to `base-N.ext`.
  init(base: String, out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
    self.base = base
    self.out = out
    self.err = err
  }

  func write(_ text: String, to stream: OutputStreamName) {
    endLive()
    stream == .stderr ? err(text) : out(text)
  }

  func display(_ bundle: MimeBundle, id: String?) {
    if let id, bundle.metadata[LiveProgress.progressKey] != nil {
      endLive()
      liveID = id
      liveBundle = bundle
      out("\r" + firstLine(bundle.plainText))
      return
    }
    endLive()
    show(bundle)
  }

  func update(_ bundle: MimeBundle, id: String) {
    if id == liveID {
      liveBundle = bundle
      out("\r" + firstLine(bundle.plainText) + "   ")
    } else {
      show(bundle)
    }
  }

  func clearOutput(wait: Bool) {}

  /// A carriage-return bar: text while training, the chart once at the end.
  var liveDisplays: LiveDisplays { .line }

  func readLine(prompt: String, password: Bool) -> String? {
    out(prompt)
    return Swift.readLine()
  }

  /// Shows a cell's result or a displayed value: its plain text, and its rich form as a file.
  func show(_ bundle: MimeBundle) {
    endLive()
    let plain = bundle.plainText
    if !plain.isEmpty { out(plain + "\n") }
    if let file = saveRich(bundle) { out("[\(file)]\n") }
  }

  /// Finishes a live progress bar: a newline, and its final chart as a file.
  func endLive() {
    guard liveID != nil, let bundle = liveBundle else { return }
    liveID = nil
    liveBundle = nil
    out("\n")
    if let file = saveRich(bundle) { out("[\(file)]\n") }
  }

  /// Writes the richest picture of a bundle (SVG, else PNG, else HTML); nil when it has none.
  private func saveRich(_ bundle: MimeBundle) -> String? {
    let choice: (String, [UInt8])?
    if let svg = bundle.data["image/svg+xml"] {
      choice = ("svg", Array(svg.utf8))
    } else if let png = bundle.data["image/png"], let bytes = Base64.decode(png) {
      choice = ("png", bytes)
    } else if let html = bundle.data["text/html"] {
      choice = ("html", Array(("<!DOCTYPE html><meta charset=\"utf-8\">\n" + html).utf8))
    } else {
      choice = nil
    }
    guard let (ext, bytes) = choice else { return nil }
    written += 1
    let path = "\(base)-\(written).\(ext)"
    do {
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      files.append(path)
      return path
    } catch {
      err("could not write \(path): \(error.localizedDescription)\n")
      return nil
    }
  }

  private func firstLine(_ text: String) -> String {
    String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
  }
}
