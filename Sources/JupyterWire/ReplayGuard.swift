import Synchronization

/// The signed messages a kernel has accepted, on any of its channels: a replay is refused.
///
/// One guard is shared by the codecs of shell, control and stdin, so a message seen on one
/// channel is refused on every other (a signed `interrupt_request` captured on shell cannot be
/// replayed on control). A message is known by its HMAC, which covers its header (`msg_id`,
/// `date`, type) and content; the first 8 bytes are kept, uniformly random to anyone without
/// the key. Not by `msg_id` alone: jupyter_client's KernelManager and its clients share one
/// session id and pid with separate counters, so their `msg_id`s repeat. Bounded by count, like
/// jupyter_client's `digest_history`: the last `capacity` messages (default 65,536), the oldest
/// forgotten first. Memory: a ring of `capacity` fingerprints and a set reserved for them once
/// (no growth, no rehashing): about 1.5 MiB at the default.
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

  /// Records a verified message by its hex HMAC; false (nothing recorded) when seen before.
  public func admit(signature: [UInt8]) -> Bool {
    let print = Self.fingerprint(signature: signature)
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
      let nibble: UInt8 =
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: digit & 15
        }
      value = value << 4 | UInt64(nibble)
    }
    return value
  }

}
