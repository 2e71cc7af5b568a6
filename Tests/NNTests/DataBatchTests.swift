import Tensor
import Testing

@testable import NN

@Suite struct DataBatchTests {
  @Test func batchesCoverEverySampleOnceWithASmallerLastBatch() throws {
    let data = try quadrantData(count: 10, seed: 60)
    let batches = try data.batches(size: 4, shuffle: true, seed: 1)
    #expect(batches.count == 3 && batches.map(\.count) == [4, 4, 2])
    #expect(batches[0].images.shape == [4, 1, 4, 4] && batches[0].labels.shape == [4])
    let seen = batches.flatMap { b in (0..<b.count).map { b.images.scalars[$0 * 16] } }
    let all = (0..<10).map { try! data[$0].image.scalars[0] }
    #expect(seen.sorted() == all.sorted())
    #expect(try data.batches(size: 4, shuffle: true, seed: 1)[1].images == batches[1].images)
    #expect(try data.batches(size: 4, shuffle: false)[0].images == data.batch(4).images)
    #expect(throws: DataError.self) { try data.batches(size: 0) }
  }

  @Test func labelsAreClassIndicesAsFloats() throws {
    let data = try quadrantData(count: 6, seed: 61)
    let batch = try data.batch(6)
    #expect(batch.labels.scalars.map { Int($0) } == batch.targets)
    #expect(batch.targets == (0..<6).map { try! data[$0].label })
    #expect(throws: DataError.self) {
      try Batch(images: Tensor(zeros: [2, 1, 2, 2]), labels: Tensor([0.5, 1]))
    }
  }

  @Test func augmentationAppliesOnlyToShuffledTrainingBatches() throws {
    let plain = try SyntheticShapes(count: 8, size: 12, seed: 62).dataset
    let augmented = plain.augmented([.horizontalFlip])
    #expect(try augmented.batches(size: 8, shuffle: false)[0].images == plain.batch(8).images)
    let a = try augmented.batches(size: 8, shuffle: true, seed: 3)[0]
    let p = try plain.batches(size: 8, shuffle: true, seed: 3)[0]
    #expect(a.images != p.images)
    #expect(a.targets != p.targets)  // masks flipped with their images
  }

  @Test func segmentationSamplesCarryTheirMasks() throws {
    let shapes = try SyntheticShapes(count: 2, size: 8, seed: 63)
    let sample = try shapes[1]
    #expect(sample.image.shape == [1, 8, 8] && sample.mask?.shape == [8, 8])
    #expect(throws: DataError.self) { try shapes[2] }
  }
}
