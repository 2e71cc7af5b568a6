import Tensor

/// A differentiable tensor: a node of the define-by-run graph, with reference identity.
///
/// Each op on variables records its inputs and a closure that maps the gradient of its output to
/// the gradients of its inputs (the rule sits beside the forward, in the op's file).
/// `backward()` walks the graph in reverse topological order and accumulates into the `grad`
/// of every leaf that `requiresGrad`. Not thread-safe: one cell at a time uses a graph
/// (hence `@unchecked Sendable`, so layers holding parameters can be stored anywhere).
public final class Variable: @unchecked Sendable {
  /// The current value (optimisers update it in place).
  public var value: Tensor
  /// The accumulated gradient of the last `backward()` calls, shaped like `value`; nil until then.
  public var grad: Tensor?
  /// Whether gradients flow to (and accumulate in) this variable.
  public var requiresGrad: Bool
  /// An optional label, for summaries and error messages.
  public var name: String?

  let parents: [Variable]
  let rule: ((Tensor) throws -> [Tensor?])?

  /// A leaf variable holding `value`.
  public init(_ value: Tensor, requiresGrad: Bool = false, name: String? = nil) {
    self.value = value
    self.requiresGrad = requiresGrad
    self.name = name
    parents = []
    rule = nil
  }

  init(value: Tensor, parents: [Variable], rule: @escaping (Tensor) throws -> [Tensor?]) {
    self.value = value
    self.requiresGrad = true
    self.parents = parents
    self.rule = rule
  }

  /// The result of an op: a graph node when gradients are on and an input needs them, else a constant.
  static func op(
    _ value: Tensor, _ parents: [Variable], _ rule: @escaping (Tensor) throws -> [Tensor?]
  ) -> Variable {
    guard GradMode.isEnabled, parents.contains(where: \.requiresGrad) else {
      return Variable(value)
    }
    return Variable(value: value, parents: parents, rule: rule)
  }

  /// The shape of `value`.
  public var shape: [Int] { value.shape }

  /// Whether this variable was made by the user rather than by an op.
  public var isLeaf: Bool { rule == nil }

  /// A constant holding the same value, cut from the graph.
  public func detached() -> Variable { Variable(value) }

  /// Clears the accumulated gradient.
  public func zeroGrad() { grad = nil }

  /// Back-propagates from this scalar (one-element) variable, seeding its gradient with 1.
  public func backward() throws {
    guard value.count == 1 else {
      throw TensorError.invalidArgument(
        "backward() needs a one-element result, this one has shape \(shape); pass backward(gradient:)"
      )
    }
    try backward(gradient: Tensor(shape: value.shape, scalars: [1]))
  }

  /// Back-propagates `gradient` (shaped like `value`) through the graph into the leaves' `grad`.
  public func backward(gradient: Tensor) throws {
    guard gradient.shape == value.shape else {
      throw TensorError.shapeMismatch(
        "backward gradient \(gradient.shape) does not match the value \(shape)")
    }
    guard requiresGrad else {
      throw TensorError.invalidArgument(
        "backward() on a value that does not require gradients (no parameter took part, or gradients were off)"
      )
    }
    var grads: [ObjectIdentifier: Tensor] = [ObjectIdentifier(self): gradient]
    for node in topologicalOrder().reversed() {
      guard let g = grads.removeValue(forKey: ObjectIdentifier(node)) else { continue }
      guard let rule = node.rule else {
        node.grad = try node.grad.map { try $0 + g } ?? g
        continue
      }
      let parentGrads = try rule(g)
      for (parent, pg) in zip(node.parents, parentGrads) where parent.requiresGrad {
        guard let pg else { continue }
        let key = ObjectIdentifier(parent)
        grads[key] = try grads[key].map { try $0 + pg } ?? pg
      }
    }
  }

  /// Nodes that need gradients, each after all of its parents (iterative DFS).
  func topologicalOrder() -> [Variable] {
    var order: [Variable] = []
    var visited: Set<ObjectIdentifier> = [ObjectIdentifier(self)]
    var stack: [(Variable, Int)] = [(self, 0)]
    while let (node, next) = stack.popLast() {
      if next < node.parents.count {
        stack.append((node, next + 1))
        let p = node.parents[next]
        if p.requiresGrad, visited.insert(ObjectIdentifier(p)).inserted { stack.append((p, 0)) }
      } else {
        order.append(node)
      }
    }
    return order
  }
}

extension Variable: CustomStringConvertible {
  /// The value, marked when it requires gradients.
  public var description: String {
    "Variable(shape: \(shape)\(requiresGrad ? ", requiresGrad" : ""))\n\(value)"
  }
}
