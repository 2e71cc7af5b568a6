import Cancellation
import Display
import Lang
import NotebookRuntime
import Testing

/// Completion and inspection of the runtime's names: members of engine values, argument labels,
/// implicit members, and docs with signature and example for every built-in.
struct CompletionAndInspectionTests {
  func session(_ setup: String = "") -> Session {
    let session = NotebookRuntime.makeSession()
    if !setup.isEmpty {
      let result = session.execute(setup, sink: RecordingSink(), cancellation: CancellationToken())
      if let error = result.error { Issue.record(Comment(rawValue: error.plainText)) }
    }
    return session
  }

  @Test func modelMembersAreOffered() {
    let session = session("let lenet = LeNet5()")
    let source = "lenet."
    let matches = session.complete(source, cursor: source.unicodeScalars.count).matches
    for member in ["summary", "fit", "layers", "parameterCount", "diagram", "evaluate", "featureMaps"] {
      #expect(matches.contains(member), "\(member) in \(matches)")
    }
  }

  @Test func tensorMembersAreOffered() {
    let session = session("let t = Tensor([1, 2])")
    let source = "t.gr"
    #expect(session.complete(source, cursor: source.unicodeScalars.count).matches == ["grad"])
  }

  @Test func implicitMembersOfActivationAreOffered() {
    let source = "Conv2D(6, kernel: 5, activation: .ta"
    let matches = session().complete(source, cursor: source.unicodeScalars.count).matches
    #expect(matches.contains("tanh"))
  }

  @Test func everyBuiltinHasDocsWithSignatureAndExample() throws {
    let session = session()
    for name in ["Tensor", "Conv2D", "Dense", "MaxPool2D", "AvgPool2D", "Flatten", "BatchNorm2D", "Residual", "Sequential",
                 "LeNet5", "AlexNet", "VGG16", "ResNet34", "ResNet", "PlainNet", "UNet", "FashionMNIST", "SyntheticShapes",
                 "SGD", "Adam", "crossEntropy", "matmul", "convOutputSize", "avgPool2D", "maxPool2D", "conv2d", "imageGrid",
                 "gradientNorms", "compare", "compareHistories"] {
      let bundle = try #require(session.inspect(name, cursor: 1), "\(name)")
      let text = bundle.plainText
      #expect(text.contains(name + "("), "\(name): \(text)")
      #expect(text.count > 60, "\(name): \(text)")
    }
  }

  @Test func conv2DInspectionGivesTheFormula() throws {
    let bundle = try #require(session().inspect("Conv2D", cursor: 3))
    #expect(bundle.plainText.contains("(W − F + 2P)/S + 1"))
  }
}
