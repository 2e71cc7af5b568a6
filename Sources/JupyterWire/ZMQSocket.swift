import CZMQ
import Glibc

/// A ZeroMQ context; libzmq documents contexts as thread-safe, hence `@unchecked Sendable`.
public struct ZMQContext: @unchecked Sendable {
  let handle: UnsafeMutableRawPointer

  /// A new context with one I/O thread.
  public init() throws(ZMQError) {
    guard let handle = zmq_ctx_new() else { throw ZMQError.last("zmq_ctx_new") }
    self.handle = handle
  }
}

/// One ZeroMQ socket, used by one thread at a time; sends and receives whole multipart messages.
///
/// Calls interrupted by a signal (EINTR, e.g. SIGINT for an interrupt) are retried.
final class ZMQSocket {
  let handle: UnsafeMutableRawPointer

  init(_ context: ZMQContext, type: Int32) throws(ZMQError) {
    guard let handle = zmq_socket(context.handle, type) else { throw ZMQError.last("zmq_socket") }
    self.handle = handle
    setOption(ZMQ_LINGER, Int32(1000))
  }

  deinit { zmq_close(handle) }

  func bind(_ endpoint: String) throws(ZMQError) {
    guard zmq_bind(handle, endpoint) == 0 else { throw ZMQError.last("bind \(endpoint)") }
  }

  func connect(_ endpoint: String) throws(ZMQError) {
    guard zmq_connect(handle, endpoint) == 0 else { throw ZMQError.last("connect \(endpoint)") }
  }

  func setOption(_ option: Int32, _ value: Int32) {
    var value = value
    zmq_setsockopt(handle, option, &value, MemoryLayout<Int32>.size)
  }

  func setOption64(_ option: Int32, _ value: Int64) {
    var value = value
    zmq_setsockopt(handle, option, &value, MemoryLayout<Int64>.size)
  }

  /// Sends all frames as one message; false if the socket refused it.
  @discardableResult
  func send(_ frames: [[UInt8]], flags: Int32 = 0) -> Bool {
    for (index, frame) in frames.enumerated() {
      let more = index < frames.count - 1 ? ZMQ_SNDMORE : 0
      var result: Int32
      repeat {
        result = frame.withUnsafeBytes { zmq_send(handle, $0.baseAddress, $0.count, more | flags) }
      } while result < 0 && zmq_errno() == EINTR
      if result < 0 { return false }
    }
    return true
  }

  /// Receives one whole message; nil when none is ready (`ZMQ_DONTWAIT`) or on error.
  func receive(flags: Int32 = 0) -> [[UInt8]]? {
    let part = UnsafeMutablePointer<zmq_msg_t>.allocate(capacity: 1)
    defer { part.deallocate() }
    var frames: [[UInt8]] = []
    repeat {
      zmq_msg_init(part)
      var size: Int32
      repeat {
        size = zmq_msg_recv(part, handle, frames.isEmpty ? flags : 0)
      } while size < 0 && zmq_errno() == EINTR
      guard size >= 0 else {
        zmq_msg_close(part)
        return nil
      }
      let base = zmq_msg_data(part).assumingMemoryBound(to: UInt8.self)
      frames.append(Array(UnsafeBufferPointer(start: base, count: Int(size))))
      let more = zmq_msg_more(part) != 0
      zmq_msg_close(part)
      if !more { break }
    } while true
    return frames
  }

  /// Waits up to `milliseconds` for a message; true when one can be received.
  func waitReadable(milliseconds: Int) -> Bool {
    var item = zmq_pollitem_t(socket: handle, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0)
    let ready = zmq_poll(&item, 1, milliseconds)
    return ready > 0 && item.revents & Int16(ZMQ_POLLIN) != 0
  }
}

/// A failed ZeroMQ call, with libzmq's message.
public struct ZMQError: Error, CustomStringConvertible, Sendable {
  public var description: String

  static func last(_ call: String) -> ZMQError {
    ZMQError(description: "\(call): \(String(cString: zmq_strerror(zmq_errno())))")
  }
}
