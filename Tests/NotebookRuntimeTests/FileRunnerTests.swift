import Foundation
import NotebookRuntime
import Testing

struct FileRunnerTests {
  /// Writes `text` to a fresh temporary directory and returns the file's path.
  func file(_ text: String, name: String = "cells.swift") throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "stride-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func runsPercentCellsWritesRichOutputsBesideTheFileAndSaysWhich() throws {
    let path = try file(
      """
      // %% [markdown]
      // # A title
      // Dense(1) would fail here if markdown ran: undefinedName

      // %%
      %seed 1
      let x = Tensor([[7, 2, 6, 2], [4, 5, 4, 7], [3, 3, 4, 2], [6, 4, 8, 6]])
      print("pooled")
      maxPool2D(x, size: 2, stride: 2)

      // %%
      LeNet5().diagram()
      """)
    var out = ""
    var err = ""
    let code = FileRunner.run(path: path, out: { out += $0 }, err: { err += $0 })
    #expect(code == 0)
    #expect(err.isEmpty)
    #expect(out.contains("pooled\n"))
    #expect(out.contains("[[7, 7],\n [6, 8]]"))
    let base = String(path.dropLast(6))
    #expect(out.contains("[\(base)-1.html]"))
    #expect(out.contains("[\(base)-2.svg]"))
    #expect(FileManager.default.fileExists(atPath: base + "-2.svg"))
  }

  @Test func anErrorStopsTheRunWithItsDiagnosticOnStderr() throws {
    let path = try file(
      "print(\"before\")\nlet y = Tensor([1, 2]) + Tensor([1, 2, 3])\nprint(\"after\")\n")
    var out = ""
    var err = ""
    let code = FileRunner.run(path: path, out: { out += $0 }, err: { err += $0 })
    #expect(code == 1)
    #expect(out == "before\n")
    #expect(err.hasPrefix("ShapeError: "))
    #expect(err.contains("cells.swift"))
  }

  @Test func aMissingFileIsExitCodeTwo() {
    var err = ""
    #expect(FileRunner.run(path: "/no/such/file.swift", out: { _ in }, err: { err += $0 }) == 2)
    #expect(err.contains("cannot read"))
  }

  @Test(.enabled(if: fashionMNISTInstalled))
  func fitProgressIsACarriageReturnBarAndItsFinalChartIsSaved() throws {
    let path = try file(
      "let d = FashionMNIST(padding: 2)\nlet h = LeNet5().fit(d.train.prefix(256), epochs: 1, batchSize: 64)\nprint(\"trained\")\n"
    )
    var out = ""
    let code = FileRunner.run(path: path, out: { out += $0 }, err: { _ in })
    #expect(code == 0)
    #expect(out.hasPrefix("\r["))
    #expect(out.contains("100%"))
    #expect(out.contains("-1.svg]\ntrained\n"))
  }
}
