import Foundation

/// The connection file Jupyter writes for a kernel: transport, address, ports and HMAC key.
///
/// `key` is used as raw UTF-8 bytes (not hex-decoded). An empty key turns signing off.
/// Only `hmac-sha256` is supported as `signature_scheme`.
public struct ConnectionFile: Decodable, Sendable, Equatable {
  public var transport: String
  public var ip: String
  public var key: String
  public var signatureScheme: String
  public var shellPort: Int
  public var iopubPort: Int
  public var stdinPort: Int
  public var controlPort: Int
  public var hbPort: Int

  enum CodingKeys: String, CodingKey {
    case transport, ip, key, signatureScheme = "signature_scheme", shellPort = "shell_port"
    case iopubPort = "iopub_port", stdinPort = "stdin_port", controlPort = "control_port"
    case hbPort = "hb_port"
  }

  public init(from decoder: any Decoder) throws {
    let keys = try decoder.container(keyedBy: CodingKeys.self)
    transport = try keys.decodeIfPresent(String.self, forKey: .transport) ?? "tcp"
    ip = try keys.decodeIfPresent(String.self, forKey: .ip) ?? "127.0.0.1"
    key = try keys.decodeIfPresent(String.self, forKey: .key) ?? ""
    signatureScheme =
      try keys.decodeIfPresent(String.self, forKey: .signatureScheme) ?? "hmac-sha256"
    shellPort = try keys.decode(Int.self, forKey: .shellPort)
    iopubPort = try keys.decode(Int.self, forKey: .iopubPort)
    stdinPort = try keys.decode(Int.self, forKey: .stdinPort)
    controlPort = try keys.decode(Int.self, forKey: .controlPort)
    hbPort = try keys.decode(Int.self, forKey: .hbPort)
  }

  /// Reads and checks a connection file.
  public static func load(path: String) throws(ConnectionFileError) -> ConnectionFile {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ConnectionFileError("cannot read the connection file '\(path)'")
    }
    return try parse(data)
  }

  /// Parses and checks connection-file JSON.
  public static func parse(_ data: Data) throws(ConnectionFileError) -> ConnectionFile {
    let file: ConnectionFile
    do {
      file = try JSONDecoder().decode(ConnectionFile.self, from: data)
    } catch {
      throw ConnectionFileError("the connection file is not valid: \(error)")
    }
    try file.validate()
    return file
  }

  func validate() throws(ConnectionFileError) {
    guard transport == "tcp" || transport == "ipc" else {
      throw ConnectionFileError("unsupported transport '\(transport)' (tcp or ipc)")
    }
    guard key.isEmpty || signatureScheme == "hmac-sha256" else {
      throw ConnectionFileError("unsupported signature scheme '\(signatureScheme)' (hmac-sha256)")
    }
    for port in [shellPort, iopubPort, stdinPort, controlPort, hbPort]
    where !(0...65535).contains(port) {
      throw ConnectionFileError("port \(port) is out of range")
    }
  }

  /// The ZeroMQ endpoint of `port`: `tcp://ip:port` or `ipc://ip-port`.
  public func endpoint(_ port: Int) -> String {
    transport == "ipc" ? "ipc://\(ip)-\(port)" : "tcp://\(ip):\(port)"
  }
}

/// A connection file that cannot be used, with the reason.
public struct ConnectionFileError: Error, CustomStringConvertible, Sendable {
  public var description: String
  init(_ description: String) { self.description = description }
}
