import Cancellation
import Display

/// The protocol brain for the shell channel: one handler per message type, all bookkeeping.
///
/// Every request is bracketed by `status: busy` / `status: idle` on iopub with the request as
/// parent. Handlers decode typed content, ask the interpreter, and reply. Unknown types and
/// undecodable contents are logged (and answered with an error reply when the type has a
/// reply) — never a crash. Runs on one thread; the transport calls `handle(_:)` for each shell
/// message.
public final class KernelCore {
  typealias Handler = @Sendable (KernelCore) -> (Message) -> Void

  let interpreter: any KernelInterpreter
  let channel: any MessageChannel
  let factory: MessageFactory
  let cancellation: CancellationToken
  /// Stream text waiting to be published; the transport flushes it periodically.
  public let streams: StreamBuffer
  /// Comm messages of the interpreter's comm host, parented to the request being handled.
  public let comms: KernelComms
  /// Who has the interpreter (shared with the subshells' cores).
  public let turns: InterpreterTurns
  /// The JEP 91 subshell this core serves (nil: the main shell).
  public let subshellId: String?
  /// The optional features `kernel_info_reply` names (the transport sets them).
  public var supportedFeatures: [String] = []

  var executionCount = 0
  var history = SessionHistory()
  /// Set while a failed cell's queue (`stop_on_error`) is handled: its executes are aborted.
  var aborting = false
  /// Set by `shutdown_request`: the transport should end the process (value: restart).
  public internal(set) var shutdownRequested: Bool?

  static let handlers: [String: Handler] = [
    "execute_request": { $0.execute },
    "complete_request": { $0.complete },
    "inspect_request": { $0.inspect },
    "is_complete_request": { $0.isComplete },
    "history_request": { $0.history },
    "kernel_info_request": { $0.kernelInfo },
    "comm_info_request": { $0.commInfo },
    "comm_open": { $0.commOpen },
    "comm_msg": { $0.commMessage },
    "comm_close": { $0.commClose },
    "shutdown_request": { $0.shutdown },
    "interrupt_request": { $0.interrupt },
  ]

  /// A core driving `interpreter`, talking through `channel`.
  public init(
    interpreter: any KernelInterpreter, channel: any MessageChannel,
    factory: MessageFactory = MessageFactory(),
    cancellation: CancellationToken = .process
  ) {
    self.interpreter = interpreter
    self.channel = channel
    self.factory = factory
    self.cancellation = cancellation
    self.streams = StreamBuffer(channel: channel, factory: factory)
    self.comms = KernelComms(channel: channel, factory: factory, streams: streams)
    self.turns = InterpreterTurns()
    self.subshellId = nil
    interpreter.commHost?.attach(comms)
  }

  /// A core for subshell `id` beside `main`: the same interpreter, channel, streams, comms and
  /// turns; its own cancellation token (an interrupt stops the main shell's cell), execution
  /// count and history.
  public init(subshellOf main: KernelCore, id: String, channel: any MessageChannel) {
    interpreter = main.interpreter
    self.channel = channel
    factory = main.factory
    cancellation = CancellationToken()
    streams = main.streams
    comms = main.comms
    turns = main.turns
    subshellId = id
    supportedFeatures = main.supportedFeatures
  }

  /// Requests answered without waiting for the interpreter.
  static let turnless: Set<String> = ["kernel_info_request", "interrupt_request"]

  /// Handles one shell message.
  ///
  /// The cancellation token is reset before `busy` is published: an interrupt sent by a client
  /// that has seen `busy` always reaches the cell; one from before is forgotten. When a cell
  /// fails with `stop_on_error`, the requests already queued before `idle` is published are
  /// handled right after it with their executes aborted; anything sent later runs normally.
  public func handle(_ message: Message) {
    let queued = process(message, takingQueue: true)
    for request in queued { _ = process(request, takingQueue: false) }
    aborting = false
  }

  /// busy, the handler, idle; returns the queue taken when the handler left the core aborting.
  private func process(_ message: Message, takingQueue: Bool) -> [Message] {
    if message.msgType == "execute_request" { cancellation.reset() }
    publishStatus("busy", parent: message)
    if let handler = Self.handlers[message.msgType] {
      if Self.turnless.contains(message.msgType) {
        handler(self)(message)
      } else {
        turns.run(token: cancellation) {
          let outer = comms.current
          comms.current = message
          defer { comms.current = outer }
          handler(self)(message)
        }
      }
    } else {
      KernelLog.warning("unknown shell message type '\(message.msgType)', ignored")
    }
    streams.flush()
    let queued = aborting && takingQueue ? channel.takeQueuedRequests() : []
    publishStatus("idle", parent: message)
    return queued
  }

  // MARK: - Helpers

  func publishStatus(_ state: String, parent: Message) {
    channel.publish(
      factory.broadcast("status", content: ["execution_state": .string(state)], parent: parent))
  }

  func publish(_ msgType: String, _ content: JSONValue, parent: Message) {
    channel.publish(factory.broadcast(msgType, content: content, parent: parent))
  }

  func reply(to request: Message, _ content: some Encodable) {
    do {
      channel.reply(factory.reply(to: request, content: try JSONValue(encoding: content)))
    } catch {
      KernelLog.warning("could not encode the reply to \(request.msgType): \(error)")
    }
  }

  func replyError(to request: Message, ename: String, evalue: String) {
    let content: JSONValue = [
      "status": "error", "ename": .string(ename), "evalue": .string(evalue),
      "traceback": [.string("\(ename): \(evalue)")],
    ]
    channel.reply(factory.reply(to: request, content: content))
  }

  /// Decodes a request's content, or answers with an error reply and returns nil.
  func decode<T: Decodable>(_ type: T.Type, _ request: Message) -> T? {
    do {
      return try request.decodeContent(type)
    } catch {
      KernelLog.warning("malformed \(request.msgType) content: \(error)")
      replyError(to: request, ename: "BadRequest", evalue: "malformed \(request.msgType) content")
      return nil
    }
  }
}
