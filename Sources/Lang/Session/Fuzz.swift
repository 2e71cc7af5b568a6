import Cancellation
import Display

/// Parses and evaluates arbitrary bytes with a step budget, then completes, inspects and checks
/// completeness at a few cursors: the entry point of the fuzz target and the robustness test.
/// Must return for every input (any crash or hang is a bug).
public func fuzzOne(_ bytes: [UInt8], stepLimit: Int = 20_000) {
  BigStack.run {
    let source = String(decoding: bytes, as: UTF8.self)
    let session = Session()
    session.usesLargeStack = false
    session.stepLimit = stepLimit
    let sink = RecordingSink(inputLines: ["line"])
    _ = session.execute(source, cellName: "fuzz", sink: sink, cancellation: CancellationToken())
    _ = session.execute(source, cellName: "fuzz2", sink: sink, cancellation: CancellationToken())
    let count = source.unicodeScalars.count
    for cursor in Set([0, count / 2, count]) {
      _ = session.complete(source, cursor: cursor)
      _ = session.inspect(source, cursor: cursor, detailLevel: 1)
    }
    _ = session.isComplete(source)
  }
}
