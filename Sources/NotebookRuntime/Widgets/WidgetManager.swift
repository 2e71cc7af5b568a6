import Cancellation
import Display
import Foundation
import Lang

/// The widgets of one session and their comms (Jupyter widgets protocol 2.1): the comm host the
/// kernel routes `jupyter.widget` and `jupyter.widget.control` to.
///
/// A widget's comm opens the first time it is displayed in a kernel (its Layout, Style and
/// children first), with its full state. From the front end: `update` (checked by
/// `WidgetState`: all or nothing; refused changes are logged and the front end is sent the
/// kept values back), answered by `echo_update`, then the widget's change handlers run;
/// `request_state` (answered with `update`), Button clicks (`custom` `{event: click}`), and
/// on the control comm `request_states` (answered with `update_states`). Handlers run between
/// cells through `Session.callback`, printing to the front end's message (an `Output` captures
/// by its msg_id). Without an attached channel (`stride run`) widgets show their text form.
final class WidgetManager: CommHost {
  static let widgetTarget = "jupyter.widget"
  static let controlTarget = "jupyter.widget.control"
  static let protocolVersion = "2.1.0"

  unowned let session: Session
  private(set) var channel: (any CommChannel)?
  /// The widgets whose comm is open, by comm id.
  var widgets: [String: WidgetValue] = [:]
  private var controlComms: Set<String> = []
  private let prefix = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    .prefix(16)
  private var counter = 0
  /// Problems with front-end messages, newest last (also written to stderr).
  private(set) var log: [String] = []

  init(session: Session) { self.session = session }

  /// A fresh comm id: this process's random prefix and a counter.
  func makeID() -> String {
    counter += 1
    return "\(prefix)\(String(format: "%06x", counter))"
  }

  // MARK: - CommHost

  var targetNames: [String] { [Self.widgetTarget, Self.controlTarget] }

  var openComms: [String: String] {
    var comms = widgets.mapValues { _ in Self.widgetTarget }
    for id in controlComms { comms[id] = Self.controlTarget }
    return comms
  }

  func attach(_ channel: any CommChannel) { self.channel = channel }

  func commOpened(
    id: String, target: String, data: JSONValue, buffers: [[UInt8]],
    sink: any OutputSink
  ) -> Bool {
    if target == Self.controlTarget {
      controlComms.insert(id)
      return true
    }
    warn(
      "a front end tried to create a widget model (comm \(id)); Stride's widgets are made in cells")
    return false
  }

  func commMessage(id: String, data: JSONValue, buffers: [[UInt8]], sink: any OutputSink) -> Bool {
    if controlComms.contains(id) {
      control(id, data)
      return true
    }
    guard let widget = widgets[id] else { return false }
    switch data["method"]?.stringValue {
    case "update":
      update(widget, data, buffers: buffers, sink: sink)
    case "request_state":
      let (paths, bytes) = widget.binaryState(prefix: [])
      send(
        widget,
        ["method": "update", "state": .object(widget.fullState), "buffer_paths": .array(paths)],
        buffers: bytes)
    case "custom":
      let event = data["content"]?["event"]?.stringValue
      if event == "click", widget.kind == .button {
        run(widget.clickHandlers, arguments: [], sink: sink)
      } else if event == "submit", widget.kind == .text {
        run(widget.submitHandlers, arguments: [widget.value], sink: sink)
      } else {
        warn("comm \(id): custom message \(data["content"] ?? .null) not understood, ignored")
      }
    default:
      warn("comm \(id): method \(data["method"] ?? .null) not understood, ignored")
    }
    return true
  }

  func commClosed(id: String, data: JSONValue) {
    controlComms.remove(id)
    widgets[id]?.isOpen = false
    widgets[id] = nil
  }

  // MARK: - Front-end updates

  private func update(
    _ widget: WidgetValue, _ data: JSONValue, buffers: [[UInt8]],
    sink: any OutputSink
  ) {
    let changes = data["state"] ?? .null
    let before = widget.state
    do {
      let changed = try widget.state.apply(
        changes, buffers: buffers,
        bufferPaths: data["buffer_paths"] ?? [])
      let binary = widget.state.changedBuffers
      send(
        widget,
        [
          "method": "echo_update", "state": .object(changed),
          "buffer_paths": .array(binary.map { [.string($0)] }),
        ],
        buffers: binary.compactMap { widget.state.buffers[$0] })
    } catch {
      warn("comm \(widget.id): update refused, state unchanged: \(error)")
      let kept = changes.members.keys.compactMap { key in widget.state[key].map { (key, $0) } }
      send(
        widget,
        [
          "method": "update", "state": .object(Dictionary(uniqueKeysWithValues: kept)),
          "buffer_paths": [],
        ])
      return
    }
    let moved = WidgetValue.valueKeys.contains { widget.state[$0] != before[$0] }
    guard moved, !widget.isNotifying else { return }
    widget.isNotifying = true
    defer { widget.isNotifying = false }
    run(widget.changeHandlers, arguments: [widget.value], sink: sink)
  }

  /// `request_states` on the control comm: every open model's state in one `update_states`.
  private func control(_ id: String, _ data: JSONValue) {
    guard data["method"]?.stringValue == "request_states" else {
      warn("control comm \(id): method \(data["method"] ?? .null) not understood, ignored")
      return
    }
    var states: [String: JSONValue] = [:]
    var paths: [JSONValue] = [], buffers: [[UInt8]] = []
    for (modelID, widget) in widgets.sorted(by: { $0.key < $1.key }) {
      let (own, bytes) = widget.binaryState(prefix: [.string(modelID), "state"])
      paths += own
      buffers += bytes
      let identity = widget.kind.identity
      states[modelID] = [
        "model_name": identity["_model_name"] ?? .null,
        "model_module": identity["_model_module"] ?? .null,
        "model_module_version": identity["_model_module_version"] ?? .null,
        "state": .object(widget.fullState),
      ]
    }
    channel?.send(
      commId: id,
      data: [
        "method": "update_states", "states": .object(states),
        "buffer_paths": .array(paths),
      ], buffers: buffers)
  }

  /// Runs handlers between cells; a failing one prints its error and the others still run.
  func run(_ handlers: [WidgetHandler], arguments: [Value], sink: any OutputSink) {
    for handler in handlers {
      switch handler {
      case .native(let body): body(sink)
      case .language(let function):
        let result = session.callback(
          function, arguments, sink: sink, cancellation: CancellationToken())
        if case .failure(let error) = result { sink.write(error.plainText + "\n", to: .stderr) }
      }
    }
  }

  private func warn(_ text: String) {
    log.append(text)
    FileHandle.standardError.write(Data("stride: widgets: \(text)\n".utf8))
  }
}
