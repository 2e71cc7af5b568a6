import Foundation
import Tensor
import Testing

/// The vectorised exp, tanh and sigmoid agree with the C library to a few ulp.
@Suite struct VectorMathTests {
  let xs: [Float] =
    stride(from: -30, through: 30, by: 0.0137).map { Float($0) } + [
      0, -0, 1e-8, -1e-8, 0.625, -0.625,
    ]

  @Test func expMatchesLibm() throws {
    let y = Tensor(xs.map { max(min($0, 80), -80) }).exp()
    for (x, v) in zip(xs.map { max(min($0, 80), -80) }, y.scalars) {
      let r = Foundation.exp(x)
      #expect(abs(v - r) <= 4e-7 * abs(r), "exp(\(x)) = \(v), libm \(r)")
    }
    #expect(Tensor([100, -100]).exp().scalars == [.infinity, 0])
    #expect(Tensor([.nan]).exp().scalars[0].isNaN)
  }

  @Test func tanhAndSigmoidMatchLibm() throws {
    let t = Tensor(xs).tanh(), s = Tensor(xs).sigmoid()
    for (i, x) in xs.enumerated() {
      #expect(
        abs(t.scalars[i] - Foundation.tanh(x)) <= 4e-7 * max(abs(Foundation.tanh(x)), 1e-30) + 1e-9,
        "tanh(\(x))")
      let sig = 1 / (1 + Foundation.exp(-Double(x)))
      #expect(abs(Double(s.scalars[i]) - sig) <= 4e-7 * sig, "sigmoid(\(x))")
    }
  }
}
