import Cancellation
import Display
import Graphics
import Lang
import Testing

@testable import NotebookRuntime
@testable import Plot

/// `model.predict(image)`, `model.featureMaps(image, layer:)` and `model.gradCAM(image)` on a
/// small model built in a cell: values, what the figures say, and that they read (SceneAudit).
struct ImageInspectionTests {
  /// The figures are shown at 1.5× in the PNG: 10 units are 15 pixels.
  static let audit = SceneAudit(maxWidth: 1000, minFontSize: 10)

  static let setup = """
    %seed 4
    let m = Sequential(input: [1, 8, 8]) {
      Conv2D(4, kernel: 3, padding: 1, activation: .relu)
      MaxPool2D(2)
      Conv2D(6, kernel: 3, padding: 1, activation: .relu)
      Flatten()
      Dense(3)
    }
    let x = Tensor((0..<64).map { Double(($0 * 5) % 9) / 8 }, shape: [1, 8, 8])
    """

  func run(_ cells: [String]) throws -> (Session, MimeBundle) {
    let session = NotebookRuntime.makeSession()
    var last: CellResult?
    for cell in [Self.setup] + cells {
      last = session.execute(cell, sink: RecordingSink(), cancellation: CancellationToken())
      if let error = last?.error { Issue.record(Comment(rawValue: error.plainText)) }
    }
    return (session, try #require(last?.value))
  }

  func value(_ session: Session, _ code: String) -> String {
    let result = session.execute(code, sink: RecordingSink(), cancellation: CancellationToken())
    return result.value?.plainText ?? "error: \(result.error?.plainText ?? "")"
  }

  @Test func predictGivesLabelledProbabilitiesAsBarsAndStillComparesToItsClass() throws {
    let (session, bundle) = try run([
      "let p = m.predict(x, classes: [\"cat\", \"dog\", \"bird\"])", "p",
    ])
    #expect(bundle.plainText.hasPrefix("Prediction: "))
    #expect(isPNG(bundle.data["image/png"]))
    #expect(value(session, "abs(p.probabilities.reduce(0, +) - 1) < 1e-6") == "true")
    #expect(value(session, "p == p.classIndex && p == p.label && p.top.count == 3") == "true")
    #expect(value(session, "p.confidence == p.probabilities.max()!") == "true")
    #expect(value(session, "m.predict(x) == m.predict(stack([x, x], axis: 0)).first!") == "true")
    // An RGB image of another size is converted and resized to [1, 8, 8].
    #expect(
      value(
        session,
        "m.predict(Tensor.uniform([3, 20, 24], low: 0, high: 1, seed: 1)).probabilities.count")
        == "3")
    let scene = try #require(session.lastValue(PredictionValue.self)).figure().scene()
    #expect(Self.audit.problems(in: scene).isEmpty, "\(Self.audit.problems(in: scene))")
  }

  @Test func featureMapsOfOneLayerShareOneStatedScale() throws {
    let (session, bundle) = try run(["m.featureMaps(x, layer: 2)"])
    #expect(bundle.plainText.contains("Layer 2 Conv2D: 6 maps 4×4, one colour scale"))
    #expect(isPNG(bundle.data["image/png"]))
    let svg = try #require(bundle.data["image/svg+xml"])
    #expect(svg.contains(">0<") && svg.contains(">5<"))
    #expect(value(session, "m.featureMaps(x, layer: 4)").contains("not feature maps"))
    #expect(value(session, "m.featureMaps(x, layer: 9)").contains("outside"))
  }

  @Test func gradCAMExplainsThePredictionOnTheLastConvolution() throws {
    let (session, bundle) = try run(["let g = m.gradCAM(x)", "g"])
    #expect(bundle.plainText.contains("on layer 2 Conv2D"))
    #expect(isPNG(bundle.data["image/png"]))
    #expect(value(session, "g.classIndex == m.predict(x).classIndex") == "true")
    #expect(value(session, "g.heat.shape") == "[8, 8]")
    #expect(value(session, "g.map.shape") == "[4, 4]")
    #expect(value(session, "g.heat.max() <= 1 && g.heat.min() >= 0") == "true")
    #expect(value(session, "m.gradCAM(x, class: 1, layer: 0).classIndex") == "1")
    let figure = try #require(session.lastValue(GradCAMValue.self)).figure()
    let problems = Self.audit.problems(in: figure.scene())
    #expect(problems.isEmpty, "\(problems)")
  }
}

extension Session {
  /// The host object bound to `g` or `p` (the tests' names), for drawing its figure directly.
  func lastValue<T: AnyObject>(_ type: T.Type) -> T? {
    for name in ["p", "g"] {
      let result = execute(name, sink: RecordingSink(), cancellation: CancellationToken())
      if case .host(let object)? = result.rawValue, let value = object as? T { return value }
    }
    return nil
  }
}
