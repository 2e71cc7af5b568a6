import Synchronization

/// The signed messages a kernel has accepted, on any of its channels: a replay is refused.
///
/// One guard is shared by the codecs of shell, control and stdin, so a message seen on one
/// channel is refused on every other (a signed `interrupt_request` captured on shell cannot be
/// replayed on control). A message is remembered by a 64-bit hash of its `msg_id` (seeded per
/// process), or by the first 8 bytes of its HMAC when it has no `msg_id`: a replay repeats the
/// signed header, so its `msg_id` too, and a client never reuses one. Bounded by count, like
/// jupyter_client's `digest_history`: the last `capacity` messages (default 65,536) are
/// remembered, the oldest forgotten first. Memory: a ring of `capacity` fingerprints and a set
/// reserved for them once (no growth, no rehashing): about 1.5 MiB at the default.
public final class ReplayGuard: Sendable {
  private struct State {
    var seen: Set<UInt64>
    var ring: [UInt64]
    var next = 0
  }

  private let state: Mutex<State>
  private let capacity: Int

  /// A guard remembering the last `capacity` messages (at least 1).
  public init(capacity: Int = 65_536) {
    self.capacity = max(1, capacity)
    var seen = Set<UInt64>()
    seen.reserveCapacity(self.capacity)
    var ring: [UInt64] = []
    ring.reserveCapacity(self.capacity)
    state = Mutex(State(seen: seen, ring: ring))
  }

  /// Records a verified message; false (and nothing recorded) when it was seen before.
  ///
  /// `signature` is the message's hex HMAC, `msgId` its header's `msg_id`.
  public func admit(signature: [UInt8], msgId: String) -> Bool {
    let print = msgId.isEmpty ? Self.fingerprint(signature: signature) : Self.fingerprint(msgId: msgId)
    return state.withLock { state in
      guard state.seen.insert(print).inserted else { return false }
      if state.ring.count < capacity {
        state.ring.append(print)
      } else {
        state.seen.remove(state.ring[state.next])
        state.ring[state.next] = print
        state.next = (state.next + 1) % capacity
      }
      return true
    }
  }

  /// How many messages are remembered now.
  var count: Int { state.withLock { $0.seen.count } }

  /// The first 16 hex digits of a signature as a number (all of it when shorter).
  static func fingerprint(signature: [UInt8]) -> UInt64 {
    var value: UInt64 = 0
    for digit in signature.prefix(16) {
      let nibble: UInt8 = switch digit {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
      default: digit & 15
      }
      value = value << 4 | UInt64(nibble)
    }
    return value
  }

  /// A 64-bit hash of a message id (Swift's `Hasher`, seeded per process).
  static func fingerprint(msgId: String) -> UInt64 {
    var hasher = Hasher()
    hasher.combine(msgId)
    return UInt64(bitPattern: Int64(hasher.finalize()))
  }
}
