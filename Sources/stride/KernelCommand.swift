import ArgumentParser
import Foundation
import JupyterProtocol
import JupyterWire
import Lang
import NotebookKernel
import NotebookRuntime

/// `stride kernel -f FILE`: serves Jupyter on the sockets of a connection file.
struct KernelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kernel", abstract: "Run the Jupyter kernel (Jupyter starts it with -f FILE).")

  @Option(
    name: [.customShort("f"), .customLong("connection-file")],
    help: "The connection file Jupyter wrote (ports, key, transport).")
  var connectionFile: String

  @Flag(
    inversion: .prefixedNo,
    help: "Exit when the launching process is gone (getppid changes, or JPY_PARENT_PID ends).")
  var parentWatch = true

  func run() throws {
    LargeMessages.prepare()
    let connection: ConnectionFile
    do { connection = try ConnectionFile.load(path: connectionFile) } catch {
      throw ValidationError(error.description)
    }
    InterruptSignal.install()
    if parentWatch { ParentWatch.current().start() }
    let server = try KernelServer(connection: connection, interpreter: makeInterpreter())
    _ = server.run()
    Foundation.exit(0)
  }

  /// The interpreter that runs cells.
  func makeInterpreter() -> any KernelInterpreter {
    let notebook = NotebookRuntime.makeNotebook()
    return LangKernel(session: notebook.session, commHost: notebook.comms)
  }
}

/// `stride run FILE.swift`: runs a file of cells in the terminal.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Run a .swift file of cells in the terminal.")

  @Argument(help: "The file to run.")
  var file: String

  func run() throws {
    // Outside Jupyter: text to the terminal, rich outputs as files beside FILE, progress as a
    // terminal bar (NotebookRuntime.FileRunner); a non-zero exit on error.
    let status = FileRunner.run(path: file)
    if status != 0 { throw ExitCode(status) }
  }
}
