import ArgumentParser
import Foundation

/// `stride install`: writes the kernelspec (kernel.json with this binary's absolute path, logos).
struct InstallCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "install",
    abstract: "Install the Jupyter kernelspec, like 'python -m ipykernel install'.",
    discussion: "Default location: the user's Jupyter data directory (as --user).")

  @Flag(help: "Install for the current user ($JUPYTER_DATA_DIR or ~/.local/share/jupyter).")
  var user = false
  @Flag(help: "Install into the active Python environment's prefix ($VIRTUAL_ENV, $CONDA_PREFIX).")
  var sysPrefix = false
  @Option(help: "Install into PREFIX/share/jupyter/kernels.")
  var prefix: String?
  @Option(help: "The kernelspec name.")
  var name = "stride"
  @Option(help: "The name shown in Jupyter.")
  var displayName = "Swift (Stride)"
  @Option(
    help: "How Jupyter interrupts the kernel: signal (SIGINT) or message (interrupt_request).")
  var interruptMode = "signal"

  func validate() throws {
    guard [user, sysPrefix, prefix != nil].filter({ $0 }).count <= 1 else {
      throw ValidationError("choose at most one of --user, --sys-prefix, --prefix")
    }
    guard name.range(of: "^[a-zA-Z0-9._-]+$", options: .regularExpression) != nil else {
      throw ValidationError("a kernelspec name may only contain letters, digits, '.', '_', '-'")
    }
    guard ["signal", "message"].contains(interruptMode) else {
      throw ValidationError("--interrupt-mode must be signal or message")
    }
  }

  func run() throws {
    let directory = try kernelsDirectory() + "/" + name.lowercased()
    let binary = try KernelSpec.executablePath()
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let spec = KernelSpec(binary: binary, displayName: displayName, interruptMode: interruptMode)
    let source = KernelSpec.sourceDirectory(binary: binary)
    let template = source.flatMap { FileManager.default.contents(atPath: $0 + "/kernel.json") }
    try spec.json(template: template).write(to: URL(fileURLWithPath: directory + "/kernel.json"))
    let copied = KernelSpec.copyLogos(from: source, to: directory)
    if copied == 0 {
      print("warning: no logos found (kernelspec/ beside the sources); installed without")
    }
    print("Installed kernelspec \(name.lowercased()) in \(directory)")
  }

  private func kernelsDirectory() throws -> String {
    let environment = ProcessInfo.processInfo.environment
    if let prefix { return absolute(prefix) + "/share/jupyter/kernels" }
    if sysPrefix {
      guard
        let root = environment["VIRTUAL_ENV"] ?? environment["CONDA_PREFIX"]
          ?? KernelSpec.pythonPrefix()
      else {
        throw ValidationError(
          "--sys-prefix: no Python environment found (activate one or use --prefix)")
      }
      return root + "/share/jupyter/kernels"
    }
    if let data = environment["JUPYTER_DATA_DIR"], !data.isEmpty {
      return absolute(data) + "/kernels"
    }
    let home = environment["HOME"] ?? NSHomeDirectory()
    return home + "/.local/share/jupyter/kernels"
  }

  private func absolute(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
  }
}
