/// LeNet-5 training and inference: written once the NN layers land (see the report).
enum LeNetBench {
  static func run(_ o: BenchOptions) throws {
    Report.line(["engine": .string("stride"), "bench": .string("lenet"), "skipped": .string("not written yet")])
  }
}
