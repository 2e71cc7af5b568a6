import Autograd
import Foundation
import Tensor
import Testing

@testable import NN

/// Each optimizer's steps against PyTorch 2.13 (scripts/gen_optimizer_fixtures.py).
@Suite struct OptimPyTorchTests {
  struct Fixture: Decodable {
    struct Case: Decodable {
      let name: String
      let optimizer: String
      let options: [String: OptionValue]
      let steps: [[Float]]
    }
    let initial: [Float]
    let gradients: [[Float]]
    let cases: [Case]
  }

  enum OptionValue: Decodable {
    case number(Double), flag(Bool), pair([Double])
    init(from decoder: Decoder) throws {
      let c = try decoder.singleValueContainer()
      if let b = try? c.decode(Bool.self) {
        self = .flag(b)
      } else if let d = try? c.decode(Double.self) {
        self = .number(d)
      } else {
        self = .pair(try c.decode([Double].self))
      }
    }
    var number: Double {
      if case .number(let d) = self { return d }
      return 0
    }
    var flag: Bool {
      if case .flag(let b) = self { return b }
      return false
    }
    var pair: [Double] {
      if case .pair(let p) = self { return p }
      return []
    }
  }

  static func load() throws -> Fixture {
    let url = try #require(
      Bundle.module.url(forResource: "Fixtures/training/optimizers", withExtension: "json"))
    return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
  }

  static func make(_ c: Fixture.Case) -> Optimizer? {
    let o = c.options
    let lr = o["lr"]?.number ?? 0.01
    switch c.optimizer {
    case "SGD":
      return SGD(
        learningRate: lr, momentum: o["momentum"]?.number ?? 0,
        dampening: o["dampening"]?.number ?? 0,
        nesterov: o["nesterov"]?.flag ?? false, weightDecay: o["weight_decay"]?.number ?? 0)
    case "Adam":
      let betas = o["betas"]?.pair ?? [0.9, 0.999]
      return Adam(
        learningRate: lr, beta1: betas[0], beta2: betas[1], epsilon: o["eps"]?.number ?? 1e-8,
        weightDecay: o["weight_decay"]?.number ?? 0)
    case "AdamW":
      return AdamW(learningRate: lr, weightDecay: o["weight_decay"]?.number ?? 0.01)
    case "RMSprop":
      return RMSprop(
        learningRate: lr, alpha: o["alpha"]?.number ?? 0.99, momentum: o["momentum"]?.number ?? 0,
        centered: o["centered"]?.flag ?? false, weightDecay: o["weight_decay"]?.number ?? 0)
    default: return nil
    }
  }

  @Test func everyOptimizerMatchesPyTorch() throws {
    let fixture = try Self.load()
    #expect(fixture.cases.count == 9)
    for c in fixture.cases {
      let optimizer = try #require(Self.make(c), "unknown optimizer \(c.optimizer)")
      let parameter = Variable(Tensor(fixture.initial), requiresGrad: true)
      optimizer.attach([parameter])
      for (step, gradient) in fixture.gradients.enumerated() {
        parameter.grad = Tensor(gradient)
        optimizer.step()
        let got = parameter.value.scalars.map(Double.init)
        let want = c.steps[step].map(Double.init)
        #expect(allCloseForTest(got, want), "\(c.name) step \(step + 1): \(got) vs PyTorch \(want)")
      }
    }
  }

  @Test func zeroGradClearsAndStepSkipsMissingGradients() {
    let a = Variable(Tensor([1, 2]), requiresGrad: true)
    let b = Variable(Tensor([3]), requiresGrad: true)
    let sgd = SGD(learningRate: 0.5)
    sgd.attach([a, b])
    a.grad = Tensor([1, 1])
    sgd.step()
    #expect(a.value.scalars == [0.5, 1.5] && b.value.scalars == [3])
    sgd.zeroGrad()
    #expect(a.grad == nil)
  }

  @Test func freshCopyKeepsSettingsButNotState() {
    let adam = Adam(learningRate: 0.1, beta1: 0.8)
    let a = Variable(Tensor([1]), requiresGrad: true)
    adam.attach([a])
    a.grad = Tensor([1])
    adam.step()
    let copy = adam.freshCopy()
    #expect(copy.description == adam.description && copy.parameters.isEmpty && copy.stepCount == 0)
    #expect(
      SGD(learningRate: 0.05, momentum: 0.9).description == "SGD(learningRate: 0.05, momentum: 0.9)"
    )
  }
}

/// Float32 agreement with PyTorch: a few ulps of the values involved.
func allCloseForTest(_ a: [Double], _ b: [Double]) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-6 + 1e-5 * abs($1) }
}
