/// The outcome of comparing analytic gradients with central finite differences.
public struct GradCheckReport: Sendable, CustomStringConvertible {
  /// The largest |analytic − numeric| over every input element.
  public var maxAbsoluteError: Double
  /// Where it was, as "input i, element j: analytic a, numeric n".
  public var worst: String
  /// How many elements were outside `atol + rtol·|numeric|`.
  public var failures: Int
  /// Whether every element agreed.
  public var passed: Bool { failures == 0 }
  public var description: String {
    "\(failures) mismatches; worst \(worst) (|error| \(maxAbsoluteError))"
  }
}

/// Checks `gradient` against central differences of `value`, element by element.
///
/// `value(inputs)` is a scalar function of the inputs (computed in Double where it can be);
/// `gradient(inputs)` returns ∂value/∂input for each input, shaped like the inputs. Each element
/// is moved by ±`eps`, so choose inputs at least `eps` away from kinks (relu at 0, max ties).
public func gradCheck(
  inputs: [[Float]], eps: Float = 1e-2, rtol: Double = 2e-2, atol: Double = 2e-3,
  value: ([[Float]]) throws -> Double, gradient: ([[Float]]) throws -> [[Float]]
) throws -> GradCheckReport {
  let analytic = try gradient(inputs)
  precondition(analytic.count == inputs.count, "gradCheck: one gradient per input expected")
  var report = GradCheckReport(maxAbsoluteError: 0, worst: "none", failures: 0)
  var probe = inputs
  for i in inputs.indices {
    precondition(
      analytic[i].count == inputs[i].count, "gradCheck: gradient \(i) has the wrong size")
    for j in inputs[i].indices {
      let x = inputs[i][j]
      probe[i][j] = x + eps
      let plus = try value(probe)
      probe[i][j] = x - eps
      let minus = try value(probe)
      probe[i][j] = x
      let step = Double(x + eps) - Double(x - eps)
      let numeric = (plus - minus) / step
      let a = Double(analytic[i][j])
      let err = abs(a - numeric)
      if err > atol + rtol * abs(numeric) { report.failures += 1 }
      if err >= report.maxAbsoluteError {
        report.maxAbsoluteError = err
        report.worst = "input \(i), element \(j): analytic \(a), numeric \(numeric)"
      }
    }
  }
  return report
}
