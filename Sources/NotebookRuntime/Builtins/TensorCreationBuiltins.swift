import Autograd
import Lang
import Tensor

/// `Tensor(values, shape:)` and the static constructors `Tensor.zeros`, `ones`, `full`, `arange`,
/// `linspace`, `eye` and the seeded random ones (`random`, `normal`, `uniform`, `bernoulli`,
/// `integers`: with `seed:` their own stream, else the next seed of the session's).
enum TensorCreationBuiltins {
  static func register(_ r: Registrar) {
    r.add(
      "Tensor",
      [
        P.positional("values", "[[Double]]"), P.labelled("shape", "[Int]?", default: .null),
        P.labelled("requiresGrad", "Bool", default: .bool(false)),
      ],
      returns: "Tensor",
      doc:
        "A Float32 tensor from a number or nested arrays (rows of equal length), reshaped to shape: when given (one -1 is inferred). With requiresGrad: true, backward() fills its .grad. Tensor(mask) turns a Bool tensor into 0 and 1. Tensor.zeros, ones, full, arange, linspace, eye, random, normal, uniform, bernoulli and integers make others.",
      example: "let x = Tensor([[7, 2, 6, 2], [4, 5, 4, 7]])", staticMembers: statics(r.runtime)
    ) { a in
      var tensor = try TensorLiteral.tensor(from: a["values"])
      if let shape = try a.optionalInts("shape") {
        tensor = try tensor.reshaped(try TensorIndexing.resolve(shape, count: tensor.count))
      }
      return .host(TensorValue(Variable(tensor, requiresGrad: try a.bool("requiresGrad"))))
    }
  }

  // size-budget: a declarative table of built-ins, one entry each; splitting it scatters the list.
  static func statics(_ runtime: RuntimeState) -> [String: Value] {
    var members: [String: Value] = [:]
    func add(
      _ name: String, _ parameters: [Parameter], _ doc: String, _ example: String,
      _ body: @escaping (Arguments) throws -> Tensor
    ) {
      members[name] = .native(
        NativeFunction(
          name: name, parameters: parameters, returns: "Tensor", doc: doc, example: example,
          isType: false
        ) { a in
          try ArgumentLimits.check(a, parameters)
          return try EngineErrors.run { .host(TensorValue(try body(a))) }
        })
    }
    let shape = P.positional("shape", "[Int]")
    for (name, fill) in [("zeros", Float(0)), ("ones", 1)] {
      add(
        name,
        [
          P.positional("shape", "[Int]?", default: .null),
          P.labelled("like", "Tensor?", default: .null),
        ],
        "A tensor of \(name) of the given shape, or shaped like another tensor (like:).",
        "Tensor.\(name)([2, 3])"
      ) { a in
        if let model = a["like"].host(as: TensorValue.self) {
          return try Tensor(repeating: fill, shape: model.tensor.shape)
        }
        guard !a.isNil("shape") else {
          throw HostError(
            "TypeError", "Tensor.\(name) needs a shape or like:",
            hint: "Tensor.\(name)([2, 3]) or Tensor.\(name)(like: t)")
        }
        return try Tensor(repeating: fill, shape: try TensorArguments.shape(a))
      }
    }
    add(
      "full", [shape, P.positional("value", "Double")],
      "A tensor of the given shape filled with value.", "Tensor.full([2, 2], 7)"
    ) { a in
      try Tensor(repeating: Float(try a.double("value")), shape: try TensorArguments.shape(a))
    }
    add(
      "arange",
      [
        P.positional("start", "Double"), P.positional("end", "Double?", default: .null),
        P.labelled("step", "Double", default: .int(1)),
      ],
      "start, start + step, … below end, as rank 1; with one argument 0, 1, … below it.",
      "Tensor.arange(0, 1, step: 0.25)"
    ) { a in
      let step = Float(try a.double("step"))
      guard let end = try a.optionalDouble("end") else {
        return try Tensor.arange(0, Float(try a.double("start")), step: step)
      }
      return try Tensor.arange(Float(try a.double("start")), Float(end), step: step)
    }
    add(
      "linspace",
      [P.positional("start", "Double"), P.positional("end", "Double"), P.labelled("count", "Int")],
      "count evenly spaced values from start to end, both included.",
      "Tensor.linspace(0, 1, count: 5)"
    ) { a in
      try Tensor.linspace(
        Float(try a.double("start")), Float(try a.double("end")),
        count: try TensorArguments.int(a, "count", in: 0...Int(Int32.max)))
    }
    add("eye", [P.positional("n", "Int")], "The n×n identity matrix.", "Tensor.eye(3)") { a in
      try Tensor.eye(try TensorArguments.int(a, "n", in: 0...65_536))
    }
    addRandom(runtime, add)
    members["where"] = TensorFunctionBuiltins.whereFunction
    return members
  }

  // size-budget: a declarative table of built-ins, one entry each; splitting it scatters the list.
  private static func addRandom(
    _ runtime: RuntimeState,
    _ add: (String, [Parameter], String, String, @escaping (Arguments) throws -> Tensor) -> Void
  ) {
    let shape = P.positional("shape", "[Int]"), seed = P.labelled("seed", "Int?", default: .null)
    func generator(_ a: Arguments) throws -> SeededGenerator {
      guard let seed = try a.optionalInt("seed") else { return runtime.generator() }
      return SeededGenerator(seed: UInt64(bitPattern: Int64(seed)))
    }
    let seedNote = "with seed: its own stream, else the next seed of the session's (%seed)"
    add(
      "random", [shape, seed], "Normal random values (mean 0, std 1), \(seedNote).",
      "Tensor.random([2, 3], seed: 1)"
    ) { a in
      var g = try generator(a)
      return try Tensor.randomNormal(shape: try TensorArguments.shape(a), using: &g)
    }
    add(
      "normal",
      [
        shape, P.labelled("mean", "Double", default: .int(0)),
        P.labelled("std", "Double", default: .int(1)), seed,
      ],
      "Normal random values N(mean, std²), \(seedNote).",
      "Tensor.normal([2, 3], mean: 10, std: 2, seed: 1)"
    ) { a in
      var g = try generator(a)
      return try Tensor.randomNormal(
        shape: try TensorArguments.shape(a), mean: Float(try a.double("mean")),
        std: Float(try a.double("std")), using: &g)
    }
    add(
      "uniform",
      [
        shape, P.labelled("low", "Double", default: .int(0)),
        P.labelled("high", "Double", default: .int(1)), seed,
      ],
      "Uniform random values in [low, high), \(seedNote).",
      "Tensor.uniform([2, 3], low: -1, high: 1, seed: 1)"
    ) { a in
      var g = try generator(a)
      return try Tensor.randomUniform(
        shape: try TensorArguments.shape(a), low: Float(try a.double("low")),
        high: Float(try a.double("high")), using: &g)
    }
    add(
      "bernoulli", [shape, P.labelled("p", "Double", default: .double(0.5)), seed],
      "1 with probability p and 0 otherwise, \(seedNote).",
      "Tensor.bernoulli([8], p: 0.25, seed: 1)"
    ) { a in
      var g = try generator(a)
      return try Tensor.bernoulli(
        shape: try TensorArguments.shape(a), p: Float(try a.double("p")), using: &g)
    }
    add(
      "integers",
      [shape, P.labelled("low", "Int", default: .int(0)), P.labelled("high", "Int"), seed],
      "Whole numbers drawn uniformly from low..<high, \(seedNote).",
      "Tensor.integers([5], low: 0, high: 10, seed: 1)"
    ) { a in
      let limit = 1 << 24
      let low = try TensorArguments.int(a, "low", in: -limit...limit),
        high = try TensorArguments.int(a, "high", in: -limit...limit)
      guard low < high else {
        throw HostError("ValueError", "Tensor.integers: low \(low) must be below high \(high)")
      }
      let shape = try Tensor(zeros: try TensorArguments.shape(a)).shape
      var g = try generator(a)
      let values = (0..<shape.reduce(1, *)).map { _ in Float(Int.random(in: low..<high, using: &g))
      }
      return try Tensor(shape: shape, scalars: values)
    }
  }
}
