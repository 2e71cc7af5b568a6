// The notebooks' cells in miniature (small data, few epochs).
%seed 7
let shapes = SyntheticShapes(count: 40, size: 32, seed: 7)
let split = shapes.split(trainFraction: 0.8, seed: 7)
split.train.count
// expect: 32
// ---
imageGrid([shapes[0].image, shapes[0].mask, shapes[1].image, shapes[1].mask],
          titles: ["image", "mask", "image", "mask"])
// expect: imageGrid of 4 images: image, mask, image, mask
// ---
let net = UNet(inChannels: 1, classes: 2, baseWidth: 4, depth: 2, padding: .same)
net.summary(input: [1, 32, 32]).outputShape
// expect: [2, 32, 32]
// ---
let unetHistory = net.fit(split.train, epochs: 1, batchSize: 8, optimizer: Adam(learningRate: 3e-3),
                          loss: .crossEntropy, validation: split.test, metrics: [.iou], seed: 7);
let result = net.evaluate(split.test, metrics: [.iou])
result.iou != nil
// expect: true
// ---
var panels: [Tensor] = []
for sample in [split.test[0], split.test[1]] {
    panels.append(sample.image)
    panels.append(sample.mask)
    panels.append(net.predictMask(sample.image))
}
imageGrid(panels, columns: 3, titles: ["input", "true mask", "predicted", "input", "true mask", "predicted"])
// expect: imageGrid of 6 images: input, true mask, predicted, input, true mask, predicted
// ---
net.predictMask(split.test[0].image).shape
// expect: [1, 32, 32]
// ---
let exploding = PlainNet(depth: 8, activation: .tanh, batchNorm: false, weightScale: 4.0)
let calm = PlainNet(depth: 8, activation: .tanh, batchNorm: false)
let data = FashionMNIST(padding: 2)
let batch = data.train.batch(16)
gradientNorms(exploding, on: batch).norms[0] > gradientNorms(calm, on: batch).norms[0]
// expect: true
// ---
let h1 = LeNet5().fit(data.train.prefix(64), batchSize: 32)
let h2 = LeNet5().fit(data.train.prefix(64), batchSize: 32, optimizer: Adam(learningRate: 1e-3))
compareHistories(["classic": h1, "modern": h2])
// expect: classic: final loss 2.3187, accuracy 0.0313
// expect: modern: final loss 2.2961, accuracy 0.0781
// ---
let alexnet = AlexNet()
for (name, model) in [("AlexNet", alexnet), ("LeNet-5", LeNet5())] {
    print("\(name): \(model.parameterCount) parameters")
}
// expect: AlexNet: 61100840 parameters
// expect: LeNet-5: 61706 parameters
// ---
assert(alexnet.parameterCount == 61_100_840, "AlexNet has 61,100,840 parameters in torchvision")
assert(LeNet5().parameterCount == 1, "LeNet-5 has 61,706 parameters")
// error:
// AssertionError: assert failed: LeNet-5 has 61,706 parameters
//  --> cell10:2:1
//   |
// 2 | assert(LeNet5().parameterCount == 1, "LeNet-5 has 61,706 parameters")
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
