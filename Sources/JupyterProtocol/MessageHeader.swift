import Foundation

/// The header of a Jupyter message: who sent it, when, and what it is.
///
/// Decoding is lenient (a missing string member becomes ""), because a parent header is echoed
/// back as received; `msg_type` is what dispatch needs, and an empty one is reported as unknown.
public struct MessageHeader: Codable, Sendable, Equatable {
  /// Unique id of this message.
  public var msgId: String
  /// Message type, e.g. `execute_request`.
  public var msgType: String
  /// User name of the sender.
  public var username: String
  /// Session id of the sender.
  public var session: String
  /// ISO 8601 time in UTC, e.g. `2026-11-29T06:30:00.123456Z`.
  public var date: String
  /// Protocol version of the message, e.g. "5.5".
  public var version: String
  /// JEP 91 subshell id, when a request was addressed to one.
  public var subshellId: String?

  /// The protocol version this kernel implements and stamps into every header.
  public static let protocolVersion = "5.5"

  /// Makes a header.
  public init(
    msgId: String, msgType: String, username: String, session: String, date: String,
    version: String = MessageHeader.protocolVersion, subshellId: String? = nil
  ) {
    self.msgId = msgId
    self.msgType = msgType
    self.username = username
    self.session = session
    self.date = date
    self.version = version
    self.subshellId = subshellId
  }

  enum CodingKeys: String, CodingKey {
    case msgId = "msg_id", msgType = "msg_type", username, session, date, version
    case subshellId = "subshell_id"
  }

  public init(from decoder: any Decoder) throws {
    let keys = try decoder.container(keyedBy: CodingKeys.self)
    func text(_ key: CodingKeys) -> String {
      ((try? keys.decodeIfPresent(String.self, forKey: key)) ?? nil) ?? ""
    }
    msgId = text(.msgId)
    msgType = text(.msgType)
    username = text(.username)
    session = text(.session)
    date = text(.date)
    version = text(.version)
    subshellId = try? keys.decodeIfPresent(String.self, forKey: .subshellId)
  }
}

/// The current time as Jupyter writes it: ISO 8601, UTC, microseconds, `Z`.
public func jupyterTimestamp(_ date: Date = Date()) -> String {
  let seconds = date.timeIntervalSince1970
  var whole = time_t(seconds.rounded(.down))
  let micros = Int((seconds - Double(whole)) * 1_000_000)
  var parts = tm()
  gmtime_r(&whole, &parts)
  let year = Int(parts.tm_year) + 1900
  return String(
    format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", year, Int(parts.tm_mon) + 1,
    Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec),
    min(micros, 999_999))
}
