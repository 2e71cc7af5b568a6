import Foundation
import JupyterProtocol

/// The kernel.json that Jupyter reads to start Stride.
///
/// Its `env` pins OpenBLAS (a DYNAMIC_ARCH build picks its GEMM kernels by processor) to the
/// Haswell kernels, which every x86-64 processor with AVX2 runs: the SkylakeX (AVX-512) kernels
/// round differently, and a notebook must give the same bits on every machine.
struct KernelSpec: Encodable {
  /// The environment every Stride kernel starts with.
  static let environment = ["OPENBLAS_CORETYPE": "Haswell"]

  var argv: [String]
  var displayName: String
  var env = KernelSpec.environment
  var language = "swift"
  var interruptMode: String
  /// The protocol version the kernel speaks (kernel_info_reply says the same).
  var kernelProtocolVersion = MessageHeader.protocolVersion
  var metadata: [String: Bool] = ["debugger": false]

  enum CodingKeys: String, CodingKey {
    case argv, displayName = "display_name", env, language, interruptMode = "interrupt_mode"
    case kernelProtocolVersion = "kernel_protocol_version", metadata
  }

  init(binary: String, displayName: String, interruptMode: String) {
    argv = [binary, "kernel", "-f", "{connection_file}"]
    self.displayName = displayName
    self.interruptMode = interruptMode
  }

  func json() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }

  /// The absolute, resolved path of the running binary.
  static func executablePath() throws -> String {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return path
    }
    let given = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    return given.resolvingSymlinksInPath().path
  }

  /// kernel.json from the repository's template (kernelspec/kernel.json) when it is found,
  /// with the binary, display name and interrupt mode filled in; else the built-in spec.
  func json(template: Data?) throws -> Data {
    guard let template,
      var object = try? JSONSerialization.jsonObject(with: template) as? [String: Any]
    else { return try json() }
    object["argv"] = argv
    object["display_name"] = displayName
    object["env"] = (object["env"] as? [String: String] ?? [:]).merging(env) { _, pinned in pinned }
    object["interrupt_mode"] = interruptMode
    object["kernel_protocol_version"] = kernelProtocolVersion
    return try JSONSerialization.data(
      withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
  }

  /// The repository's kernelspec/ folder (template and logos), looked up beside the binary
  /// (`.build/release/stride` → `kernelspec/`) and in the current directory.
  static func sourceDirectory(binary: String) -> String? {
    let binaryDirectory = URL(fileURLWithPath: binary).deletingLastPathComponent()
    let candidates = [
      binaryDirectory.appendingPathComponent("../../kernelspec"),
      binaryDirectory.appendingPathComponent("../../../kernelspec"),
      binaryDirectory.appendingPathComponent("../share/stride/kernelspec"),
      URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/kernelspec"),
    ].map { $0.standardizedFileURL.path }
    return candidates.first { FileManager.default.fileExists(atPath: $0 + "/kernel.json") }
  }

  static let logos = ["logo-32x32.png", "logo-64x64.png", "logo-svg.svg"]

  /// Copies the logos from `source` into `directory`; returns how many were copied.
  static func copyLogos(from source: String?, to directory: String) -> Int {
    guard let source else { return 0 }
    var copied = 0
    for logo in logos {
      let target = directory + "/" + logo
      try? FileManager.default.removeItem(atPath: target)
      if (try? FileManager.default.copyItem(atPath: source + "/" + logo, toPath: target)) != nil {
        copied += 1
      }
    }
    return copied
  }

  /// `sys.prefix` of `python3` on PATH, if there is one.
  static func pythonPrefix() -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import sys; print(sys.prefix)"]
    let pipe = Pipe()
    process.standardOutput = pipe
    guard (try? process.run()) != nil else { return nil }
    process.waitUntilExit()
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let prefix = text.trimmingCharacters(in: .whitespacesAndNewlines)
    return process.terminationStatus == 0 && !prefix.isEmpty ? prefix : nil
  }
}
