import Display
import Lang

extension WidgetManager {
  /// The display of a widget: in a kernel its comm is opened and the bundle carries
  /// `application/vnd.jupyter.widget-view+json`; always `text/plain` (its text form).
  func bundle(for widget: WidgetValue) -> MimeBundle {
    var bundle = MimeBundle(plain: widget.description)
    guard channel != nil, widget.kind.isDOMWidget else { return bundle }
    open(widget)
    bundle.add(
      "application/vnd.jupyter.widget-view+json",
      "{\"model_id\": \"\(widget.id)\", \"version_major\": 2, \"version_minor\": 1}")
    return bundle
  }

  /// Opens the comm of `widget` and of every model it refers to, referred ones first.
  func open(_ widget: WidgetValue) {
    guard let channel, !widget.isOpen else { return }
    for reference in widget.references { open(reference) }
    widget.isOpen = true
    widgets[widget.id] = widget
    let (paths, bytes) = widget.binaryState(prefix: [])
    channel.open(
      commId: widget.id, target: Self.widgetTarget,
      data: ["state": .object(widget.fullState), "buffer_paths": .array(paths)],
      metadata: ["version": .string(Self.protocolVersion)], buffers: bytes)
  }

  /// Replaces an Image's PNG bytes and sends them as a buffer (`buffer_paths` `[["value"]]`).
  func change(_ widget: WidgetValue, png: [UInt8]) throws {
    widget.state.setBuffer("value", png)
    guard widget.isOpen else { return }
    send(widget, ["method": "update", "state": [:], "buffer_paths": [["value"]]], buffers: [png])
  }

  /// Applies a change made in the cells (clamped to `min...max`), sends it to the front end
  /// when the comm is open, and runs the change handlers once if the value moved, in the running
  /// cell (their errors are the cell's). A handler that sets the same widget again updates it
  /// without running the handlers a second time (no loops).
  func change(_ widget: WidgetValue, _ changes: [String: JSONValue]) throws {
    let before = widget.state.values.filter { WidgetValue.valueKeys.contains($0.key) }
    for (name, value) in changes { widget.state.set(name, value) }
    var sent = changes
    if let clamped = WidgetState.clamp(widget.state.values)["value"],
      clamped != widget.state["value"]
    {
      widget.state.set("value", clamped)
      sent["value"] = clamped
    }
    if widget.isOpen {
      send(widget, ["method": "update", "state": .object(sent), "buffer_paths": []])
    }
    let after = widget.state.values.filter { WidgetValue.valueKeys.contains($0.key) }
    guard after != before, !widget.isNotifying else { return }
    widget.isNotifying = true
    defer { widget.isNotifying = false }
    let context = session.currentContext
    for handler in widget.changeHandlers {
      switch handler {
      case .native(let body): body(context.sink)
      case .language(let function): _ = try context.call(function, [widget.value])
      }
    }
  }

  /// Runs `body` with the front end told to put output of the current request into `output`
  /// (its `msg_id`), then tells it to stop. Outside a kernel `body` just runs.
  func capturing<T>(into output: WidgetValue, _ body: () throws -> T) rethrows -> T {
    guard let channel, output.isOpen, let id = channel.currentMessageId else { return try body() }
    send(output, ["method": "update", "state": ["msg_id": .string(id)], "buffer_paths": []])
    defer { send(output, ["method": "update", "state": ["msg_id": ""], "buffer_paths": []]) }
    return try body()
  }

  func send(_ widget: WidgetValue, _ data: JSONValue, buffers: [[UInt8]] = []) {
    channel?.send(commId: widget.id, data: data, buffers: buffers)
  }
}
