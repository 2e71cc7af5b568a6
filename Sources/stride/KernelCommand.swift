import ArgumentParser
import Foundation
import JupyterProtocol
import JupyterWire
import Lang
import NotebookKernel

/// `stride kernel -f FILE`: serves Jupyter on the sockets of a connection file.
struct KernelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kernel", abstract: "Run the Jupyter kernel (Jupyter starts it with -f FILE).")

  @Option(name: [.customShort("f"), .customLong("connection-file")],
          help: "The connection file Jupyter wrote (ports, key, transport).")
  var connectionFile: String

  @Flag(help: "Run the small calculator instead of the cell language (for protocol tests).")
  var calculator = false

  func run() throws {
    let connection: ConnectionFile
    do { connection = try ConnectionFile.load(path: connectionFile) } catch {
      throw ValidationError(error.description)
    }
    InterruptSignal.install()
    let server = try KernelServer(connection: connection, interpreter: makeInterpreter())
    _ = server.run()
    Foundation.exit(0)
  }

  /// The interpreter that runs cells.
  func makeInterpreter() -> any KernelInterpreter {
    calculator ? CalculatorInterpreter() : LangKernel(session: makeSession())
  }
}

/// `stride run FILE.swift`: runs a file of cells in the terminal.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Run a .swift file of cells in the terminal.")

  @Argument(help: "The file to run.")
  var file: String

  func run() throws {
    guard let source = try? String(contentsOfFile: file, encoding: .utf8) else {
      throw ValidationError("cannot read '\(file)'")
    }
    let session = LangKernel(session: makeSession()).session
    let result = session.execute(source, cellName: file, sink: TerminalSink(),
                                 cancellation: .process)
    if let value = result.value { print(value.plainText) }
    if let error = result.error {
      FileHandle.standardError.write(Data((error.plainText + "\n").utf8))
      throw ExitCode(1)
    }
  }
}
