import Testing
import TextFormat

@Test(arguments: [
  (12.5, "12.5"), (3.0, "3"), (0.256, "0.26"), (-0.001, "0"), (-0.0, "0"), (-2.5, "-2.5"),
  (0.05, "0.05"), (100, "100"), (1.999, "2"), (Double.nan, "nan"), (Double.infinity, "inf"),
  (-Double.infinity, "-inf"),
])
func fixedFormatting(value: Double, expected: String) {
  #expect(NumberFormat.fixed(value) == expected)
}

@Test func fixedHonoursDigitsAndPadsInnerZeros() {
  #expect(NumberFormat.fixed(1.0005, maxFractionDigits: 4) == "1.0005")
  #expect(NumberFormat.fixed(0.70710678, maxFractionDigits: 4) == "0.7071")
  #expect(NumberFormat.fixed(7.4, maxFractionDigits: 0) == "7")
}

@Test func fixedPadsToTheMinimumFractionDigits() {
  #expect(NumberFormat.fixed(3, maxFractionDigits: 4, minFractionDigits: 1) == "3.0")
  #expect(NumberFormat.fixed(0.87744, maxFractionDigits: 4, minFractionDigits: 1) == "0.8774")
  #expect(NumberFormat.fixed(1.5, maxFractionDigits: 2, minFractionDigits: 2) == "1.50")
  #expect(NumberFormat.fixed(0.004, maxFractionDigits: 2, minFractionDigits: 2) == "0.00")
  #expect(NumberFormat.fixed(12.345, maxFractionDigits: 2, minFractionDigits: 2) == "12.35")
}

@Test(arguments: [
  (0.000123, "1.23e-4"), (1_234_567.0, "1.23e6"), (0.5, "0.5"), (42.0, "42"), (0, "0"),
  (0.01234, "0.0123"), (123.456, "123"), (-3.14159, "-3.14"),
])
func compactFormatting(value: Double, expected: String) {
  #expect(NumberFormat.compact(value) == expected)
}
