import Autograd
import Cancellation
import Lang
import NN
import Tensor

/// The methods of a layer or model: summary, diagram, cost, training, prediction, checkpoints.
enum ModelMethods {
  // size-budget: a table of method specs; it becomes declarative with the registration tables.
  static func methods(for model: LayerValue) -> [MethodSpec] {
    let layer = model.layer
    let runtime = model.runtime
    return [
      MethodSpec(name: "summary", parameters: [P.labelled("input", "[Int]?", default: .null), P.labelled("depth", "Int", default: .int(3))],
                 returns: "Summary",
                 doc: "A layer table: output shapes, parameters, mult-adds, receptive field, and the output-size arithmetic.") { a in
        let summary = try layer.summary(input: try a.optionalInts("input"), depth: try a.int("depth"))
        return .host(SummaryValue(summary))
      },
      MethodSpec(name: "diagram", parameters: [P.labelled("input", "[Int]?", default: .null), P.labelled("depth", "Int", default: .int(1))],
                 returns: "Diagram",
                 doc: "A drawing of the architecture: a block per layer with its output shape, repeated blocks as stages (depth 1; 2 shows every block, 3 their layers), shortcuts and skips as arrows, a U-Net as a U; a model whose shapes do not fit is drawn up to the failing layer.") { a in
        .host(try DiagramValue.make(layer, input: try a.optionalInts("input"), depth: try a.int("depth")))
      },
      MethodSpec(name: "multAdds", parameters: [P.labelled("input", "[Int]?", default: .null)], returns: "Int",
                 doc: "Multiply-accumulate operations for one sample of the given shape.") { a in
        .int(try layer.summary(input: try a.optionalInts("input"), depth: 1).multAdds)
      },
      MethodSpec(name: "fit", parameters: FitCall.parameters, returns: "History",
                 doc: "Trains the model with mini-batches, showing live progress and a loss chart; returns the history.") { a in
        .host(HistoryValue(try FitCall.run(model, a)))
      },
      MethodSpec(name: "evaluate", parameters: [P.positional("data", "Dataset"), P.labelled("metrics", "[Metric]?", default: .null),
                                                P.labelled("batchSize", "Int", default: .int(256))],
                 returns: "Evaluation", doc: "Accuracy, loss and the confusion matrix on a data set (evaluation mode, no gradients).") { a in
        let data = try TrainingOptions.dataset(a["data"], "evaluate")
        let evaluation = try layer.evaluate(data, batchSize: try a.int("batchSize"), metrics: try TrainingOptions.metrics(a["metrics"]))
        return .host(EvaluationValue(evaluation))
      },
      MethodSpec(name: "predict", parameters: [P.positional("images", "Tensor")], returns: "[Int]",
                 doc: "The predicted class of every image of a batch [N, C, H, W] (or of one image [C, H, W]: an Int).") { a in
        let images = try a.host("images", as: TensorValue.self, typeName: "Tensor").tensor
        let single = model.inputShape == images.shape
        let batch = single ? try images.reshaped([1] + images.shape) : images
        let classes = try layer.predict(batch).classes
        return single ? .int(classes.first ?? 0) : .ints(classes)
      },
      MethodSpec(name: "predictMask", parameters: [P.positional("image", "Tensor")], returns: "Tensor",
                 doc: "The predicted segmentation mask of an image [C, H, W]: the argmax over classes, [1, H, W].") { a in
        .host(TensorValue(try layer.predictMask(try a.host("image", as: TensorValue.self, typeName: "Tensor").tensor)))
      },
      MethodSpec(name: "featureMaps", parameters: [P.positional("sample", "Tensor")], returns: "FeatureMaps",
                 doc: "What each layer sees: the output of every convolution and pooling layer for one image, as image grids.") { a in
        .host(try FeatureMapsValue.make(model, a["sample"]))
      },
      MethodSpec(name: "save", parameters: [P.positional("path", "String")], returns: nil,
                 doc: "Writes the weights (and BatchNorm statistics) to a safetensors file.") { a in
        try Checkpoint.save(layer, to: try a.string("path"))
        return .void
      },
      MethodSpec(name: "load", parameters: [P.positional("path", "String")], returns: nil,
                 doc: "Reads weights saved by save(_:) into this model (same architecture).") { a in
        _ = try Checkpoint.load(into: layer, from: try a.string("path"))
        return .void
      },
      MethodSpec(name: "train", parameters: [], returns: nil, doc: "Training mode: Dropout drops, BatchNorm uses batch statistics.") { _ in
        layer.isTraining = true
        return .void
      },
      MethodSpec(name: "eval", parameters: [], returns: nil, doc: "Evaluation mode: Dropout passes through, BatchNorm uses running statistics.") { _ in
        layer.isTraining = false
        return .void
      },
      MethodSpec(name: "reinitialize", parameters: [P.labelled("seed", "Int?", default: .null)], returns: nil,
                 doc: "Draws every weight again from a new seed.") { a in
        guard let sequential = layer as? Sequential else { throw HostError("TypeError", "reinitialize needs a Sequential model") }
        try sequential.reinitialize(seed: try TrainingOptions.seed(a, runtime))
        return .void
      },
    ]
  }
}

/// `model.fit(data, epochs:, batchSize:, optimizer:, loss:, validation:, metrics:, seed:, controls:)`
/// with the live display (and with `controls: true` Pause, Stop and a learning-rate slider,
/// `FitControls`). An interrupt ends the cell with an error once the display shows where it stopped;
/// the model keeps the weights of the last step and `model.history` what was done.
enum FitCall {
  static var parameters: [Parameter] { [
    P.positional("data", "Dataset"),
    P.labelled("epochs", "Int", default: .int(1)),
    P.labelled("batchSize", "Int", default: .int(32)),
    P.labelled("optimizer", "Optimizer?", default: .null),
    P.labelled("loss", "Loss", default: .implicitMember("crossEntropy"), implicit: ["crossEntropy", "meanSquaredError"]),
    P.labelled("validation", "Dataset?", default: .null),
    P.labelled("metrics", "[Metric]?", default: .null, implicit: ["iou", "accuracy"]),
    P.labelled("seed", "Int?", default: .null),
    P.labelled("controls", "Bool", default: .bool(false)),
  ] }

  static func run(_ model: LayerValue, _ a: Arguments) throws -> History {
    let data = try TrainingOptions.dataset(a["data"], "fit")
    let validation = try TrainingOptions.optionalDataset(a["validation"], "validation")
    let seed = try TrainingOptions.seed(a, model.runtime)
    let context = a.context
    let live = LiveProgress(sink: context.sink, title: "Training \(model.layer.typeName)",
                            mode: model.runtime.progress)
    let optimizer = try TrainingOptions.optimizer(a["optimizer"]) ?? SGD(learningRate: 0.01)
    var controls: FitControls?
    var observer: any TrainingObserver = live
    if try a.bool("controls"), let widgets = model.runtime.widgets {
      let shown = FitControls(manager: widgets, live: live, learningRate: optimizer.learningRate,
                              cancellation: context.cancellation)
      context.sink.display(shown.box.displayBundle(), id: nil)
      (controls, observer) = (shown, shown)
    }
    let history = try model.layer.fit(
      data, epochs: try a.int("epochs"), batchSize: try a.int("batchSize"), optimizer: optimizer,
      loss: try TrainingOptions.loss(a["loss"]), validation: validation, metrics: try TrainingOptions.metrics(a["metrics"]),
      seed: seed, observer: observer)
    controls?.finish()
    live.finish(history)
    model.runtime.histories[ObjectIdentifier(model.layer)] = history
    if case .cancelled = history.stopReason { throw Interrupted() }
    return history
  }
}
