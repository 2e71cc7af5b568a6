/// Whether two floats agree within `atol + rtol * |expected|`, the usual closeness test.
public func isClose(_ actual: Double, _ expected: Double, rtol: Double = 1e-5, atol: Double = 1e-6)
  -> Bool
{
  abs(actual - expected) <= atol + rtol * abs(expected)
}

/// Whether two arrays agree elementwise (see `isClose`), and have equal length.
public func allClose(
  _ actual: [Double], _ expected: [Double], rtol: Double = 1e-5, atol: Double = 1e-6
) -> Bool {
  actual.count == expected.count
    && zip(actual, expected).allSatisfy { isClose($0, $1, rtol: rtol, atol: atol) }
}
