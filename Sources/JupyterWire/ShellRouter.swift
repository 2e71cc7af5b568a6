import CZMQ
import Foundation
import JupyterProtocol
import Synchronization

/// Receives every shell request on its own thread and routes it by the header's `subshell_id`
/// (JEP 91): to the main shell's queue, to a subshell's queue, or, for an id no subshell has,
/// answered at once with busy, an `UnknownSubshellError` reply (when the type has a reply) and
/// idle — except comm messages, which go to the main shell. Each subshell is a thread serving its queue with its own `KernelCore`.
final class ShellRouter: SubshellManaging, @unchecked Sendable {
  private struct Subshell {
    let queue: MessageQueue
  }

  /// The main shell's requests (the kernel's shell thread serves them).
  var main: MessageQueue { channel.mainQueue }
  private let channel: WireChannel
  private let core: KernelCore
  private let subshells = Mutex<[(id: String, shell: Subshell)]>([])

  init(channel: WireChannel, core: KernelCore) {
    self.channel = channel
    self.core = core
  }

  /// Starts the receiving thread.
  func start() {
    KernelServer.startThread("stride-shell-in") { [self] in
      while true { receiveOne() }
    }
  }

  private func receiveOne() {
    guard let frames = channel.shell.withLock({ $0.socket.receive(flags: ZMQ_DONTWAIT) }) else {
      // Short waits: the socket's lock is shared with replies sent from other threads.
      _ = channel.shell.withLock { $0.socket.waitReadable(milliseconds: 5) }
      return
    }
    guard let message = channel.decodeShell(frames) else { return }
    route(message, bytes: LargeMessages.size(frames))
  }

  private func route(_ message: Message, bytes: Int) {
    guard let id = message.header.subshellId else {
      main.push(message, bytes: bytes)
      return
    }
    if let shell = subshells.withLock({ list in list.first { $0.id == id }?.shell }) {
      shell.queue.push(message, bytes: bytes)
    } else if Self.isCommMessage(message.msgType) {
      main.push(message, bytes: bytes)
    } else {
      refuse(message, id)
    }
  }

  /// Comm messages name a comm, which every shell shares, and get no reply: one addressed to a
  /// subshell already deleted (a front end closing widgets after its subshell) goes to the main
  /// shell instead of being refused with a warning.
  static func isCommMessage(_ msgType: String) -> Bool {
    msgType == "comm_msg" || msgType == "comm_close"
  }

  private func refuse(_ request: Message, _ id: String) {
    KernelLog.warning("\(request.msgType) for unknown subshell '\(id)'")
    let factory = channel.factory
    channel.publish(
      factory.broadcast("status", content: ["execution_state": "busy"], parent: request))
    if request.msgType.hasSuffix("_request") {
      channel.reply(
        factory.reply(
          to: request,
          content: [
            "status": "error", "ename": "UnknownSubshellError",
            "evalue": .string("Unknown subshell_id '\(id)'"), "traceback": [],
          ]))
    }
    channel.publish(
      factory.broadcast("status", content: ["execution_state": "idle"], parent: request))
  }

  // MARK: - SubshellManaging

  func createSubshell() -> String {
    let id = UUID().uuidString.lowercased()
    let queue = MessageQueue()
    nonisolated(unsafe) let subshellCore = KernelCore(
      subshellOf: core, id: id, channel: SubshellChannel(base: channel, queue: queue))
    subshells.withLock { $0.append((id, Subshell(queue: queue))) }
    let thread = Thread {
      while true {
        guard let (message, bytes) = queue.pop(waiting: 1) else {
          if queue.isClosed { return }
          continue
        }
        subshellCore.handle(message)
        LargeMessages.release(after: bytes)
      }
    }
    thread.name = "stride-subshell"
    thread.stackSize = 64 << 20
    thread.start()
    return id
  }

  func deleteSubshell(_ id: String) -> Bool {
    let removed = subshells.withLock { list -> Subshell? in
      guard let index = list.firstIndex(where: { $0.id == id }) else { return nil }
      return list.remove(at: index).shell
    }
    removed?.queue.close()
    return removed != nil
  }

  func listSubshells() -> [String] { subshells.withLock { $0.map(\.id) } }
}
