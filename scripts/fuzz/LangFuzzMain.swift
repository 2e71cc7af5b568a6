// libFuzzer entry point over Lang's parse-and-evaluate (with a step budget): see scripts/fuzz-lang.sh.
import Lang

@_cdecl("LLVMFuzzerTestOneInput")
public func langFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  fuzzOne(Array(UnsafeBufferPointer(start: data, count: size)))
  return 0
}
