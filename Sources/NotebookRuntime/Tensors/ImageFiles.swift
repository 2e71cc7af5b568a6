import Foundation
import Graphics
import Lang
import MemoryBudget
import Tensor

/// Image files as tensors: `Tensor(imageFile:size:channels:)` reads a PNG or JPEG into a
/// `[C, H, W]` Float tensor in 0...1, and `t.savePNG(path)` writes one back.
enum ImageFiles {
  /// The largest image file read (bytes); larger files are refused before they are read.
  static let largestFileSize = 256 << 20

  /// The image at `path` as `[C, H, W]` in 0...1, resized (bilinear) to `size` = (H, W) when
  /// given, with `channels` 1 (luma 0.299 R + 0.587 G + 0.114 B), 3 or 4 (alpha 1 added) when given.
  static func load(_ path: String, size: (Int, Int)?, channels: Int?) throws -> Tensor {
    let bytes = try read(path)
    do {
      let header = try ImageFile.size(bytes)
      try MemoryBudget.reserve(count: header.width * header.height, stride: header.channels * 9)
      let bitmap = try ImageFile.decode(bytes)
      var planes = planar(bitmap)
      if let channels { planes = try convert(planes, to: channels) }
      let (h, w) = size ?? (bitmap.height, bitmap.width)
      if (h, w) != (bitmap.height, bitmap.width) {
        try MemoryBudget.reserve(count: planes.count * h * w, stride: 4)
        planes = planes.map { resize($0, from: (bitmap.height, bitmap.width), to: (h, w)) }
      }
      return try Tensor(shape: [planes.count, h, w], scalars: planes.flatMap { $0 })
    } catch let error as PNGDecodingError {
      throw HostError(
        "ImageError", "cannot read the image \(path): \(error)",
        hint: "Tensor(imageFile:) reads PNG (8/16-bit gray, RGB, RGBA, palette) and JPEG files")
    }
  }

  /// The file's bytes; FileNotFoundError or IOError naming the path.
  static func read(_ path: String) throws -> [UInt8] {
    let url = URL(fileURLWithPath: path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      !isDirectory.boolValue
    else {
      let hint =
        path.hasPrefix("/")
        ? "check the path; the image must be a PNG or JPEG file"
        : "relative paths start in the kernel's directory, \(FileManager.default.currentDirectoryPath)"
      throw HostError("FileNotFoundError", "no image file at \(path)", hint: hint)
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    guard size <= largestFileSize else {
      throw HostError(
        "ImageError",
        "the image \(path) is \(ByteFormat.text(size)), more than the \(ByteFormat.text(largestFileSize)) Stride reads"
      )
    }
    do {
      return [UInt8](try Data(contentsOf: url))
    } catch {
      throw HostError("IOError", "could not read \(path): \(error.localizedDescription)")
    }
  }

  /// One Float plane per channel, each H·W values in 0...1.
  static func planar(_ bitmap: Bitmap) -> [[Float]] {
    let channels = bitmap.format.channels
    let count = bitmap.width * bitmap.height
    return (0..<channels).map { c in
      var plane = [Float](repeating: 0, count: count)
      bitmap.pixels.withUnsafeBufferPointer { pixels in
        for i in 0..<count { plane[i] = Float(pixels[i * channels + c]) / 255 }
      }
      return plane
    }
  }

  /// Planes converted to 1, 3 or 4 channels.
  static func convert(_ planes: [[Float]], to channels: Int) throws -> [[Float]] {
    guard [1, 3, 4].contains(channels) else {
      throw HostError(
        "ValueError", "channels must be 1 (gray), 3 (RGB) or 4 (RGBA), got \(channels)")
    }
    let color = planes.count >= 3 ? Array(planes[0..<3]) : [planes[0], planes[0], planes[0]]
    switch channels {
    case 1:
      guard planes.count >= 3 else { return [planes[0]] }
      return [
        zip(zip(color[0], color[1]), color[2]).map { 0.299 * $0.0 + 0.587 * $0.1 + 0.114 * $1 }
      ]
    case 3: return color
    default:
      return color + [planes.count == 4 ? planes[3] : [Float](repeating: 1, count: planes[0].count)]
    }
  }

  /// Bilinear resampling of one [h, w] plane with half-pixel centres (PyTorch's
  /// `interpolate(mode: "bilinear", align_corners: False)`): source x = (x + ½)·w/W − ½, clamped.
  static func resize(_ plane: [Float], from: (Int, Int), to: (Int, Int)) -> [Float] {
    let (h, w) = from, (outH, outW) = to
    func taps(_ i: Int, _ inSize: Int, _ outSize: Int) -> (Int, Int, Float) {
      let x = max(0, (Float(i) + 0.5) * Float(inSize) / Float(outSize) - 0.5)
      let low = min(Int(x), inSize - 1)
      return (low, min(low + 1, inSize - 1), x - Float(low))
    }
    let columns = (0..<outW).map { taps($0, w, outW) }
    var out = [Float](repeating: 0, count: outH * outW)
    for y in 0..<outH {
      let (y0, y1, fy) = taps(y, h, outH)
      for (x, (x0, x1, fx)) in columns.enumerated() {
        let top = plane[y0 * w + x0] * (1 - fx) + plane[y0 * w + x1] * fx
        let bottom = plane[y1 * w + x0] * (1 - fx) + plane[y1 * w + x1] * fx
        out[y * outW + x] = top * (1 - fy) + bottom * fy
      }
    }
    return out
  }

  /// Writes `[H, W]`, `[1, H, W]`, `[3, H, W]` or `[4, H, W]` (values clamped to 0...1) as PNG.
  static func savePNG(_ tensor: Tensor, to path: String) throws {
    let shape = tensor.shape
    let planes = shape.count == 2 ? 1 : shape.first ?? 0
    guard shape.count == 2 || (shape.count == 3 && [1, 3, 4].contains(shape[0])) else {
      throw HostError(
        "ShapeError",
        "savePNG needs an image [H, W] or [C, H, W] with C 1, 3 or 4, got shape \(shape)")
    }
    let (h, w) = (shape[shape.count - 2], shape[shape.count - 1])
    guard h >= 1, w >= 1 else {
      throw HostError(
        "ShapeError", "savePNG needs an image of at least 1×1 pixels, got shape \(shape)")
    }
    let format: PixelFormat = planes == 1 ? .gray : planes == 3 ? .rgb : .rgba
    let scalars = tensor.scalars
    var pixels = [UInt8](repeating: 0, count: h * w * planes)
    for c in 0..<planes {
      for i in 0..<(h * w) {
        let value = scalars[c * h * w + i]
        pixels[i * planes + c] = value.isNaN ? 0 : UInt8((min(max(value, 0), 1) * 255).rounded())
      }
    }
    let bitmap = try Bitmap(width: w, height: h, format: format, pixels: pixels)
    try FileBytes.write(PNGEncoder.encode(bitmap), to: path)
  }
}
