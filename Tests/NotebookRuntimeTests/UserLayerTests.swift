import Cancellation
import Display
import Foundation
import Lang
import Testing

@testable import NotebookRuntime

/// A layer written as a user type, run by the engine through the interpreter (`UserLayer`);
/// the rest of its behaviour is in Fixtures/user-layers.swift.
struct UserLayerTests {
  /// An interrupt while the engine runs user code (a forward that never ends) ends the cell with
  /// an interrupt, and the session and the model stay usable.
  @Test func anInterruptStopsAFitInsideUserCode() throws {
    let session = NotebookRuntime.makeSession()
    let token = CancellationToken()
    let setup = session.execute(
      """
      var spin = false
      struct Spinner: Layer {
          var conv = Conv2D(2, kernel: 1)
          func callAsFunction(_ x: Tensor) -> Tensor {
              var n = 0
              while spin { n += 1 }
              return conv(x)
          }
      }
      let m = Sequential(input: [1, 8, 8]) { Spinner() }
      let shapes = SyntheticShapes(count: 8, size: 8, seed: 1)
      """, sink: RecordingSink(), cancellation: token)
    #expect(setup.error == nil, "\(setup.error?.plainText ?? "")")
    DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { token.cancel() }
    let result = session.execute(
      """
      spin = true
      m.fit(shapes, epochs: 1, batchSize: 8, loss: .crossEntropy, seed: 1)
      """, sink: RecordingSink(), cancellation: token)
    let error = try #require(result.error)
    #expect(error.name.lowercased().contains("interrupt"), "\(error.plainText)")
    token.reset()
    let after = session.execute(
      "spin = false\nm(Tensor.zeros([1, 1, 8, 8])).shape", sink: RecordingSink(),
      cancellation: token)
    #expect(after.value?.plainText == "[1, 2, 8, 8]", "\(after.error?.plainText ?? "")")
  }
}
