import CZMQ
import Cancellation
import JupyterProtocol
import Synchronization

/// The `MessageChannel` over ZeroMQ: shell replies, iopub broadcasts, stdin round trips.
///
/// Each socket sits behind its own mutex with its own codec, so `publish` works from any
/// thread (shell, control, the flusher) while shell and stdin stay with the shell thread.
/// iopub is an XPUB socket: each new subscription is answered with `iopub_welcome` (JEP 65).
final class WireChannel: MessageChannel {
  struct Endpoint: ~Copyable {
    let socket: ZMQSocket
    let codec: WireCodec
  }

  let shell: Mutex<Endpoint>
  let stdin: Mutex<Endpoint>
  let iopub: Mutex<Endpoint>
  let factory: MessageFactory
  /// The main shell's requests, as `ShellRouter` receives them.
  let mainQueue = MessageQueue()

  /// Binds shell, stdin and iopub; their codecs refuse the replays `replays` knows of.
  init(
    context: ZMQContext, connection: ConnectionFile, factory: MessageFactory,
    replays: ReplayGuard
  ) throws {
    func endpoint(_ type: Int32, _ port: Int) throws -> Endpoint {
      let socket = try ZMQSocket(context, type: type)
      socket.setOption64(ZMQ_MAXMSGSIZE, Self.maxMessageBytes)
      try socket.bind(connection.endpoint(port))
      return Endpoint(socket: socket, codec: try WireCodec(key: connection.key, replays: replays))
    }
    shell = Mutex(try endpoint(ZMQ_ROUTER, connection.shellPort))
    stdin = Mutex(try endpoint(ZMQ_ROUTER, connection.stdinPort))
    iopub = Mutex(try endpoint(ZMQ_XPUB, connection.iopubPort))
    self.factory = factory
  }

  /// Larger incoming messages make libzmq drop the connection (256 MiB).
  static let maxMessageBytes: Int64 = 256 << 20

  func reply(_ message: Message) {
    _ = shell.withLock { Self.send(message, with: $0) }
  }

  /// The main shell's requests that have arrived and wait (the router receives continuously).
  func takeQueuedRequests() -> [Message] { mainQueue.drain() }

  /// The message in shell frames, or nil (logged) when they are refused.
  func decodeShell(_ frames: [[UInt8]]) -> Message? {
    shell.withLock { endpoint in
      do { return try endpoint.codec.decode(frames) } catch {
        KernelLog.warning("shell: dropped a message: \(error)")
        return nil
      }
    }
  }

  func publish(_ message: Message) {
    iopub.withLock { endpoint in
      welcomeNewSubscribers(endpoint)
      Self.send(message, with: endpoint)
    }
  }

  /// Answers subscriptions that arrived since the last call (called often by the flusher).
  func serviceSubscriptions() {
    iopub.withLock { welcomeNewSubscribers($0) }
  }

  private func welcomeNewSubscribers(_ endpoint: borrowing Endpoint) {
    while let frames = endpoint.socket.receive(flags: ZMQ_DONTWAIT) {
      guard let event = frames.first, event.first == 1 else { continue }
      let topic = String(decoding: event.dropFirst(), as: UTF8.self)
      var welcome = factory.message(
        "iopub_welcome", content: ["subscription": .string(topic)],
        parent: nil)
      welcome.identities = [Array(topic.utf8)]
      Self.send(welcome, with: endpoint)
    }
  }

  func requestInput(_ request: Message, cancellation: CancellationToken) -> Message? {
    stdin.withLock { endpoint in
      while endpoint.socket.receive(flags: ZMQ_DONTWAIT) != nil {}  // stale replies
      guard Self.send(request, with: endpoint) else { return nil }
      while !cancellation.isCancelled {
        guard endpoint.socket.waitReadable(milliseconds: 50),
          let frames = endpoint.socket.receive(flags: ZMQ_DONTWAIT)
        else { continue }
        do {
          let reply = try endpoint.codec.decode(frames)
          if reply.msgType == "input_reply" { return reply }
          KernelLog.warning("stdin: unexpected \(reply.msgType), ignored")
        } catch {
          KernelLog.warning("stdin: dropped a message: \(error)")
        }
      }
      return nil
    }
  }

  @discardableResult
  static func send(_ message: Message, with endpoint: borrowing Endpoint) -> Bool {
    do {
      return endpoint.socket.send(try endpoint.codec.encode(message))
    } catch {
      KernelLog.warning("could not encode \(message.msgType): \(error)")
      return false
    }
  }
}
