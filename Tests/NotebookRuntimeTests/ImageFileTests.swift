import Cancellation
import Display
import Foundation
import Graphics
import Lang
import NotebookRuntime
import TestSupport
import Testing

/// Image files read into tensors: JPEG through libjpeg-turbo, and broken files as clear errors that
/// keep the session (never a crash of the kernel).
@Suite struct ImageFileTests {
  static let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
    "stride-image-tests-\(getpid())")

  func write(_ bytes: [UInt8], _ name: String) throws -> String {
    try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
    let url = Self.directory.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  func run(_ session: Session, _ source: String) -> (value: String?, error: String?) {
    let result = session.execute(source, sink: RecordingSink(), cancellation: CancellationToken())
    return (result.value?.plainText, result.error?.plainText)
  }

  @Test func jpegFilesBecomeCHWTensorsInZeroToOne() throws {
    let pixels = (0..<(8 * 4)).flatMap { i -> [UInt8] in [200, 100, UInt8(i % 8 * 32)] }
    let jpeg = try JPEGCodec.encode(
      try Bitmap(width: 8, height: 4, format: .rgb, pixels: pixels), quality: 100)
    let path = try write(jpeg, "photo.jpg")
    let session = NotebookRuntime.makeSession()
    _ = run(session, "let photo = Tensor(imageFile: \"\(path)\")")
    #expect(run(session, "photo.shape").value == "[3, 4, 8]")
    #expect(run(session, "(photo[0].mean() * 255).rounded().item").value == "200.0")
    #expect(run(session, "(photo[1].mean() * 255).rounded().item").value == "100.0")
    #expect(run(session, "Tensor(imageFile: \"\(path)\", size: 2).shape").value == "[3, 2, 2]")
  }

  @Test func brokenFilesAreErrorsNamingTheFileAndTheProblem() throws {
    let png = PNGEncoder.encode(
      try Bitmap(width: 4, height: 4, format: .gray, pixels: Array(repeating: 7, count: 16)))
    let jpeg = try JPEGCodec.encode(
      try Bitmap(width: 16, height: 16, format: .gray, pixels: Array(repeating: 7, count: 256)))
    let cases: [(String, [UInt8], String)] = [
      (
        "cut.png", Array(png.prefix(40)),
        "the PNG data is truncated (a chunk runs past the end of the file)"
      ),
      (
        "text.png", Array("not an image".utf8),
        "not a PNG or JPEG file (the first bytes are neither signature)"
      ),
      ("empty.jpg", [], "not a PNG or JPEG file (the first bytes are neither signature)"),
      ("cut.jpg", Array(jpeg.prefix(jpeg.count - 30)), "the JPEG data is corrupt or unsupported: "),
      ("header.jpg", Array(jpeg.prefix(3)), "the JPEG data is corrupt or unsupported: "),
    ]
    let session = NotebookRuntime.makeSession()
    _ = run(session, "let keep = 42")
    for (name, bytes, problem) in cases {
      let path = try write(bytes, name)
      let error = run(session, "Tensor(imageFile: \"\(path)\")").error ?? ""
      #expect(
        error.hasPrefix("ImageError: cannot read the image \(path): \(problem)"),
        "\(name): \(error)")
    }
    #expect(run(session, "keep").value == "42")
  }
}
