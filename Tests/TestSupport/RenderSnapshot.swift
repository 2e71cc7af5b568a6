import Foundation

/// Text snapshots for renderer tests, stored in `Snapshots/` beside the test file.
///
/// With `RECORD_SNAPSHOTS=1` in the environment, or when the file does not exist yet, the
/// actual text is written and the comparison passes, except in CI (`CI=true`), where a missing
/// snapshot is a failure (it was never committed). Otherwise it returns a message naming the
/// first differing line, or `nil` when the text matches exactly.
public func renderSnapshotMismatch(
  _ actual: String, named name: String, testFilePath: String = #filePath
) -> String? {
  let folder = URL(fileURLWithPath: testFilePath).deletingLastPathComponent()
    .appendingPathComponent("Snapshots")
  let file = folder.appendingPathComponent(name)
  let environment = ProcessInfo.processInfo.environment
  let record = environment["RECORD_SNAPSHOTS"] == "1"
  let expected = try? String(contentsOf: file, encoding: .utf8)
  if expected == nil, !record, environment["CI"] == "true" {
    return "snapshot \(name) is missing: record it (run the test outside CI) and commit it"
  }
  guard !record, let expected else {
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try actual.write(to: file, atomically: true, encoding: .utf8)
      return nil
    } catch {
      return "could not record snapshot \(file.path): \(error)"
    }
  }
  guard expected != actual else { return nil }
  let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
  for index in 0..<max(expectedLines.count, actualLines.count) {
    let e = index < expectedLines.count ? String(expectedLines[index]) : "<end>"
    let a = index < actualLines.count ? String(actualLines[index]) : "<end>"
    if e != a {
      return "snapshot \(name) differs at line \(index + 1):\n  expected: \(e.prefix(200))\n"
        + "  actual:   \(a.prefix(200))\n(re-record with RECORD_SNAPSHOTS=1)"
    }
  }
  return "snapshot \(name) differs"
}

/// The folder where tests leave files for the Python integration tests.
///
/// `$STRIDE_ARTIFACTS/<area>` if that variable is set, else `/tmp/stride-artifacts/<area>`;
/// created if missing.
public func renderArtifactsFolder(_ area: String) throws -> URL {
  let root = ProcessInfo.processInfo.environment["STRIDE_ARTIFACTS"] ?? "/tmp/stride-artifacts"
  let folder = URL(fileURLWithPath: root).appendingPathComponent(area)
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  return folder
}
