import Display

// Typed contents of the requests the kernel answers without running code.

/// `language_info` in `kernel_info_reply`.
public struct LanguageInfo: Codable, Sendable, Equatable {
  public var name: String
  public var version: String
  public var mimetype: String
  public var fileExtension: String
  public var pygmentsLexer: String
  public var codemirrorMode: String
  public var nbconvertExporter: String

  /// Swift as Stride's cells speak it.
  public static let swift = LanguageInfo(
    name: "swift", version: "6", mimetype: "text/x-swift", fileExtension: ".swift",
    pygmentsLexer: "swift", codemirrorMode: "swift", nbconvertExporter: "script")

  /// Makes a language description.
  public init(
    name: String, version: String, mimetype: String, fileExtension: String,
    pygmentsLexer: String, codemirrorMode: String, nbconvertExporter: String
  ) {
    self.name = name
    self.version = version
    self.mimetype = mimetype
    self.fileExtension = fileExtension
    self.pygmentsLexer = pygmentsLexer
    self.codemirrorMode = codemirrorMode
    self.nbconvertExporter = nbconvertExporter
  }

  enum CodingKeys: String, CodingKey {
    case name, version, mimetype, fileExtension = "file_extension"
    case pygmentsLexer = "pygments_lexer", codemirrorMode = "codemirror_mode"
    case nbconvertExporter = "nbconvert_exporter"
  }
}

/// One entry of `help_links`.
public struct HelpLink: Codable, Sendable, Equatable {
  public var text: String
  public var url: String

  /// Makes a link.
  public init(text: String, url: String) {
    self.text = text
    self.url = url
  }
}

/// What an interpreter says about itself (`kernel_info_reply` minus the protocol fields).
public struct KernelInfo: Sendable, Equatable {
  public var implementation: String
  public var implementationVersion: String
  public var languageInfo: LanguageInfo
  public var banner: String
  public var helpLinks: [HelpLink]

  /// Makes a description.
  public init(
    implementation: String, implementationVersion: String, languageInfo: LanguageInfo,
    banner: String, helpLinks: [HelpLink] = []
  ) {
    self.implementation = implementation
    self.implementationVersion = implementationVersion
    self.languageInfo = languageInfo
    self.banner = banner
    self.helpLinks = helpLinks
  }

  /// The `kernel_info_reply` content.
  public var replyContent: KernelInfoReply {
    KernelInfoReply(
      protocolVersion: MessageHeader.protocolVersion, implementation: implementation,
      implementationVersion: implementationVersion, languageInfo: languageInfo,
      banner: banner, helpLinks: helpLinks)
  }
}

/// `kernel_info_reply` content.
public struct KernelInfoReply: Codable, Sendable, Equatable {
  public var status = "ok"
  public var protocolVersion: String
  public var implementation: String
  public var implementationVersion: String
  public var languageInfo: LanguageInfo
  public var banner: String
  public var helpLinks: [HelpLink]
  public var debugger = false
  public var supportedFeatures: [String] = []

  enum CodingKeys: String, CodingKey {
    case status, protocolVersion = "protocol_version", implementation
    case implementationVersion = "implementation_version", languageInfo = "language_info"
    case banner, helpLinks = "help_links", debugger, supportedFeatures = "supported_features"
  }
}

/// `history_request` content.
public struct HistoryRequest: Codable, Sendable, Equatable {
  public var output: Bool
  public var raw: Bool
  public var histAccessType: String
  public var session: Int
  public var start: Int
  public var stop: Int?
  public var n: Int?
  public var pattern: String
  public var unique: Bool

  enum CodingKeys: String, CodingKey {
    case output, raw, histAccessType = "hist_access_type", session, start, stop, n, pattern, unique
  }

  public init(from decoder: any Decoder) throws {
    let keys = try decoder.container(keyedBy: CodingKeys.self)
    output = try keys.value(.output, or: false)
    raw = try keys.value(.raw, or: true)
    histAccessType = try keys.value(.histAccessType, or: "tail")
    session = try keys.value(.session, or: 0)
    start = try keys.value(.start, or: 0)
    stop = try keys.decodeIfPresent(Int.self, forKey: .stop)
    n = try keys.decodeIfPresent(Int.self, forKey: .n)
    pattern = try keys.value(.pattern, or: "*")
    unique = try keys.value(.unique, or: false)
  }
}

/// `shutdown_request` / `shutdown_reply` content.
public struct ShutdownContent: Codable, Sendable, Equatable {
  public var status: String?
  public var restart: Bool

  public init(from decoder: any Decoder) throws {
    let keys = try decoder.container(keyedBy: CodingKeys.self)
    status = try keys.decodeIfPresent(String.self, forKey: .status)
    restart = try keys.value(.restart, or: false)
  }

  /// The reply content.
  public init(restart: Bool) {
    self.status = "ok"
    self.restart = restart
  }

  enum CodingKeys: String, CodingKey { case status, restart }
}

/// `comm_open` content (client → kernel).
public struct CommOpen: Codable, Sendable, Equatable {
  public var commId: String
  public var targetName: String

  enum CodingKeys: String, CodingKey { case commId = "comm_id", targetName = "target_name" }
}
