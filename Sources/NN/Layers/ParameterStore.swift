import Autograd
import Tensor

/// The shape and initialiser of one parameter or buffer, known before any memory is allocated.
struct ParameterSpec {
  var name: String
  var shape: [Int]
  var initializer: Initializer
  var fanIn: Int
  var fanOut: Int
  var count: Int { shape.reduce(1, *) }
}

/// A leaf layer's tensors: declared at build time, allocated and initialised on first use.
///
/// Each tensor draws from `SeededGenerator(seed: mixSeed(seed, name))`, so a model's weights depend
/// only on its seed and the tensor paths.
final class ParameterStore {
  private(set) var specs: [ParameterSpec] = []
  private(set) var bufferSpecs: [ParameterSpec] = []
  private var variables: [String: Variable] = [:]
  var seed: UInt64 = 0

  /// Replaces the declarations (a rebuild for another input drops allocated tensors).
  func declare(parameters: [ParameterSpec], buffers: [ParameterSpec] = []) {
    let sane = (parameters + buffers).allSatisfy { spec in
      spec.shape.allSatisfy { (1...sizeLimit).contains($0) }
        && spec.shape.reduce(1.0) { $0 * Double($1) } <= Double(1 << 40)
    }
    guard sane else {
      specs = []
      bufferSpecs = []
      variables = [:]
      return
    }
    if parameters.map(\.shape) != specs.map(\.shape)
      || buffers.map(\.shape) != bufferSpecs.map(\.shape)
    {
      variables = [:]
    }
    specs = parameters
    bufferSpecs = buffers
  }

  /// Reseeds: tensors already allocated are drawn again from the new seed.
  func reseed(_ seed: UInt64) {
    if seed != self.seed { variables = [:] }
    self.seed = seed
  }

  var parameterCount: Int { specs.reduce(0) { $0 + $1.count } }
  var bufferCount: Int { bufferSpecs.reduce(0) { $0 + $1.count } }
  var isDeclared: Bool { !specs.isEmpty || !bufferSpecs.isEmpty }

  /// The named variable, allocated on first access; nil when not declared (layer not built).
  func variable(_ name: String) -> Variable? {
    if let existing = variables[name] { return existing }
    if let spec = specs.first(where: { $0.name == name }) {
      return materialize(spec, trainable: true)
    }
    if let spec = bufferSpecs.first(where: { $0.name == name }) {
      return materialize(spec, trainable: false)
    }
    return nil
  }

  /// Replaces a tensor (a user assigning weights); the shape must match the declaration.
  func assign(_ name: String, _ variable: Variable) throws {
    let declared = (specs + bufferSpecs).first { $0.name == name }
    guard let declared, declared.shape == variable.shape else {
      throw ShapeError(
        layer: name, got: variable.shape,
        expected: declared.map { shapeText($0.shape) } ?? "a declared tensor",
        problem:
          "\(name) needs shape \(declared.map { shapeText($0.shape) } ?? "(none: not built)") but gets \(shapeText(variable.shape))",
        fix: "build the model first and assign a tensor of the declared shape")
    }
    variables[name] = variable
  }

  var parameters: [NamedParameter] {
    specs.compactMap { spec in
      variable(spec.name).map { NamedParameter(name: spec.name, variable: $0) }
    }
  }

  var buffers: [NamedBuffer] {
    bufferSpecs.compactMap { spec in
      variable(spec.name).map { NamedBuffer(name: spec.name, variable: $0) }
    }
  }

  private func materialize(_ spec: ParameterSpec, trainable: Bool) -> Variable? {
    var rng = SeededGenerator(seed: mixSeed(seed, spec.name))
    guard
      let tensor = try? spec.initializer.tensor(
        shape: spec.shape, fanIn: spec.fanIn,
        fanOut: spec.fanOut, using: &rng)
    else { return nil }
    let created = Variable(tensor, requiresGrad: trainable, name: spec.name)
    variables[spec.name] = created
    return created
  }
}
