%seed 42
let data = FashionMNIST(padding: 2)
let small = data.train.prefix(128)
func makeLeNet() -> Sequential {
    return Sequential(input: [1, 32, 32]) {
        Conv2D(6, kernel: 5, activation: .tanh)
        AvgPool2D(2)
        Conv2D(16, kernel: 5, activation: .tanh)
        AvgPool2D(2)
        Flatten()
        Dense(120, activation: .tanh)
        Dense(84, activation: .tanh)
        Dense(10)
    }
}
let lenet = makeLeNet()
let history = lenet.fit(small, epochs: 2, batchSize: 64,
                        optimizer: SGD(learningRate: 0.05, momentum: 0.9),
                        loss: .crossEntropy, validation: data.test.prefix(128), seed: 42);
history.epochs
// expect: 2
// ---
history.finalLoss < 2.4
// expect: true
// ---
%seed 42
let again = makeLeNet()
let history2 = again.fit(small, epochs: 2, batchSize: 64,
                         optimizer: SGD(learningRate: 0.05, momentum: 0.9),
                         loss: .crossEntropy, validation: data.test.prefix(128), seed: 42);
print(history2.loss == history.loss)
// expect: true
// ---
let evaluation = lenet.evaluate(data.test.prefix(200))
evaluation.count == 200 && evaluation.accuracy >= 0 && evaluation.accuracy <= 1
// expect: true
// ---
evaluation.confusionMatrix.count
// expect: 10
// ---
let opt = Adam(lenet, learningRate: 1e-3)
var losses: [Double] = []
for (i, batch) in small.batches(size: 64).enumerated() {
    opt.zeroGrad()
    let loss = crossEntropy(lenet(batch.images), batch.labels)
    loss.backward()
    opt.step()
    losses.append(loss.item)
}
losses.count
// expect: 2
// ---
lenet.save("/tmp/stride-runtime-fixture.safetensors")
let copy = makeLeNet()
copy.load("/tmp/stride-runtime-fixture.safetensors")
print(copy.evaluate(data.test.prefix(100)).accuracy == lenet.evaluate(data.test.prefix(100)).accuracy)
// expect: true
// ---
LeNet5(classes: 3).load("/tmp/stride-runtime-fixture.safetensors")
// error:
// CheckpointError: tensor '7.bias' has shape [10] in the checkpoint but [3] in the model: the architectures differ
//  --> cell8:1:1
//   |
// 1 | LeNet5(classes: 3).load("/tmp/stride-runtime-fixture.safetensors")
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
//   = hint: load a checkpoint into the same architecture that saved it
// ---
gradientNorms(lenet, on: data.train.batch(32)).norms.count
// expect: 5
// ---
let runs = compare([makeLeNet(), makeLeNet()], names: ["a", "b"], on: small, epochs: 1, batchSize: 64, seed: 1)
runs.histories.count
// expect: 2
// ---
lenet.featureMaps(data.test[0]).maps.count
// expect: 5
// ---
lenet.load("/tmp/no-such-checkpoint.safetensors")
// error:
// FileNotFoundError: could not read /tmp/no-such-checkpoint.safetensors: No such file or directory
//  --> cell12:1:1
//   |
// 1 | lenet.load("/tmp/no-such-checkpoint.safetensors")
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
//   = hint: save a model first with model.save("/tmp/no-such-checkpoint.safetensors")
// ---
for (name, history) in runs.histories { print(name, history.trainingError(window: 2).count, history.batchAccuracy.count) }
// expect: a 2 2
// expect: b 2 2
// ---
runs.plotTrainingError(window: 0)
// error:
// ValueError: window must be in 1...1000000, got 0
//  --> cell14:1:1
//   |
// 1 | runs.plotTrainingError(window: 0)
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
