let data = FashionMNIST(padding: 2)
data
// expect: FashionMNIST: train 60,000 and test 10,000 samples, images [1, 32, 32], 10 classes
// ---
data.classNames[data.test[0].label]
// expect: "Ankle boot"
// ---
data.test[0].image.shape
// expect: [1, 32, 32]
// ---
data.train.prefix(3000).count
// expect: 3000
// ---
let batch = data.train.batch(128)
batch.images.shape
// expect: [128, 1, 32, 32]
// ---
batch.labels.shape
// expect: [128]
// ---
data.train.prefix(640).batches(size: 64).count
// expect: 10
// ---
var seen = 0
for b in data.train.prefix(100).batches(size: 32) {
    seen += b.count
}
seen
// expect: 100
// ---
let shapes = SyntheticShapes(count: 60, size: 48, seed: 7)
shapes.count
// expect: 60
// ---
shapes[0].mask.shape
// expect: [48, 48]
// ---
shapes.split(trainFraction: 0.8, seed: 7).train.count
// expect: 48
// ---
FashionMNIST(path: "/no/such/directory")
// error:
// FileNotFoundError: file not found: /no/such/directory/train-images-idx3-ubyte.gz
//  --> cell12:1:1
//   |
// 1 | FashionMNIST(path: "/no/such/directory")
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
//   = hint: Install the data set with: apt-get install dataset-fashion-mnist
// ---
data.test[10000]
// error:
// IndexError: index 10000 is out of range for 10000 samples
//  --> cell13:1:1
//   |
// 1 | data.test[10000]
//   | ^~~~~~~~~~~~~~~~
