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
      MethodSpec(
        name: "summary",
        parameters: [
          P.labelled("input", "[Int]?", default: .null),
          P.labelled("depth", "Int", default: .int(3)),
        ],
        returns: "Summary",
        doc:
          "A layer table: output shapes, parameters, mult-adds, receptive field, and the output-size arithmetic."
      ) { a in
        let summary = try layer.summary(
          input: try a.optionalInts("input"), depth: try a.int("depth"))
        return .host(SummaryValue(summary))
      },
      MethodSpec(
        name: "diagram",
        parameters: [
          P.labelled("input", "[Int]?", default: .null),
          P.labelled("depth", "Int", default: .int(1)),
        ],
        returns: "Diagram",
        doc:
          "A drawing of the architecture: a block per layer with its output shape, repeated blocks as stages (depth 1; 2 shows every block, 3 their layers), shortcuts and skips as arrows, a U-Net as a U; a model whose shapes do not fit is drawn up to the failing layer."
      ) { a in
        .host(
          try DiagramValue.make(
            layer, input: try a.optionalInts("input"), depth: try a.int("depth")))
      },
      MethodSpec(
        name: "multAdds", parameters: [P.labelled("input", "[Int]?", default: .null)],
        returns: "Int",
        doc: "Multiply-accumulate operations for one sample of the given shape."
      ) { a in
        .int(try layer.summary(input: try a.optionalInts("input"), depth: 1).multAdds)
      },
      MethodSpec(
        name: "fit", parameters: FitCall.parameters, returns: "History",
        doc:
          "Trains the model with mini-batches, showing live progress and a loss chart; returns the history."
      ) { a in
        .host(HistoryValue(try FitCall.run(model, a)))
      },
      MethodSpec(
        name: "evaluate",
        parameters: [
          P.positional("data", "Dataset"), P.labelled("metrics", "[Metric]?", default: .null),
          P.labelled("batchSize", "Int", default: .int(256)),
        ],
        returns: "Evaluation",
        doc:
          "Accuracy, loss and the confusion matrix on a data set (evaluation mode, no gradients)."
      ) { a in
        let data = try TrainingOptions.dataset(a["data"], "evaluate")
        let evaluation = try layer.evaluate(
          data, batchSize: try a.int("batchSize"),
          metrics: try TrainingOptions.metrics(a["metrics"]))
        return .host(EvaluationValue(evaluation))
      },
      MethodSpec(
        name: "predict",
        parameters: [
          P.positional("images", "Tensor"), P.labelled("top", "Int", default: .int(5)),
          P.labelled("classes", "[String]?", default: .null),
        ],
        returns: "Prediction",
        doc:
          "One image [C, H, W] (any size: resized and converted to the model's input) or a sample: its class probabilities, the top ones as bars (== its class index). A batch [N, C, H, W] of the input's size: every image's predicted class, [Int]."
      ) { a in
        try ModelMethods.predict(model, a)
      },
      MethodSpec(
        name: "predictMask", parameters: [P.positional("image", "Tensor")], returns: "Tensor",
        doc:
          "The predicted segmentation mask of an image [C, H, W]: the argmax over classes, [1, H, W]."
      ) { a in
        .host(
          TensorValue(
            try layer.predictMask(
              try a.host("image", as: TensorValue.self, typeName: "Tensor").tensor)))
      },
      MethodSpec(
        name: "featureMaps",
        parameters: [
          P.positional("sample", "Tensor"), P.labelled("layer", "Int?", default: .null),
        ],
        returns: "FeatureMaps",
        doc:
          "What each layer sees: the output of every convolution and pooling layer for one image, as image grids; with layer: every channel of that layer on one colour scale."
      ) { a in
        if let index = try a.optionalInt("layer") {
          return .host(try LayerMaps.make(model, a["sample"], layer: index))
        }
        return .host(try FeatureMapsValue.make(model, a["sample"]))
      },
      MethodSpec(
        name: "gradCAM",
        parameters: [
          P.positional("image", "Tensor"), P.labelled("class", "Int?", default: .null),
          P.labelled("layer", "Int?", default: .null),
          P.labelled("classes", "[String]?", default: .null),
        ],
        returns: "GradCAM",
        doc:
          "Grad-CAM: where the network looked for a class (default: the predicted one), as a heat map over the image, from the last convolution (or layer:)."
      ) { a in
        .host(try GradCAMValue.make(model, a))
      },
      MethodSpec(
        name: "save", parameters: [P.positional("path", "String")], returns: nil,
        doc: "Writes the weights (and BatchNorm statistics) to a safetensors file."
      ) { a in
        try Checkpoint.save(layer, to: try a.string("path"))
        return .void
      },
      MethodSpec(
        name: "load", parameters: [P.positional("path", "String")], returns: nil,
        doc: "Reads weights saved by save(_:) into this model (same architecture)."
      ) { a in
        _ = try Checkpoint.load(into: layer, from: try a.string("path"))
        return .void
      },
      MethodSpec(
        name: "train", parameters: [], returns: nil,
        doc: "Training mode: Dropout drops, BatchNorm uses batch statistics."
      ) { _ in
        layer.isTraining = true
        return .void
      },
      MethodSpec(
        name: "eval", parameters: [], returns: nil,
        doc: "Evaluation mode: Dropout passes through, BatchNorm uses running statistics."
      ) { _ in
        layer.isTraining = false
        return .void
      },
      MethodSpec(
        name: "reinitialize", parameters: [P.labelled("seed", "Int?", default: .null)],
        returns: nil,
        doc: "Draws every weight again from a new seed."
      ) { a in
        guard let sequential = layer as? Sequential else {
          throw HostError("TypeError", "reinitialize needs a Sequential model")
        }
        try sequential.reinitialize(seed: try TrainingOptions.seed(a, runtime))
        return .void
      },
    ]
  }
}

extension ModelMethods {
  /// `predict`: a `Prediction` for one image or sample, `[Int]` for a batch of the input's shape.
  static func predict(_ model: LayerValue, _ a: Arguments) throws -> Value {
    if let images = a["images"].host(as: TensorValue.self)?.tensor, images.rank == 4 {
      return .ints(try model.layer.predict(images).classes)
    }
    let image = try ImageArgument.input(a["images"], for: model, "predict")
    let result = try model.layer.classProbabilities(image)
    let names = try ImageArgument.classNames(
      try a.optionalStrings("classes"), model: model, count: result.probabilities.count)
    return .host(PredictionValue(result, classNames: names, top: try a.int("top")))
  }
}

/// `model.fit(data, epochs:, batchSize:, optimizer:, loss:, validation:, metrics:, seed:, controls:, watch:)`
/// with the live display (and with `controls: true` Pause, Stop and a learning-rate slider,
/// `FitControls`). An interrupt ends the cell with an error once the display shows where it stopped;
/// the model keeps the weights of the last step and `model.history` what was done.
enum FitCall {
  static var parameters: [Parameter] {
    [
      P.positional("data", "Dataset"),
      P.labelled("epochs", "Int", default: .int(1)),
      P.labelled("batchSize", "Int", default: .int(32)),
      P.labelled("optimizer", "Optimizer?", default: .null),
      P.labelled(
        "loss", "Loss", default: .implicitMember("crossEntropy"),
        implicit: ["crossEntropy", "meanSquaredError"]),
      P.labelled("validation", "Dataset?", default: .null),
      P.labelled("metrics", "[Metric]?", default: .null, implicit: ["iou", "accuracy"]),
      P.labelled("seed", "Int?", default: .null),
      P.labelled("controls", "Bool", default: .bool(false)),
      P.labelled("watch", "Watch?", default: .null, implicit: ["layers"]),
      P.labelled("watchEvery", "Int?", default: .null),
    ]
  }

  static func run(_ model: LayerValue, _ a: Arguments) throws -> History {
    let data = try TrainingOptions.dataset(a["data"], "fit")
    let validation = try TrainingOptions.optionalDataset(a["validation"], "validation")
    let seed = try TrainingOptions.seed(a, model.runtime)
    let context = a.context
    let live = LiveProgress(
      sink: context.sink, title: "Training \(model.layer.typeName)",
      mode: model.runtime.progress)
    let optimizer = try TrainingOptions.optimizer(a["optimizer"]) ?? SGD(learningRate: 0.01)
    let batchSize = try a.int("batchSize")
    let watch = try LayerWatch.make(
      a, model: model, live: live, data: validation ?? data, batchSize: batchSize, training: data)
    var controls: FitControls?
    var observer: any TrainingObserver = watch ?? live
    if try a.bool("controls"), let widgets = model.runtime.widgets {
      let shown = FitControls(
        manager: widgets, live: live, learningRate: optimizer.learningRate,
        cancellation: context.cancellation)
      context.sink.display(shown.box.displayBundle(), id: nil)
      controls = shown
      observer = watch.map { SteeredWatch(watch: $0, controls: shown) } ?? shown
    }
    let history = try model.layer.fit(
      data, epochs: try a.int("epochs"), batchSize: batchSize, optimizer: optimizer,
      loss: try TrainingOptions.loss(a["loss"]), validation: validation,
      metrics: try TrainingOptions.metrics(a["metrics"]),
      seed: seed, observer: observer)
    controls?.finish()
    live.finish(history)
    watch?.finish()
    model.runtime.histories[ObjectIdentifier(model.layer)] = history
    model.runtime.classNames[ObjectIdentifier(model.layer)] = data.classNames
    if case .cancelled = history.stopReason { throw Interrupted() }
    return history
  }
}
