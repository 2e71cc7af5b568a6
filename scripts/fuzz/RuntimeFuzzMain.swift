// libFuzzer entry point over the runtime's built-ins with extreme arguments: see scripts/fuzz-runtime.sh.
// Each input picks a template (a call of one built-in) and fills its `#` with integers and its `S`
// with shapes drawn from extreme values (0, ±1, 2^31 ± 1, 2^62, Int.max, Int.min, …), every rank
// from 0 to 5 (and 33). The process runs under an address-space limit (VmSize + 512 MiB), so anything that allocates
// past it must be a MemoryError; any crash or hang is a bug.
import Cancellation
import Display
import Glibc
import Lang
import NotebookRuntime

let values: [Int] = [
  0, 1, 2, 3, 5, 7, -1, -2, -7, 16, 1024, 1025, 1 << 20, (1 << 20) + 1, 65_535,
  Int(Int32.max), 1 << 31, (1 << 31) + 1, 1 << 32, 1 << 40, 1 << 62, (1 << 62) + 1,
  Int.max, Int.max - 1, Int.min, Int.min + 1, 46_341, 3_037_000_500,
]

let templates: [String] = [
  "Tensor.zeros(S)", "Tensor.ones(S)", "Tensor.random(S)", "Tensor.uniform(S)",
  "Tensor.random(S) + Tensor.random(S)", "Tensor.random(S) * Tensor.ones(S)",
  "matmul(Tensor.random(S), Tensor.random(S))", "Tensor.random(S).reshaped(S)",
  "Tensor.random(S)[#]", "Tensor.random(S).sum()", "Tensor.random(S).shape",
  "convOutputSize(input: #, filter: #, padding: #, stride: #)",
  "Conv2D(#, kernel: #, stride: #, padding: #, dilation: #, inChannels: #).parameterCount",
  "Conv2D(#, kernel: #, inChannels: #)",
  "Dense(#, inputs: #).parameterCount", "BatchNorm2D(channels: #)",
  "Sequential(input: S) { Conv2D(#, kernel: #, stride: #, padding: #) }",
  "Sequential(input: S) { Conv2D(#, kernel: #, dilation: #); Flatten(); Dense(#) }",
  "Sequential(input: S) { Dense(#) }.summary()",
  "Sequential(input: S) { MaxPool2D(#, stride: #, padding: #) }",
  "Sequential(input: S) { AvgPool2D(#, stride: #) }",
  "Sequential(input: S) { AdaptiveAvgPool2D(#) }",
  "Sequential(input: S) { Upsample(scale: #) }",
  "Sequential(input: S) { ConvTranspose2D(#, kernel: #, stride: #, padding: #) }",
  "Sequential(input: S) { Conv2D(#, kernel: #) }(Tensor.random(S))",
  "Sequential(input: S) { ConvTranspose2D(#, kernel: #, stride: #) }(Tensor.random(S))",
  "maxPool2D(Tensor.random(S), size: #, stride: #)", "avgPool2D(Tensor.random(S), size: #)",
  "conv2d(Tensor.random(S), Tensor.random(S), padding: #, stride: #)",
  "crossEntropy(Tensor.random(S), Tensor.zeros(S))", "mseLoss(Tensor.random(S), Tensor.random(S))",
  "SyntheticShapes(count: #, size: #)", "Array(repeating: 0, count: #)",
  "ResNet(depth: #, inChannels: #, classes: #)", "PlainNet(depth: #, inChannels: #, classes: #)",
  "UNet(inChannels: #, classes: #, baseWidth: #, depth: #)", "LeNet5(classes: #)",
  "Dropout(0.5)(Tensor.random(S))", "softmax(Tensor.random(S))", "exp(Tensor.random(S))",
  "conv2d(Tensor.random(S), Tensor.random(S), padding: #, stride: #, dilation: #, groups: #)",
  "convTranspose2d(Tensor.random(S), Tensor.random(S), padding: #, stride: #, outputPadding: #)",
  "maxPool2D(Tensor.random(S), size: #, stride: #, padding: #)",
  "upsample(Tensor.random(S), scale: #, mode: .bilinear)",
  "Tensor.random(S).padded([[#, #], [#, #]], mode: .reflect)", "Tensor.random(S).padded([[#, #]])",
  "Tensor.random(S).repeated(#, axis: #)", "Tensor.random(S).tiled(S)",
  "Tensor.random(S).topK(#, axis: #)",
  "Tensor.random(S)[[#, #]]", "oneHot(Tensor.zeros(S), classes: #)", "Tensor.random(S).heatmap()",
  "batchNorm(Tensor.random(S), training: true)", "linear(Tensor.random(S), Tensor.random(S))",
]

/// Reads the input's bytes one at a time (zero past the end).
struct Cursor {
  let bytes: [UInt8]
  var index = 0
  mutating func next() -> Int {
    defer { index += 1 }
    return index < bytes.count ? Int(bytes[index]) : 0
  }
  mutating func value() -> Int { values[next() % values.count] }
  mutating func shape() -> String {
    let selector = next()
    let rank = selector == 255 ? 33 : selector % 6
    return "[" + (0..<rank).map { _ in String(value()) }.joined(separator: ", ") + "]"
  }
}

func cell(from bytes: [UInt8]) -> String {
  var cursor = Cursor(bytes: bytes)
  var text = ""
  for character in templates[cursor.next() % templates.count] {
    switch character {
    case "#": text += String(cursor.value())
    case "S": text += cursor.shape()
    default: text.append(character)
    }
  }
  return text
}

nonisolated(unsafe) var session: Session?

@_cdecl("LLVMFuzzerInitialize")
public func runtimeFuzzInitialize(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
  let created = makeSession()
  _ = created.execute("1", sink: RecordingSink(), cancellation: CancellationToken())
  // Everything above VmSize + 512 MiB must end in MemoryError, not in the allocator (and legitimate
  // tensors stay small enough to fill within the timeout on a busy machine).
  var size = 0
  if let file = fopen("/proc/self/status", "r") {
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, 256, file) != nil {
      let text = String(cString: line)
      if text.hasPrefix("VmSize:") {
        size = (Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
      }
    }
    fclose(file)
  }
  var limit = rlimit()
  getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit)
  limit.rlim_cur = rlim_t(size + (512 << 20))
  setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit)
  created.stepLimit = 100_000
  session = created
  return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func runtimeFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let source = cell(from: Array(UnsafeBufferPointer(start: data, count: size)))
  if getenv("STRIDE_FUZZ_PRINT") != nil {
    let line = source + "\n"
    _ = write(2, line, line.utf8.count)
  }
  _ = session?.execute(source, sink: RecordingSink(), cancellation: CancellationToken())
  return 0
}
