import ArgumentParser

/// The `stride` command: the Jupyter kernel, its installer, and a file runner.
@main
struct Stride: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "A Jupyter kernel for a Swift-syntax CNN language.",
    subcommands: [KernelCommand.self, InstallCommand.self, RunCommand.self])
}
