import Tensor
import Testing

@testable import NN

@Suite struct DataDatasetTests {
  /// Ten 1×2×2 images whose pixels all equal their index, labelled index % 3.
  func tiny() throws -> Dataset {
    try Dataset(
      images: (0..<10).flatMap { [Float](repeating: Float($0), count: 4) }, sampleShape: [1, 2, 2],
      targets: (0..<10).map { Int32($0 % 3) }, targetShape: [], classNames: ["a", "b", "c"],
      name: "tiny")
  }

  func ids(_ d: Dataset) -> [Int] {
    (0..<d.count).map { i in
      var px = [Float](repeating: 0, count: 4)
      d.copyImage(at: i, into: &px, offset: 0)
      return Int(px[0])
    }
  }

  @Test func subsetKeepsOrderAndRejectsBadRanges() throws {
    let d = try tiny()
    #expect(ids(try d.subset(2..<5)) == [2, 3, 4])
    #expect(try d.subset(2..<5).label(at: 0) == 2)
    #expect(throws: DataError.self) { try d.subset(5..<11) }
    #expect(throws: DataError.self) { try d.subset(3..<3) }
  }

  @Test func shufflingIsSeededAndAPermutation() throws {
    let d = try tiny()
    #expect(ids(d.shuffled(seed: 1)) == ids(d.shuffled(seed: 1)))
    #expect(ids(d.shuffled(seed: 1)) != ids(d.shuffled(seed: 2)))
    #expect(ids(d.shuffled(seed: 1)).sorted() == Array(0..<10))
  }

  @Test func splitIsDisjointAndComplete() throws {
    let parts = try tiny().split(trainFraction: 0.8, seed: 3)
    let (train, validation) = (parts.train, parts.validation)
    #expect(train.count == 8 && validation.count == 2)
    #expect(Set(ids(train)).isDisjoint(with: ids(validation)))
    #expect(Set(ids(train) + ids(validation)) == Set(0..<10))
    #expect(throws: DataError.self) { try tiny().split(trainFraction: 1, seed: 0) }
    let d = try tiny()
    #expect(ids(d.prefix(3)) == [0, 1, 2] && d.prefix(99).count == 10)
  }

  @Test func mismatchedCountsAreAnError() {
    #expect(throws: DataError.self) {
      try Dataset(
        images: [0, 0, 0, 0], sampleShape: [1, 2, 2], targets: [0, 1], targetShape: [],
        classNames: ["a", "b"], name: "")
    }
    #expect(throws: DataError.self) {
      try Dataset(
        images: [0, 0, 0, 0], sampleShape: [1, 2, 2], targets: [5], targetShape: [],
        classNames: ["a"], name: "")
    }
  }

  @Test func flipMirrorsRowsAndCropShifts() {
    #expect(Augmentation.flipped([1, 2, 3, 4, 5, 6], planes: 1, h: 2, w: 3) == [3, 2, 1, 6, 5, 4])
    // dy = 1, dx = -1: out[y][x] = in[y+1][x-1], zero outside.
    #expect(
      Augmentation.shifted(
        [1, 2, 3, 4, 5, 6, 7, 8, 9], planes: 1, h: 3, w: 3, dy: 1, dx: -1, fill: 0) == [
          0, 4, 5, 0, 7, 8, 0, 0, 0,
        ])
  }

  @Test func augmentationMovesMasksWithImages() {
    var rng = SplitMix64(seed: 5)
    for _ in 0..<20 {
      var image: [Float] = [1, 0, 0, 0, 0, 0, 0, 0, 0]
      var mask: [Int]? = [1, 0, 0, 0, 0, 0, 0, 0, 0]
      Augmentation.randomCrop(padding: 1).apply(
        image: &image, mask: &mask, shape: [1, 3, 3], rng: &rng)
      Augmentation.horizontalFlip.apply(image: &image, mask: &mask, shape: [1, 3, 3], rng: &rng)
      #expect(image.map { Int($0) } == mask)
    }
  }

  @Test func syntheticShapesAreSeededWithMatchingMasks() throws {
    let a = try SyntheticShapes.dataset(count: 4, size: 16, seed: 9)
    let b = try SyntheticShapes.dataset(count: 4, size: 16, seed: 9)
    let c = try SyntheticShapes.dataset(count: 4, size: 16, seed: 10)
    #expect(a.storage.images == b.storage.images && a.storage.targets == b.storage.targets)
    #expect(a.storage.images != c.storage.images)
    #expect(a.sampleShape == [1, 16, 16] && a.targetShape == [16, 16] && a.isSegmentation)
    let foreground = a.storage.targets.filter { $0 == 1 }.count
    #expect(foreground > 0 && foreground < a.storage.targets.count / 2)
    // Shape pixels are brighter on average than background pixels.
    let pairs = zip(a.storage.images, a.storage.targets)
    let fg = pairs.filter { $0.1 == 1 }.map(\.0).reduce(0, +) / Float(foreground)
    let bg =
      pairs.filter { $0.1 == 0 }.map(\.0).reduce(0, +) / Float(a.storage.targets.count - foreground)
    #expect(fg > bg + 0.4)
  }
}
