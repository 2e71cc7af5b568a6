import Autograd
import Cancellation
import Lang
import NN
import Tensor

/// A layer written in a cell (`struct Block: Layer { func callAsFunction(_ x: Tensor) -> Tensor }`)
/// as an NN `Layer`. Its forward calls the user's `callAsFunction` through the interpreter; the
/// engine layers in its stored properties (directly, in arrays, in nested structs or classes) are
/// its children, and their parameters its parameters (`conv.weight`, `blocks.1.bias`), so an
/// optimizer updates them and gradients flow through them. Its output shape is found by running
/// the forward once on a zero batch without gradients; that run also builds the children, each
/// with the seed `mixSeed(seed, path)`, so the same seed gives the same weights.
final class UserLayer: Layer {
  static let protocolRequirement = HostProtocol(
    name: "Layer", method: "callAsFunction",
    parameterTypes: ["Tensor"], returnType: "Tensor")

  /// The user's value; a lone layer's stand-in takes the latest copy (`standIn(for:)`).
  private(set) var value: Value
  /// The call context of the cell that made the model; `call` runs in the interpreter's current
  /// cell (its sink and token), so only the engine's token (`Threading`) says whether it stopped.
  let context: CallContext
  let runtime: RuntimeState
  let typeName: String
  var name: String?
  /// The engine layers in the stored properties with their paths (each layer once).
  let keyedChildren: [(key: String, layer: any Layer)]
  /// Per-sample output shapes and mult-adds by input shape, from traced forwards.
  private var traced: [[Int]: Traced] = [:]

  /// What one traced forward found for an input shape.
  private struct Traced {
    var output: [Int]
    var multAdds: Int
    var window: Window?
    /// The engine layers called, keyed by property path, each once at its first call.
    var children: [(key: String, layer: any Layer, input: [Int])]
  }

  var isTraining = true {
    didSet { for child in children { child.isTraining = isTraining } }
  }

  init(_ value: Value, context: CallContext, runtime: RuntimeState) {
    self.value = value
    self.context = context
    self.runtime = runtime
    self.typeName = value.typeName
    var seen = Set<ObjectIdentifier>()
    keyedChildren = Self.layers(in: value, prefix: "", depth: 0).filter {
      seen.insert(ObjectIdentifier($0.layer)).inserted
    }
  }

  /// The model a lone user layer stands in for (`Block().parameterCount`, `block.fit(data)`):
  /// one per set of engine layers, so copies of a struct share it as they share its layers, and
  /// its history, traced shapes and training mode last from cell to cell. A layer without engine
  /// layers gets a new one each time (it has nothing to train or keep).
  static func standIn(for value: Value, context: CallContext, runtime: RuntimeState) -> UserLayer {
    let fresh = UserLayer(value, context: context, runtime: runtime)
    let key = fresh.keyedChildren.map { ObjectIdentifier($0.layer) }
    guard !key.isEmpty else { return fresh }
    if let known = runtime.loneUserLayers[key], known.typeName == fresh.typeName {
      known.value = value
      return known
    }
    runtime.loneUserLayers[key] = fresh
    return fresh
  }

  /// The engine layers in a struct's or class's stored properties, with dotted paths.
  private static func layers(in value: Value, prefix: String, depth: Int) -> [(
    key: String, layer: any Layer
  )] {
    guard depth < 16 else { return [] }
    var found: [(key: String, layer: any Layer)] = []
    for (name, field) in value.storedProperties ?? [] {
      found += collect(field, key: prefix + name, depth: depth)
    }
    return found
  }

  private static func collect(_ value: Value, key: String, depth: Int) -> [(
    key: String, layer: any Layer
  )] {
    if let layer = value.host(as: LayerValue.self) { return [(key, layer.layer)] }
    if case .array(let elements) = value {
      return elements.enumerated().flatMap {
        collect($0.element, key: "\(key).\($0.offset)", depth: depth + 1)
      }
    }
    if value.storedProperties != nil {
      return layers(in: value, prefix: key + ".", depth: depth + 1)
    }
    return []
  }

  var children: [any Layer] { keyedChildren.map(\.layer) }
  var description: String { "\(typeName)()" }
  var parameterCount: Int { children.reduce(0) { $0 + $1.parameterCount } }

  var parameters: [NamedParameter] {
    keyedChildren.flatMap { key, layer in
      layer.parameters.map { NamedParameter(name: "\(key).\($0.name)", variable: $0.variable) }
    }
  }

  var buffers: [NamedBuffer] {
    keyedChildren.flatMap { key, layer in
      layer.buffers.map { NamedBuffer(name: "\(key).\($0.name)", variable: $0.variable) }
    }
  }

  func callAsFunction(_ input: Variable) throws -> Variable {
    let result: Value
    do {
      result = try context.call(value, [.host(TensorValue(input))])
    } catch {
      if Threading.cancellationToken.isCancelled { throw Interrupted() }
      throw UserCodeError(underlying: error)
    }
    guard let tensor = result.host(as: TensorValue.self) else {
      throw HostError(
        "TypeError", "\(typeName)'s callAsFunction must return a Tensor, got \(result.typeName)")
    }
    return tensor.variable
  }

  func build(input: [Int], seed: UInt64) throws -> [Int] {
    let seeds = Dictionary(
      keyedChildren.map { (ObjectIdentifier($0.layer), mixSeed(seed, $0.key)) }
    ) { first, _ in first }
    traced[input] = nil
    return try trace(input, seeds: seeds).output
  }

  func outputShape(for input: [Int]) throws -> [Int] {
    try (traced[input] ?? trace(input, seeds: [:])).output
  }

  func cost(input: [Int]) throws -> LayerCost {
    let found = try traced[input] ?? trace(input, seeds: [:])
    let buffers = buffers.reduce(0) { $0 + $1.variable.value.shape.reduce(1, *) }
    return LayerCost(
      parameters: parameterCount, buffers: buffers, multAdds: found.multAdds, arithmetic: [],
      window: found.window)
  }

  /// Runs the forward on one zero sample in evaluation mode without gradients, building the
  /// children in `seeds` at their first call; keeps the output shape and the children's mult-adds.
  private func trace(_ input: [Int], seeds: [ObjectIdentifier: UInt64]) throws -> Traced {
    let outer = runtime.layerTrace
    let trace = UserLayerTrace(
      seeds: outer.map { $0.seeds.merging(seeds) { _, new in new } } ?? seeds)
    let mode = isTraining
    runtime.layerTrace = trace
    isTraining = false
    defer {
      runtime.layerTrace = outer
      isTraining = mode
    }
    let zeros = Variable(try Tensor(zeros: [1] + input))
    let output = try GradMode.withoutGradients { try self(zeros) }
    var multAdds = 0
    for (layer, shape) in trace.calls {
      multAdds += (try? layer.summary(input: shape, depth: 1).multAdds) ?? 0
    }
    let result = Traced(
      output: Array(output.shape.dropFirst()), multAdds: multAdds,
      window: Self.window(of: trace.calls),
      children: calledChildren(trace.calls))
    traced[input] = result
    return result
  }

  /// The calls of a trace as summary rows, in call order: a property's layer under its path (a
  /// later call of it as a `SharedLayerCall`, `conv#2`, whose weights the first row counts); a
  /// layer made inside `callAsFunction` (`GlobalAvgPool2D()(x)`) under its type name.
  private func calledChildren(_ calls: [(layer: any Layer, input: [Int])]) -> [(
    key: String, layer: any Layer, input: [Int]
  )] {
    let keys = Dictionary(keyedChildren.map { (ObjectIdentifier($0.layer), $0.key) }) { first, _ in
      first
    }
    var callCounts: [ObjectIdentifier: Int] = [:]
    return calls.map { layer, input in
      let id = ObjectIdentifier(layer)
      guard let key = keys[id] else { return (layer.typeName, layer, input) }
      callCounts[id, default: 0] += 1
      let count = callCounts[id]!
      return count == 1 ? (key, layer, input) : ("\(key)#\(count)", SharedLayerCall(layer), input)
    }
  }

  /// The receptive-field window of the layers called, taken as a chain in call order (an upper
  /// bound when they branch); nil when a called layer's window is unknown or it upsamples.
  private static func window(of calls: [(layer: any Layer, input: [Int])]) -> Window? {
    var size = 1
    var jump = 1
    for (layer, shape) in calls {
      if !layer.children.isEmpty { return nil }
      guard let cost = try? layer.cost(input: shape) else { return nil }
      guard let window = cost.window else { continue }
      guard window.scale == 1 else { return nil }
      size += window.dilation * (window.kernel - 1) * jump
      jump *= window.stride
    }
    return Window(kernel: size, stride: jump)
  }
}

/// In `summary()` a user layer lists the engine layers its forward called, with their input
/// shapes and size arithmetic (a property's layer the forward never calls has no row).
extension UserLayer: Container {
  func childInputs(for input: [Int]) throws -> [(key: String, layer: any Layer, input: [Int])] {
    try (traced[input] ?? trace(input, seeds: [:])).children
  }
}

/// What a traced forward of a user layer records: the seeds to build its children with, and
/// each engine layer called with its per-sample input shape.
final class UserLayerTrace {
  let seeds: [ObjectIdentifier: UInt64]
  private(set) var calls: [(layer: any Layer, input: [Int])] = []

  init(seeds: [ObjectIdentifier: UInt64]) { self.seeds = seeds }

  /// Called by `LayerValue` before it runs `layer`: builds it for this input if it is waiting.
  func calling(_ layer: any Layer, input: [Int]) throws {
    if let seed = seeds[ObjectIdentifier(layer)] { _ = try layer.build(input: input, seed: seed) }
    calls.append((layer, input))
  }
}

/// An error raised by a user layer's code, carried through the engine unchanged so the cell
/// reports it at the user's line (`EngineErrors.run` unwraps it).
struct UserCodeError: Error {
  let underlying: any Error
}
