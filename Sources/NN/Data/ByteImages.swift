#if canImport(Glibc)
  import Glibc
#else
  import Foundation
#endif

/// Grey images kept as their bytes [N, H, W], made Float32 one image at a time as batches are drawn.
///
/// Byte b becomes `table[b]` (the normalization's 256 values) and the `padding` border becomes
/// `table[0]`: exactly the Float32 values that expanding the whole set up front gave, for a
/// quarter of the memory or less (a 28×28 Fashion-MNIST image is 784 bytes; padded to 32×32 as
/// Float32 it was 4,096). The bytes may be a read-only mapping of a cache file (`PixelBytes`).
final class ByteImages: Sendable {
  let pixels: PixelBytes
  let count: Int
  let height: Int
  let width: Int
  let padding: Int
  let table: [Float]

  init(pixels: PixelBytes, count: Int, height: Int, width: Int, padding: Int, table: [Float]) {
    precondition(pixels.count == count * height * width && table.count == 256)
    self.pixels = pixels
    self.count = count
    self.height = height
    self.width = width
    self.padding = padding
    self.table = table
  }

  /// The Float32 values of one image, [1, H + 2p, W + 2p].
  var imageSize: Int { (height + 2 * padding) * (width + 2 * padding) }

  /// Writes image `index` as `imageSize` Float32 values at `dst` (row-major, padded).
  func copy(_ index: Int, to dst: UnsafeMutablePointer<Float>) {
    let (p, paddedWidth) = (padding, width + 2 * padding)
    dst.update(repeating: table[0], count: imageSize)
    let src = pixels.base + index * height * width
    table.withUnsafeBufferPointer { lut in
      for y in 0..<height {
        let row = dst + (y + p) * paddedWidth + p
        let from = src + y * width
        for x in 0..<width { row[x] = lut[Int(from[x])] }
      }
    }
  }
}

/// Read-only bytes that outlive any array: a private copy, or a file mapped with `mmap`.
///
/// A mapped file's pages live in the operating system's page cache and are shared by every
/// process that maps the same file, so a hundred kernels reading one data set hold one copy.
/// The memory goes back when the last reference goes (`free` or `munmap`).
final class PixelBytes: @unchecked Sendable {  // immutable after init; freed once, in deinit
  let base: UnsafePointer<UInt8>
  let count: Int
  private let mapping: (address: UnsafeMutableRawPointer, length: Int)?

  /// A private copy of `bytes`.
  init(copying bytes: [UInt8]) {
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
    bytes.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress!, count: bytes.count) }
    base = UnsafePointer(buffer)
    count = bytes.count
    mapping = nil
  }

  /// Maps the whole file at `path` read-only; the bytes are those from `offset` on. Nil if the
  /// file cannot be opened or mapped or is shorter than `offset`.
  init?(mapping path: String, offset: Int) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, Int(info.st_size) >= offset, info.st_size > 0 else { return nil }
    let length = Int(info.st_size)
    guard let address = mmap(nil, length, PROT_READ, MAP_SHARED, fd, 0), address != MAP_FAILED
    else { return nil }
    base = UnsafePointer(address.assumingMemoryBound(to: UInt8.self)) + offset
    count = length - offset
    mapping = (address, length)
  }

  deinit {
    if let mapping {
      munmap(mapping.address, mapping.length)
    } else {
      UnsafeMutablePointer(mutating: base).deallocate()
    }
  }

  /// The byte at `index` (no bounds check beyond `count`).
  subscript(index: Int) -> UInt8 {
    precondition(index >= 0 && index < count)
    return base[index]
  }
}
