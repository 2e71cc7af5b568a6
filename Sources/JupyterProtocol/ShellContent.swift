import Display

// Typed contents of the shell requests and replies that involve the interpreter.
// Requests decode leniently: a missing member takes the default the messaging spec gives it.

extension KeyedDecodingContainer {
  /// The member `key`, or `fallback` when it is absent or null.
  func value<T: Decodable>(_ key: Key, or fallback: T) throws -> T {
    try decodeIfPresent(T.self, forKey: key) ?? fallback
  }
}

/// `execute_request` content.
public struct ExecuteRequest: Codable, Sendable, Equatable {
  public var code: String
  public var silent: Bool
  public var storeHistory: Bool
  public var userExpressions: [String: String]
  public var allowStdin: Bool
  public var stopOnError: Bool

  /// Makes a request; defaults as in the messaging spec.
  public init(
    code: String, silent: Bool = false, storeHistory: Bool = true,
    userExpressions: [String: String] = [:], allowStdin: Bool = true,
    stopOnError: Bool = true
  ) {
    self.code = code
    self.silent = silent
    self.storeHistory = storeHistory
    self.userExpressions = userExpressions
    self.allowStdin = allowStdin
    self.stopOnError = stopOnError
  }

  enum CodingKeys: String, CodingKey {
    case code, silent, storeHistory = "store_history", userExpressions = "user_expressions"
    case allowStdin = "allow_stdin", stopOnError = "stop_on_error"
  }

  public init(from decoder: any Decoder) throws {
    let keys = try decoder.container(keyedBy: CodingKeys.self)
    code = try keys.decode(String.self, forKey: .code)
    silent = try keys.value(.silent, or: false)
    storeHistory = try keys.value(.storeHistory, or: !silent)
    userExpressions = try keys.value(.userExpressions, or: [:])
    allowStdin = try keys.value(.allowStdin, or: true)
    stopOnError = try keys.value(.stopOnError, or: true)
  }
}

/// `execute_reply` content (status ok, error or aborted).
public struct ExecuteReply: Codable, Sendable, Equatable {
  public var status: String
  public var executionCount: Int
  public var payload: [JSONValue]?
  public var userExpressions: [String: JSONValue]?
  public var ename: String?
  public var evalue: String?
  public var traceback: [String]?

  enum CodingKeys: String, CodingKey {
    case status, executionCount = "execution_count", payload, userExpressions = "user_expressions"
    case ename, evalue, traceback
  }
}

/// `complete_request` content; `cursor_pos` counts Unicode code points.
public struct CompleteRequest: Codable, Sendable, Equatable {
  public var code: String
  public var cursorPos: Int

  enum CodingKeys: String, CodingKey { case code, cursorPos = "cursor_pos" }

  public init(from decoder: any Decoder) throws {
    let keys = try decoder.container(keyedBy: CodingKeys.self)
    code = try keys.decode(String.self, forKey: .code)
    cursorPos = try keys.value(.cursorPos, or: code.unicodeScalars.count)
  }
}

/// `complete_reply` content.
public struct CompleteReply: Codable, Sendable, Equatable {
  public var status = "ok"
  public var matches: [String]
  public var cursorStart: Int
  public var cursorEnd: Int
  public var metadata: [String: JSONValue] = [:]

  enum CodingKeys: String, CodingKey {
    case status, matches, cursorStart = "cursor_start", cursorEnd = "cursor_end", metadata
  }
}

/// `inspect_request` content.
public struct InspectRequest: Codable, Sendable, Equatable {
  public var code: String
  public var cursorPos: Int
  public var detailLevel: Int

  enum CodingKeys: String, CodingKey {
    case code, cursorPos = "cursor_pos", detailLevel = "detail_level"
  }

  public init(from decoder: any Decoder) throws {
    let keys = try decoder.container(keyedBy: CodingKeys.self)
    code = try keys.decode(String.self, forKey: .code)
    cursorPos = try keys.value(.cursorPos, or: code.unicodeScalars.count)
    detailLevel = try keys.value(.detailLevel, or: 0)
  }
}

/// `inspect_reply` content.
public struct InspectReply: Codable, Sendable, Equatable {
  public var status = "ok"
  public var found: Bool
  public var data: [String: String]
  public var metadata: [String: JSONValue] = [:]
}

/// `is_complete_request` content.
public struct IsCompleteRequest: Codable, Sendable, Equatable {
  public var code: String
}

/// `is_complete_reply` content: status complete, incomplete, invalid or unknown.
public struct IsCompleteReply: Codable, Sendable, Equatable {
  public var status: String
  public var indent: String?
}
