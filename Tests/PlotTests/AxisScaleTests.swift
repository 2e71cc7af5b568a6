import Testing

@testable import Plot

@Test(arguments: [(0.7, 1.0), (1.3, 2.0), (3.0, 5.0), (7.0, 10.0), (0.013, 0.02), (45.0, 50.0)])
func niceStepsAreOneTwoOrFiveTimesAPowerOfTen(rough: Double, expected: Double) {
  #expect(abs(Ticks.niceStep(rough) - expected) < 1e-12)
}

@Test func linearTicksCoverTheDataWithRoundLabels() {
  let layout = Ticks.linear(low: 0.23, high: 2.41, count: 6)
  #expect(layout.low == 0 && layout.high == 2.5)
  #expect(layout.ticks.map(\.label) == ["0", "0.5", "1", "1.5", "2", "2.5"])
}

@Test func aConstantSeriesStillGetsARange() {
  let layout = Ticks.linear(low: 0.5, high: 0.5, count: 6)
  #expect(layout.low < 0.5 && layout.high > 0.5)
  #expect(Ticks.linear(low: 0, high: 0, count: 6).ticks.count >= 2)
}

@Test func logTicksAreDecadesAndLeaveOutNonPositiveValues() {
  let axis = AxisMap(values: [0, -1, 0.003, 42], scale: .log, start: 0, end: 100)
  #expect(axis.low == 0.001 && axis.high == 100)
  #expect(axis.ticks.map(\.label) == ["0.001", "0.01", "0.1", "1", "10", "100"])
  #expect(axis.position(0) == nil)
  #expect(abs((axis.position(1) ?? 0) - 60) < 1e-9)
}

@Test func narrowLogRangesAddTwoAndFiveTicks() {
  let layout = Ticks.logarithmic(low: 0.2, high: 0.9)
  #expect(layout.ticks.map(\.label) == ["0.1", "0.2", "0.5", "1"])
}

@Test func tinyAndHugeTickLabelsUseExponents() {
  let tiny = Ticks.linear(low: 0, high: 0.00004, count: 5)
  #expect(tiny.ticks.contains { $0.label == "1e-5" })
  let huge = Ticks.linear(low: 0, high: 4_000_000, count: 5)
  #expect(huge.ticks.contains { $0.label == "1e6" })
}

@Test func anAxisWithoutDataDoesNotCrash() {
  let axis = AxisMap(values: [.nan, .infinity], scale: .linear, start: 0, end: 10)
  #expect(axis.low < axis.high && !axis.ticks.isEmpty)
}
