import Autograd
import Lang
import Tensor

/// Losses with a `reduction:` (.mean, .sum, .none), `oneHot`, `accuracy`, and the functional
/// `batchNorm`. The reductions are composed from differentiable ops, so each has its gradient.
enum LossBuiltins {
  static var reduction: Parameter {
    P.labelled(
      "reduction", "Reduction", default: .implicitMember("mean"), implicit: ["mean", "sum", "none"])
  }

  // size-budget: a declarative table of built-ins, one entry each; splitting it scatters the list.
  static func register(_ r: Registrar) {
    for (name, fromLogits) in [("crossEntropy", true), ("nllLoss", false)] {
      let input = fromLogits ? "logits" : "logProbabilities"
      r.add(
        name, [P.positional(input, "Tensor"), P.positional("labels", "Tensor"), reduction],
        returns: "Tensor",
        doc: fromLogits
          ? "Cross-entropy of logits [N, K] against class labels [N]: −log softmax(logits)[n, label], averaged (.mean), added (.sum) or per sample (.none, [N]). Call .backward() on a scalar."
          : "Negative log-likelihood of log-probabilities [N, K] (e.g. logSoftmax(axis: 1)) against labels [N]: −lp[n, label], reduced as reduction: says.",
        example:
          "\(name)(Tensor([[2, 0], [0, 2]])\(fromLogits ? "" : ".logSoftmax(axis: 1)"), Tensor([0, 1]), reduction: .none)",
        isType: false
      ) { a in
        let scores = try TensorBuiltins.variable(a, input)
        let labels = try ImageOps.labels(a["labels"])
        let lp = fromLogits ? try scores.logSoftmax(axis: 1) : scores
        if try a.implicitMember("reduction") == "mean" {
          return .host(TensorValue(try nllLoss(logProbabilities: lp, labels: labels)))
        }
        guard lp.shape.count == 2, lp.shape[0] == labels.count,
          !labels.contains(where: { $0 >= lp.shape[1] })
        else {
          throw HostError(
            "ShapeError",
            "\(name) needs scores [N, K] and N labels in 0..<K, got \(lp.shape) and \(labels.count) labels"
          )
        }
        let picked = try lp.taken(
          along: 1, indices: try Tensor(shape: [labels.count, 1], scalars: labels.map(Float.init)))
        return try reduce(try picked.reshaped([labels.count]) * -1, a)
      }
    }
    r.add(
      "mseLoss",
      [P.positional("prediction", "Tensor"), P.positional("target", "Tensor"), reduction],
      returns: "Tensor",
      doc:
        "The squared error (prediction − target)² (same shapes), averaged (.mean), added (.sum) or elementwise (.none).",
      example: "mseLoss(Tensor([1, 2]), Tensor([1, 4]))   // 2", isType: false
    ) { a in
      let prediction = try TensorBuiltins.variable(a, "prediction"),
        target = try TensorLiteral.tensor(from: a["target"])
      guard prediction.shape == target.shape else {
        throw HostError(
          "ShapeError", "mseLoss: prediction \(prediction.shape) and target \(target.shape) differ")
      }
      return try reduce(try (prediction - Variable(target)).squared(), a)
    }
    r.add(
      "binaryCrossEntropy",
      [P.labelled("logits", "Tensor"), P.labelled("targets", "Tensor"), reduction],
      returns: "Tensor",
      doc:
        "Binary cross-entropy of logits z (before the sigmoid) against targets t in 0...1, in the stable form max(z, 0) − z·t + log(1 + e^−|z|), reduced as reduction: says.",
      example: "binaryCrossEntropy(logits: Tensor([0, 0]), targets: Tensor([0, 1]))", isType: false
    ) { a in
      let z = try TensorBuiltins.variable(a, "logits"),
        t = try TensorLiteral.tensor(from: a["targets"])
      guard z.shape == t.shape else {
        throw HostError(
          "ShapeError", "binaryCrossEntropy: logits \(z.shape) and targets \(t.shape) differ")
      }
      let softplus = ((z.abs() * -1).exp() + 1).log()
      return try reduce(try z.relu() - (try z * t) + softplus, a)
    }
    registerLabels(r)
  }

  static func reduce(_ x: Variable, _ a: Arguments) throws -> Value {
    switch try a.implicitMember("reduction") {
    case "mean": return .host(TensorValue(try x.mean()))
    case "sum": return .host(TensorValue(try x.sum()))
    case "none": return .host(TensorValue(x))
    case let other:
      throw HostError("ValueError", "reduction must be .mean, .sum or .none, got .\(other)")
    }
  }

  private static func registerLabels(_ r: Registrar) {
    r.add(
      "oneHot", [P.positional("labels", "Tensor"), P.labelled("classes", "Int")], returns: "Tensor",
      doc: "Class labels [N] as rows [N, classes] of zeros with a 1 at each label.",
      example: "oneHot(Tensor([2, 0]), classes: 3).array   // [[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]]",
      isType: false
    ) { a in
      let labels = try ImageOps.labels(a["labels"]), classes = try a.int("classes")
      if let bad = labels.first(where: { $0 >= classes }) {
        throw HostError("ValueError", "oneHot: label \(bad) is not below classes: \(classes)")
      }
      try TensorGatherMethods.reserve(labels.count, times: classes)
      var scalars = [Float](repeating: 0, count: labels.count * classes)
      for (row, label) in labels.enumerated() { scalars[row * classes + label] = 1 }
      return .host(TensorValue(try Tensor(shape: [labels.count, classes], scalars: scalars)))
    }
    r.add(
      "accuracy", [P.positional("logits", "Tensor"), P.positional("labels", "Tensor")],
      returns: "Double",
      doc: "The fraction of rows of logits [N, K] whose largest score is at the label (0...1).",
      example: "accuracy(Tensor([[2, 0], [0, 2], [3, 1]]), Tensor([0, 1, 1]))", isType: false
    ) { a in
      let logits = try TensorBuiltins.variable(a, "logits").value,
        labels = try ImageOps.labels(a["labels"])
      guard logits.rank == 2, logits.shape[0] == labels.count, !labels.isEmpty else {
        throw HostError(
          "ShapeError",
          "accuracy needs logits [N, K] and N labels, got \(logits.shape) and \(labels.count) labels"
        )
      }
      let k = logits.shape[1], scalars = logits.scalars
      let hits = labels.enumerated().filter { row, label in
        let slice = scalars[(row * k)..<((row + 1) * k)]
        return slice.indices.max(by: { slice[$0] < slice[$1] }).map { $0 - row * k } == label
      }.count
      return .double(Double(hits) / Double(labels.count))
    }
  }
}

extension FunctionalBuiltins {
  static func registerNormalisation(_ r: Registrar) {
    r.add(
      "batchNorm",
      [
        P.positional("x", "Tensor"), P.labelled("mean", "Tensor?", default: .null),
        P.labelled("variance", "Tensor?", default: .null),
        P.labelled("weight", "Tensor?", default: .null),
        P.labelled("bias", "Tensor?", default: .null),
        P.labelled("training", "Bool", default: .bool(false)),
        P.labelled("momentum", "Double", default: .double(0.1)),
        P.labelled("epsilon", "Double", default: .double(1e-5)),
      ], returns: "Tensor",
      doc:
        "Batch normalisation per channel of [N, C, H, W] or [N, C]: (x − μ)/√(σ² + ε)·weight + bias. Training uses the batch's statistics and updates the running mean: and variance: tensors in place (by momentum); otherwise they normalise.",
      example:
        "batchNorm(Tensor([[1, 2], [3, 6]]), training: true, epsilon: 0).array   // [[-1.0, -1.0], [1.0, 1.0]]",
      isType: false
    ) { a in
      let x = try TensorBuiltins.variable(a, "x"), shape = x.shape
      guard shape.count == 4 || shape.count == 2 else {
        throw HostError("ShapeError", "batchNorm takes [N, C, H, W] or [N, C], got \(shape)")
      }
      let training = try a.bool("training")
      let (momentum, epsilon) = (try a.double("momentum"), try a.double("epsilon"))
      guard (0...1).contains(momentum), epsilon >= 0, epsilon.isFinite else {
        throw HostError(
          "ValueError",
          "batchNorm: momentum must be in 0...1 and epsilon ≥ 0, got \(momentum) and \(epsilon)")
      }
      let stats = [a["mean"].host(as: TensorValue.self), a["variance"].host(as: TensorValue.self)]
      guard training || (stats[0] != nil && stats[1] != nil) else {
        throw HostError(
          "ValueError",
          "batchNorm without training: true needs the running mean: and variance: tensors")
      }
      var mean = try stats[0]?.tensor ?? Tensor(zeros: [shape[1]]),
        variance = try stats[1]?.tensor ?? Tensor(ones: [shape[1]])
      let input = shape.count == 2 ? try x.reshaped(shape + [1, 1]) : x
      let y = try batchNorm2d(
        input, gamma: try variable(a, "weight"), beta: try variable(a, "bias"), runningMean: &mean,
        runningVar: &variance,
        training: training, momentum: Float(momentum), epsilon: Float(epsilon))
      if training {
        stats[0]?.variable = Variable(mean)
        stats[1]?.variable = Variable(variance)
      }
      return .host(TensorValue(shape.count == 2 ? try y.reshaped(shape) : y))
    }
  }
}
