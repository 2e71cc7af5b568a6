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
    for member in [
      "summary", "fit", "layers", "parameterCount", "diagram", "evaluate", "featureMaps",
    ] {
      #expect(matches.contains(member), "\(member) in \(matches)")
    }
  }

  /// A lone layer written as a user type offers its own members and a model's.
  @Test func userLayerMembersAreOffered() {
    let session = session(
      """
      struct Block: Layer {
          var conv = Conv2D(2, kernel: 1)
          func callAsFunction(_ x: Tensor) -> Tensor { conv(x) }
      }
      let block = Block()
      """)
    let source = "block."
    let matches = session.complete(source, cursor: source.unicodeScalars.count).matches
    for member in ["conv", "callAsFunction", "summary", "fit", "parameterCount", "save", "load"] {
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
    #expect(session.builtinNames.count > 80)
    for name in session.builtinNames {
      guard case .native(let function) = session.value(of: name) else { continue }
      #expect(function.doc.count > 12, "\(name): \(function.doc)")
      #expect(!(function.example ?? "").isEmpty, "\(name) has no example")
      let bundle = try #require(session.inspect(name, cursor: 1), "\(name)")
      #expect(bundle.plainText.contains(name + "("), "\(name): \(bundle.plainText)")
    }
  }

  /// The names examples use, bound as a reader of the docs would have them (Python's doctest
  /// globals): a small Fashion-MNIST split, LeNet-5 and its history.
  static let doctestSetup = """
    let data = FashionMNIST(padding: 2).train.prefix(96).split(trainFraction: 0.75, seed: 1)
    let lenet = LeNet5()
    let model = lenet
    let batch = data.train.batch(8)
    let item = data.train[0]
    let edgesX = conv2d(item.image, Tensor([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]), padding: 1)
    let history = lenet.fit(data.train, epochs: 1, batchSize: 24)
    let modernHistory = history
    let accuracy = 0.9
    """

  /// Examples that cannot run here, and why.
  static let notRunnable: [String: String] = [
    "MNIST": "reads the user's own MNIST files at a path of their choosing",
    "readLine": "waits for a person to type",
    "fatalError": "its example is the error it raises (checked below)",
    "compare": "trains two 20-layer networks: minutes in a debug build (notebook 05 runs it)",
    "gradientNorms":
      "a 20-layer network on 128 images: minutes in a debug build (notebook 05 runs it)",
  ].merging(
    ["AlexNet", "VGG11", "VGG13", "VGG16", "VGG19", "ResNet18", "ResNet34", "ResNet50", "UNet"].map
    {
      (
        $0,
        "draws 11–144 M initial weights: minutes in a debug build (ZooTests and the notebooks build it)"
      )
    }
  ) { $1 }

  /// Whether an example uses a name `doctestSetup` binds (other than binding it itself).
  static func needsSetup(_ example: String) -> Bool {
    let names = [
      "data", "lenet", "model", "batch", "item", "edgesX", "history", "modernHistory",
      "accuracy",
    ]
    let words = example.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    let bound = example.hasPrefix("let ") ? words.dropFirst().first.map(String.init) : nil
    return words.contains { names.contains(String($0)) && String($0) != bound }
  }

  /// Every built-in's example runs as a doctest: in a fresh session, or, when it uses the names
  /// of `doctestSetup`, in the one session that ran the setup (loading Fashion-MNIST once);
  /// `// result` after the code is text the output must contain.
  @Test(.enabled(if: fashionMNISTInstalled)) func everyExampleRunsAsADoctest() throws {
    let shared = NotebookRuntime.makeSession()
    let setup = shared.execute(
      Self.doctestSetup, sink: RecordingSink(), cancellation: CancellationToken())
    try #require(setup.error == nil, "setup: \(setup.error?.plainText ?? "")")
    for name in shared.builtinNames where Self.notRunnable[name] == nil {
      guard case .native(let function) = shared.value(of: name), let example = function.example
      else { continue }
      let fresh = Self.needsSetup(example) ? shared : NotebookRuntime.makeSession()
      let parts = example.components(separatedBy: "   // ")
      let sink = RecordingSink(inputLines: ["Ada"])
      let result = fresh.execute(parts[0], sink: sink, cancellation: CancellationToken())
      #expect(result.error == nil, "\(name): \(example)\n\(result.error?.plainText ?? "")")
      if parts.count > 1 {
        let output = sink.stdout + (result.value?.plainText ?? "")
        #expect(output.contains(parts[1]), "\(name): \(example) gave \(output)")
      }
    }
    let fatal = NotebookRuntime.makeSession().execute(
      "fatalError(\"unreachable\")", sink: RecordingSink(), cancellation: CancellationToken())
    #expect(fatal.error?.name == "AssertionError")
  }

  /// `Tensor(` offers and documents both initialisers, not only the first.
  @Test func tensorCompletionAndInspectionListEveryInitialiser() throws {
    let session = session()
    let signatures = [
      "Tensor(_ values: [[Double]], shape: [Int]? = nil, requiresGrad: Bool = false) -> Tensor",
      "Tensor(imageFile: String, size: Int or [Int]? = nil, channels: Int? = nil) -> Tensor",
    ]
    let inCall = session.complete("Tensor(", cursor: 7)
    #expect(inCall.signatures == signatures)
    #expect(
      Array(inCall.matches.prefix(5)) == [
        "shape: ", "requiresGrad: ", "imageFile: ", "size: ", "channels: ",
      ])
    #expect(inCall.items.first { $0.text == "imageFile: " }?.signature == signatures[1])
    #expect(inCall.items.first { $0.text == "shape: " }?.signature == signatures[0])
    #expect(session.complete("Tensor(ima", cursor: 10).matches.first == "imageFile: ")
    let name = session.complete("Tenso", cursor: 5)
    #expect(
      name.items.first { $0.text == "Tensor" }?.signature == signatures.joined(separator: "\n"))
    let help = try #require(session.inspect("Tensor(", cursor: 7)).plainText
    #expect(help.hasPrefix(signatures.joined(separator: "\n") + "\n\nA Float32 tensor"))
    #expect(
      help.contains("\n\nTensor(imageFile:size:channels:): The PNG or JPEG file at imageFile"))
    #expect(
      help.contains(
        "Examples:\n    let x = Tensor([[7, 2, 6, 2], [4, 5, 4, 7]])\n    let cat = Tensor(imageFile: \"cat.png\", size: 64, channels: 3)"
      ))
  }

  @Test func conv2DInspectionGivesTheFormula() throws {
    let bundle = try #require(session().inspect("Conv2D", cursor: 3))
    #expect(bundle.plainText.contains("(W − F + 2P)/S + 1"))
  }
}
