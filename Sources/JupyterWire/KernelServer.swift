import CSupport
import CZMQ
import Cancellation
import Foundation
import JupyterProtocol
import Synchronization

/// A running kernel: the five sockets of a connection file, served by four threads.
///
/// - shell in: receives every shell request and routes it by `subshell_id` (`ShellRouter`).
/// - shell (the calling thread): `KernelCore` handles each main-shell request; cells run here.
/// - one thread per kernel subshell (JEP 91), created and deleted on control.
/// - control: `ControlCore` (interrupt, shutdown, kernel_info, debug) while a cell runs.
/// - heartbeat: echoes every ping, so the kernel looks alive during long cells.
/// - flusher: every 10 ms publishes due stream text and welcomes new iopub subscribers.
/// A message with a bad signature or malformed frames, or one already accepted on any channel
/// (`ReplayGuard`), is logged and dropped; serving goes on.
public final class KernelServer {
  private let connection: ConnectionFile
  private let context: ZMQContext
  private let channel: WireChannel
  private let core: KernelCore
  private let control: ControlCore
  private let router: ShellRouter
  private let lifecycle = Lifecycle()
  /// The messages accepted on any channel (shell, control, stdin): replays are refused.
  private let replays = ReplayGuard()

  /// Binds the shell, stdin and iopub sockets and prepares the core for `interpreter`.
  public init(
    connection: ConnectionFile, interpreter: any KernelInterpreter,
    cancellation: CancellationToken = .process
  ) throws {
    self.connection = connection
    context = try ZMQContext()
    let factory = MessageFactory()
    channel = try WireChannel(
      context: context, connection: connection, factory: factory,
      replays: replays)
    core = KernelCore(
      interpreter: interpreter, channel: channel, factory: factory,
      cancellation: cancellation)
    core.supportedFeatures = [SupportedFeature.kernelSubshells]
    router = ShellRouter(channel: channel, core: core)
    control = ControlCore(
      kernelInfo: interpreter.kernelInfo, factory: factory,
      cancellation: cancellation, channel: channel, subshells: router)
  }

  /// Serves until a shutdown request; returns whether a restart was asked for.
  public func run() -> Bool {
    startHeartbeat()
    startControl()
    startFlusher()
    router.start()
    while lifecycle.shutdown == nil {
      guard let (message, bytes) = router.main.pop(waiting: 0.1) else { continue }
      core.handle(message)
      LargeMessages.release(after: bytes)  // the message's memory is freed by now
      if let restart = core.shutdownRequested { lifecycle.requestShutdown(restart: restart) }
    }
    core.streams.flush()
    usleep(100_000)  // let libzmq's I/O thread deliver the last replies
    return lifecycle.shutdown ?? false
  }

  // MARK: - Threads

  private func startHeartbeat() {
    let context = self.context
    let endpoint = connection.endpoint(connection.hbPort)
    Self.startThread("stride-heartbeat") {
      let socket = try ZMQSocket(context, type: ZMQ_REP)
      try socket.bind(endpoint)
      while true {
        if let frames = socket.receive() { socket.send(frames) }
      }
    }
  }

  private func startControl() {
    let (context, control, lifecycle) = (self.context, self.control, self.lifecycle)
    let (connection, replays) = (self.connection, self.replays)
    Self.startThread("stride-control") {
      let socket = try ZMQSocket(context, type: ZMQ_ROUTER)
      socket.setOption64(ZMQ_MAXMSGSIZE, WireChannel.maxMessageBytes)
      try socket.bind(connection.endpoint(connection.controlPort))
      let codec = try WireCodec(key: connection.key, replays: replays)
      while true {
        guard let bytes = Self.serveControlMessage(socket, codec, control, lifecycle) else {
          continue
        }
        LargeMessages.release(after: bytes)
      }
    }
  }

  /// Receives and handles one control message; its size in bytes (nil on a receive error).
  private static func serveControlMessage(
    _ socket: ZMQSocket, _ codec: WireCodec,
    _ control: ControlCore, _ lifecycle: Lifecycle
  ) -> Int? {
    guard let frames = socket.receive() else { return nil }
    let message: Message
    do { message = try codec.decode(frames) } catch {
      KernelLog.warning("control: dropped a message: \(error)")
      return LargeMessages.size(frames)
    }
    let response = control.handle(message)
    if let reply = response.reply {
      do { socket.send(try codec.encode(reply)) } catch {
        KernelLog.warning("control: could not encode \(reply.msgType): \(error)")
      }
    }
    if let restart = response.shutdown { lifecycle.shutdownFromControl(restart: restart) }
    return LargeMessages.size(frames)
  }

  private func startFlusher() {
    let (channel, streams) = (self.channel, core.streams)
    Self.startThread("stride-flusher") {
      while true {
        channel.serviceSubscriptions()
        streams.flushIfDue()
        usleep(10_000)
      }
    }
  }

  /// Runs `body` on a new thread; an error there (a failed bind) ends the process with a message.
  static func startThread(_ name: String, _ body: @escaping @Sendable () throws -> Void) {
    let thread = Thread {
      csupport_set_thread_name(name)
      do { try body() } catch {
        KernelLog.warning("\(name): \(error); the kernel cannot run without it")
        exit(1)
      }
    }
    thread.start()
  }
}

/// Shutdown coordination between the control thread and the shell thread.
final class Lifecycle: Sendable {
  private let state = Mutex<Bool?>(nil)

  /// nil while serving; the restart flag once a shutdown was requested.
  var shutdown: Bool? { state.withLock { $0 } }

  func requestShutdown(restart: Bool) { state.withLock { $0 = $0 ?? restart } }

  /// From the control thread: the shell thread exits at its next poll (≤ 100 ms, or when the
  /// interrupted cell ends); if it is stuck in uninterruptible work, the process ends anyway.
  func shutdownFromControl(restart: Bool) {
    requestShutdown(restart: restart)
    Thread.sleep(forTimeInterval: 2)
    KernelLog.warning("the running cell did not stop within 2 s of shutdown; exiting")
    _exit(0)
  }
}
