import Cancellation
import Lang
import NN

/// Optimizers, free-function training, comparisons and gradient diagnostics.
enum TrainingBuiltins {
  static func register(_ r: Registrar) {
    registerOptimizers(r)
    r.add(
      "gradientNorms", [P.positional("model", "Model"), P.labelled("on", "Batch")],
      returns: "GradientNorms",
      doc:
        "The norm of the loss gradient of every parameter tensor for one batch (the weights are not changed). Vanishing gradients show as norms that shrink towards the input.",
      example: "gradientNorms(plain, on: data.train.batch(128)).plot()", isType: false
    ) { a in
      let model = try a.host("model", as: LayerValue.self, typeName: "a model")
      let batch = try a.host("on", as: BatchValue.self, typeName: "a Batch (data.train.batch(128))")
      return .host(GradientNormsValue(try gradientNorms(model.layer, on: batch.batch)))
    }
    r.add(
      "compare",
      [
        P.positional("models", "[Model]"), P.labelled("names", "[String]?", default: .null),
        P.labelled("on", "Data"),
        P.labelled("epochs", "Int", default: .int(1)),
        P.labelled("batchSize", "Int", default: .int(64)),
        P.labelled("optimizer", "Optimizer?", default: .null),
        P.labelled("seed", "Int?", default: .null),
      ],
      returns: "Comparison",
      doc:
        "Trains every model the same way (same data order, batch size and a fresh copy of the optimizer, SGD with momentum by default) and shows all training curves on one chart; validates on the test set when given a train/test pair.",
      example: "compare([plain, res], on: data, epochs: 2)", isType: false
    ) { a in
      try compare(a, r)
    }
    r.add(
      "compareHistories", [P.positional("histories", "[String: History]")], returns: "Figure",
      doc: "Training curves of several histories on one chart, named by the dictionary's keys.",
      example: "compareHistories([\"classic\": history, \"modern\": modernHistory])", isType: false
    ) { a in
      guard case .dictionary(let dictionary) = a["histories"] else {
        throw HostError("TypeError", "compareHistories expects a dictionary [name: history]")
      }
      let runs = try dictionary.entries.map { entry -> (name: String, history: History) in
        guard let history = entry.value.host(as: HistoryValue.self) else {
          throw HostError(
            "TypeError",
            "compareHistories: the value for \(entry.key.debugDescription) is a \(entry.value.typeName), not a History"
          )
        }
        return (entry.key.stringValue ?? entry.key.description, history.history)
      }
      return .host(ComparisonValue(runs: runs, title: "Training and validation loss"))
    }
  }

  private static func compare(_ a: Arguments, _ r: Registrar) throws -> Value {
    let models = try a.array("models").map { value -> any Layer in
      guard let model = value.host(as: LayerValue.self) else {
        throw HostError("TypeError", "compare expects models, got \(value.typeName)")
      }
      return model.layer
    }
    let names = try a.optionalStrings("names")
    let seed = try TrainingOptions.seed(a, r.runtime)
    let optimizer = try TrainingOptions.optimizer(a["optimizer"])
    let (epochs, batchSize) = (try a.int("epochs"), try a.int("batchSize"))
    let live = LiveProgress(sink: a.context.sink, title: "compare", mode: r.runtime.progress)
    let comparison: Comparison
    if let pair = a["on"].host(as: TrainTestValue.self) {
      comparison = try NN.compare(
        models, names: names, on: pair.train, validation: pair.test, epochs: epochs,
        batchSize: batchSize,
        optimizer: optimizer, seed: seed, observer: live)
    } else {
      comparison = try NN.compare(
        models, names: names, on: try TrainingOptions.dataset(a["on"], "compare"), epochs: epochs,
        batchSize: batchSize, optimizer: optimizer, seed: seed, observer: live)
    }
    if let last = comparison.runs.last { live.finish(last.history) }
    if let last = comparison.runs.last, case .cancelled = last.history.stopReason {
      throw Interrupted()
    }
    return .host(ComparisonValue(runs: comparison.histories, title: "Training loss"))
  }

  // size-budget: a declarative table of built-ins, one entry each; splitting it scatters the list.
  private static func registerOptimizers(_ r: Registrar) {
    let model = P.positional("model", "Model?", default: .null)
    func attach(_ optimizer: Optimizer, _ a: Arguments) throws -> Value {
      if !a.isNil("model") {
        let layer = try a.host("model", as: LayerValue.self, typeName: "a model")
        guard !layer.layer.parameters.isEmpty else {
          throw HostError(
            "ValueError", "the model has no parameters yet",
            hint: "build it with Sequential(input: ...) first")
        }
        optimizer.attach(layer.layer)
      }
      return .host(OptimizerValue(optimizer))
    }
    r.add(
      "SGD",
      [
        model, P.labelled("learningRate", "Double", default: .double(0.01)),
        P.labelled("momentum", "Double", default: .double(0)),
        P.labelled("weightDecay", "Double", default: .double(0)),
        P.labelled("nesterov", "Bool", default: .bool(false)),
      ],
      returns: "SGD",
      doc: "Stochastic gradient descent with momentum (PyTorch's form): v ← μ·v + g, w ← w − η·v.",
      example: "SGD(learningRate: 0.05, momentum: 0.9)"
    ) { a in
      try attach(
        SGD(
          learningRate: try a.double("learningRate"), momentum: try a.double("momentum"),
          nesterov: try a.bool("nesterov"),
          weightDecay: try a.double("weightDecay")), a)
    }
    r.add(
      "Adam",
      [
        model, P.labelled("learningRate", "Double", default: .double(1e-3)),
        P.labelled("beta1", "Double", default: .double(0.9)),
        P.labelled("beta2", "Double", default: .double(0.999)),
        P.labelled("weightDecay", "Double", default: .double(0)),
      ],
      returns: "Adam",
      doc:
        "Adam (Kingma & Ba 2015): per-parameter steps from running means of the gradient and its square, m̂/(√v̂ + ε).",
      example: "Adam(learningRate: 1e-3)"
    ) { a in
      try attach(
        Adam(
          learningRate: try a.double("learningRate"), beta1: try a.double("beta1"),
          beta2: try a.double("beta2"),
          weightDecay: try a.double("weightDecay")), a)
    }
    r.add(
      "AdamW",
      [
        model, P.labelled("learningRate", "Double", default: .double(1e-3)),
        P.labelled("weightDecay", "Double", default: .double(0.01)),
      ],
      returns: "AdamW", doc: "Adam with decoupled weight decay (Loshchilov & Hutter 2019).",
      example: "AdamW(learningRate: 1e-3)"
    ) { a in
      try attach(
        AdamW(learningRate: try a.double("learningRate"), weightDecay: try a.double("weightDecay")),
        a)
    }
    r.add(
      "RMSprop",
      [
        model, P.labelled("learningRate", "Double", default: .double(0.01)),
        P.labelled("momentum", "Double", default: .double(0)),
      ],
      returns: "RMSprop", doc: "RMSprop: steps scaled by a running mean of the squared gradient.",
      example: "RMSprop(learningRate: 0.01)"
    ) { a in
      try attach(
        RMSprop(learningRate: try a.double("learningRate"), momentum: try a.double("momentum")), a)
    }
  }
}
