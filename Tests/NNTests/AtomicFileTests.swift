import Foundation
import Glibc
import Testing

@testable import NN

/// Checkpoint saves killed mid-write, and symlinks planted where a temporary file might go.
struct AtomicFileTests {
  /// A directory both this test and its exit-test child can name (the child's parent is this process).
  static func directory(for pid: Int32) -> String {
    NSTemporaryDirectory() + "stride-atomic-\(pid)"
  }

  @Test func aKilledSaveLeavesNoTemporaryFileAfterTheNextSave() async throws {
    let dir = Self.directory(for: getpid())
    try? FileManager.default.removeItem(atPath: dir)
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/model.safetensors"
    try AtomicFile.write([1, 2, 3], to: path)
    // The child writes the new bytes and is killed (SIGKILL) before the rename, as a killed kernel.
    await #expect(processExitsWith: .signal(SIGKILL)) {
      let path = AtomicFileTests.directory(for: getppid()) + "/model.safetensors"
      try? AtomicFile.write([9, 9, 9, 9], to: path, beforeRename: { raise(SIGKILL) })
    }
    let left = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
    #expect(left.count == 2 && left.contains { $0.hasPrefix(".model.safetensors.stride-tmp-") })
    #expect(try AtomicFile.read(path) == [1, 2, 3])
    try AtomicFile.write([4, 5], to: path)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["model.safetensors"])
    #expect(try AtomicFile.read(path) == [4, 5])
  }

  @Test func plantedSymlinksAreNeitherFollowedNorWrittenThrough() throws {
    let dir = NSTemporaryDirectory() + "stride-symlink-\(getpid())"
    try? FileManager.default.removeItem(atPath: dir)
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let victim = dir + "/victim.txt"
    try Data("precious".utf8).write(to: URL(fileURLWithPath: victim))
    let path = dir + "/model.safetensors"
    // The old predictable name, and a stale-looking temporary name of a dead process.
    symlink(victim, path + ".tmp-\(getpid())")
    symlink(victim, dir + "/.model.safetensors.stride-tmp-999999999-0")
    try AtomicFile.write([7, 7], to: path)
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
    #expect(try AtomicFile.read(path) == [7, 7])
    let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
    #expect(names == ["model.safetensors", "model.safetensors.tmp-\(getpid())", "victim.txt"])
  }

  @Test func temporaryNamesAreRandomAndBesideTheTarget() throws {
    let (fd1, first) = try AtomicFile.createTemporary(for: "/tmp/model.bin")
    close(fd1)
    unlink(first)
    let (fd2, second) = try AtomicFile.createTemporary(for: "/tmp/model.bin")
    close(fd2)
    unlink(second)
    #expect(first != second)
    #expect(first.hasPrefix("/tmp/.model.bin.stride-tmp-\(getpid())-"))
  }
}
