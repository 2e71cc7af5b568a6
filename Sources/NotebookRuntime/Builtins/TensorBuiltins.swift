import Autograd
import Lang
import NN
import Tensor

/// `Tensor(...)`, `matmul`, elementwise functions, pooling and convolution on plain tensors, losses.
enum TensorBuiltins {
  static func register(_ r: Registrar) {
    TensorCreationBuiltins.register(r)
    TensorFunctionBuiltins.register(r)
    ImageFileBuiltins.register(r)
    TensorLogic.register(r)
    r.add("matmul", [P.positional("a", "Tensor"), P.positional("b", "Tensor")], returns: "Tensor",
          doc: "The matrix product of [m, k] and [k, n] tensors (batched over leading axes), differentiable.",
          example: "matmul(Tensor([[1, 2]]), Tensor([[3], [4]]))   // [[11]]") { a in
      .host(TensorValue(try matmul(try variable(a, "a"), try variable(a, "b"))))
    }
    r.overload("abs", doc: "|x| of a number, or elementwise of a tensor.", example: "abs(Tensor([-1, 2]))   // [1, 2]") { .host(TensorValue($0.variable.abs())) }
    r.overload("exp", doc: "e^x of a number, or elementwise of a tensor.", example: "exp(Tensor([0]))   // [1]") { .host(TensorValue($0.variable.exp())) }
    r.overload("log", doc: "ln x of a number, or elementwise of a tensor.", example: "log(Tensor([1]))   // [0]") { .host(TensorValue($0.variable.log())) }
    r.overload("sqrt", doc: "√x of a number, or elementwise of a tensor.", example: "sqrt(Tensor([4]))   // [2]") { .host(TensorValue($0.variable.sqrt())) }
    r.overload("tanh", doc: "tanh x of a number, or elementwise of a tensor.", example: "tanh(Tensor([0]))   // [0]") { .host(TensorValue($0.variable.tanh())) }
    registerPooling(r)
    registerLosses(r)
  }

  static func variable(_ a: Arguments, _ name: String) throws -> Variable {
    if let tensor = a[name].host(as: TensorValue.self) { return try tensor.numeric("\(a.function)'s '\(name)'") }
    if case .array = a[name] { return Variable(try TensorLiteral.tensor(from: a[name])) }
    throw HostError("TypeError", "\(a.function): '\(name)' expects a Tensor, got \(a[name].typeName)")
  }

  private static func registerPooling(_ r: Registrar) {
    let poolParameters = [P.positional("x", "Tensor"), P.labelled("size", "Int", default: .int(2)), P.labelled("stride", "Int?", default: .null)]
    for (name, isMax) in [("maxPool2D", true), ("avgPool2D", false)] {
      let what = isMax ? "the largest value" : "the mean"
      r.add(name, poolParameters, returns: "Tensor",
            doc: "Pooling of a 2-D tensor [H, W] (or [C, H, W], [N, C, H, W]): each size×size window, moved by stride, becomes \(what). Output side (W − size)/stride + 1.",
            example: "\(name)(Tensor([[7, 2, 6, 2], [4, 5, 4, 7], [3, 3, 4, 2], [6, 4, 8, 6]]), size: 2, stride: 2)", isType: false) { a in
        let size = try a.int("size")
        let stride = try a.optionalInt("stride") ?? size
        guard size >= 1, stride >= 1 else { throw HostError("ValueError", "\(name): size and stride must be ≥ 1") }
        let x = try variable(a, "x")
        let layer: Layer = isMax ? MaxPool2D(size, stride: stride) : AvgPool2D(size, stride: stride)
        return .host(TensorValue(try ImageOps.applyPlanar(x) { try layer($0) }))
      }
    }
    r.add("conv2d", [P.positional("image", "Tensor"), P.positional("kernel", "Tensor"), P.labelled("padding", "Int", default: .int(0)),
                     P.labelled("stride", "Int", default: .int(1))], returns: "Tensor",
          doc: "Slides a 2-D kernel [kh, kw] over a single-channel image [H, W] or [1, H, W] (cross-correlation, as every deep-learning library): out[i, j] = Σ image[i·S + u − P, j·S + v − P]·kernel[u, v]. Returns [1, H', W'].",
          example: "conv2d(item.image, Tensor([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]), padding: 1)", isType: false) { a in
      .host(TensorValue(try ImageOps.conv(try variable(a, "image"), try variable(a, "kernel"),
                                          padding: try a.int("padding"), stride: try a.int("stride"))))
    }
  }

  private static func registerLosses(_ r: Registrar) {
    r.add("crossEntropy", [P.positional("logits", "Tensor"), P.positional("labels", "Tensor")], returns: "Tensor",
          doc: "The mean cross-entropy of logits [N, K] against class labels [N]: −mean(log softmax(logits)[label]). A scalar tensor; call .backward().",
          example: "let loss = crossEntropy(model(batch.images), batch.labels)", isType: false) { a in
      let logits = try variable(a, "logits")
      let labels = try ImageOps.labels(a["labels"])
      return .host(TensorValue(try Autograd.crossEntropy(logits: logits, labels: labels)))
    }
    r.add("mseLoss", [P.positional("prediction", "Tensor"), P.positional("target", "Tensor")], returns: "Tensor",
          doc: "The mean squared error mean((prediction − target)²), a scalar tensor.",
          example: "mseLoss(Tensor([1, 2]), Tensor([1, 4]))   // 2", isType: false) { a in
      let target = try TensorLiteral.tensor(from: a["target"])
      return .host(TensorValue(try mseLoss(try variable(a, "prediction"), target: target)))
    }
  }
}
