import Cancellation
import Display
import Lang
import NotebookRuntime
import TestSupport
import Testing

/// The tensor built-ins under extreme and wrong arguments: every call gives a clear error (never a
/// crash), and the session keeps its bindings. Also completion of the new members.
@Suite struct TensorSurfaceTests {
  static let extremeCalls = [
    "Tensor.zeros([Int.max, 2])", "Tensor.full([1 << 40, 1 << 40], 1)", "Tensor.arange(0, 1e30)",
    "Tensor.linspace(0, 1, count: Int.max)", "Tensor.eye(Int.max)", "Tensor.random([Int.max])",
    "Tensor.integers([-1], high: 3)", "Tensor.integers([2], low: Int.min, high: Int.max)",
    "Tensor.bernoulli([3], p: 2)",
    "Tensor.normal([Int.max, Int.max])",
    "Tensor([1], shape: [Int.max])", "Tensor([1, 2], shape: [Int.max, 2, -1])",
    "Tensor.ones(like: 3)",
    "x.chunked(Int.max)", "x.split(sizes: [Int.max, Int.min])", "x.sum(axis: Int.min)",
    "x.mean(axis: [0, 0])",
    "x.expanded(at: Int.max)", "x.broadcast(to: [Int.max, 3])", "x.reshaped([Int.max, -1])",
    "x.reshaped([Int.max, 2, -1])", "x.cumulativeSum(axis: Int.max)", "x[Int.max]", "x[Int.min]",
    "x[0, 0, 0]", "x.flattened(from: Int.min)", "stack([x], axis: Int.max)",
    "concatenate([x, x], axis: Int.min)",
    "concatenate([], axis: 0)", "x.permuted([Int.max, 0])", "x.squeezed(axis: [Int.min])",
    "x.argmax(axis: Int.max)",
    "x.softmax(axis: Int.max)", "x[x .> 0] = Tensor([1, 2, 3])",
    "x[Tensor([5])]", "x[Tensor([0.5])]", "x.clamped(min: 2, max: 1)", "Double(x)",
    "x.variance(axis: 5)",
    "Tensor.where(1, x, x)", "x.pow(\"2\")", "(x .> 0) * 2", "matmul(x .> 0, x)", "x.mean(axes: 0)",
    "x.repeated(Int.max)", "x.repeated(1 << 20, axis: Int.min)",
    "x.tiled([1 << 20, 1 << 20, 1 << 20])", "x.tiled([Int.max])",
    "x.padded([[Int.max, 0]])", "x.padded([[1 << 20, 1 << 20], [1 << 20, 1 << 20]])",
    "x.padded([[1, 2, 3]])",
    "x.padded([[1, 1]], mode: .wrap)", "x.topK(Int.max)", "x.topK(1, axis: Int.min)",
    "x[[Int.max]]", "x[[0, 0], [Int.min]]",
    "logicalNot(x)", "(x .> 0).elementsLogicalAnd(Tensor([true]))", "Tensor(imageFile: \"/\")",
    "Tensor(imageFile: \"/dev/null\", size: [Int.max, 1])",
    "Tensor(imageFile: \"x\", channels: Int.min)", "x.savePNG(\"/\")",
    "conv2d(x, x, dilation: Int.max)",
    "conv2d(x.reshaped([1, 2, 2]), Tensor.ones([1, 1, 1, 1]), dilation: Int.max)",
    "conv2d(x.reshaped([1, 2, 2]), Tensor.ones([1, 1, 1, 1]), groups: 0)",
    "upsample(x, scale: Int.max)",
    "oneHot(Tensor([1]), classes: Int.max)", "dropout(x, p: 2)",
    "convTranspose2d(x.reshaped([1, 2, 2]), Tensor.ones([1, 1, 1, 1]), outputPadding: Int.max)",
    "maxPool2D(x, size: 2, padding: Int.max)", "avgPool2D(x, size: Int.max)",
    "gradient(at: x) { x in x }", "withoutGradients(3)",
    "gradient(at: []) { 1 }", "batchNorm(x, training: true, momentum: 1e300)",
    "linear(x, Tensor.ones([3, 5]))", "flatten(x, from: Int.max)",
    "crossEntropy(x, Tensor([Int.max, 0]))", "accuracy(x, Tensor([]))",
    "binaryCrossEntropy(logits: x, targets: Tensor([1]))",
  ]

  @Test func extremeArgumentsGiveErrorsAndKeepTheSession() throws {
    let session = NotebookRuntime.makeSession()
    _ = session.execute(
      "var x = Tensor([[1, -2], [3, 4]])", sink: RecordingSink(), cancellation: CancellationToken())
    for call in Self.extremeCalls {
      let result = session.execute(call, sink: RecordingSink(), cancellation: CancellationToken())
      #expect(result.error != nil, "\(call) should fail with a clear error")
    }
    for call in [
      "Tensor.uniform([3], seed: Int.min)", "x.leakyRelu(slope: 1e300)", "Tensor.zeros([0, 3])",
      "x.chunked(2, axis: -1)",
      "upsample(x, scale: 1024).shape", "oneHot(Tensor([1]), classes: 1 << 20).shape",
    ] {
      let result = session.execute(call, sink: RecordingSink(), cancellation: CancellationToken())
      #expect(result.error == nil, "\(call): \(result.error?.plainText ?? "")")
    }
    let after = session.execute(
      "x.sum().item", sink: RecordingSink(), cancellation: CancellationToken())
    #expect(after.value?.plainText == "6.0")
  }

  @Test func aWrongLabelSuggestsTheRightOne() throws {
    let session = NotebookRuntime.makeSession()
    let result = session.execute(
      "Tensor([1, 2]).mean(axes: 0)", sink: RecordingSink(), cancellation: CancellationToken())
    let text = try #require(result.error?.plainText)
    #expect(text.contains("TypeError: Tensor.mean has no argument label 'axes:'"))
    #expect(text.contains("did you mean 'axis:'?"))
  }

  @Test func completionOffersTheNewMembersWithSignatures() throws {
    let session = NotebookRuntime.makeSession()
    _ = session.execute(
      "let t = Tensor([1, 2])", sink: RecordingSink(), cancellation: CancellationToken())
    let names = session.complete("t.", cursor: 2).matches
    for name in [
      "sum", "argmin", "cumulativeSum", "standardDeviation", "permuted", "broadcast", "chunked",
      "softmax",
      "clamped", "describe", "array", "expanded",
    ] {
      #expect(names.contains(name), "t. should offer \(name)")
    }
    #expect(names.count >= 50)
    let statics = session.complete("Tensor.", cursor: 7).matches
    for name in [
      "zeros", "full", "arange", "linspace", "eye", "normal", "bernoulli", "integers", "where",
    ] {
      #expect(statics.contains(name), "Tensor. should offer \(name)")
    }
    let help = try #require(session.inspect("t.sum", cursor: 5))
    #expect(help.plainText.contains("axis"))
  }
}
