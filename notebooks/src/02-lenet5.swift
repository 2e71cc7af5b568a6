// %% [markdown]
// # 2. LeNet-5
//
// LeCun et al. (1998): convolution, pooling, convolution, pooling, then three fully connected
// layers. The classic network uses tanh activations and average pooling on 32x32 images. We build
// it layer by layer, check its arithmetic, and train it on Fashion-MNIST (28x28 images, padded to
// 32x32 as LeNet expects).

// %%
%seed 42
let lenet = Sequential(input: [1, 32, 32]) {
    Conv2D(6, kernel: 5, activation: .tanh)
    AvgPool2D(2)
    Conv2D(16, kernel: 5, activation: .tanh)
    AvgPool2D(2)
    Flatten()
    Dense(120, activation: .tanh)
    Dense(84, activation: .tanh)
    Dense(10)
}
lenet.parameterCount

// %% [markdown]
// The summary shows every layer's output shape, its parameters and mult-adds, and the output-size
// arithmetic with the numbers filled in: 32 → 28 → 14 → 10 → 5, then 5x5x16 = 400 inputs to the
// first dense layer.

// %%
lenet.summary()

// %%
lenet.diagram()

// %% [markdown]
// ## Training on Fashion-MNIST
// Five epochs of SGD with momentum, 60,000 images each. The progress bar and the loss chart
// update live while it trains.

// %%
let data = FashionMNIST(padding: 2)
data

// %%
let history = lenet.fit(data.train, epochs: 3, batchSize: 64,
                        optimizer: SGD(learningRate: 0.05, momentum: 0.9),
                        loss: .crossEntropy, validation: data.test, seed: 42)

// %%
history.plot()

// %% [markdown]
// ## How good is it?
// Test accuracy and the confusion matrix: which classes does LeNet mix up?

// %%
let evaluation = lenet.evaluate(data.test)
evaluation

// %%
print("test accuracy: \(evaluation.accuracy)")

// %% [markdown]
// ## What the network learned
// The first layer's six 5x5 filters, and what each layer sees of one test image.

// %%
lenet.layers[0].weight

// %%
lenet.featureMaps(data.test[0])

// %% [markdown]
// ## A modern variant
// ReLU instead of tanh, max pooling instead of average pooling, and Adam instead of SGD.
// Same data, same seed, same number of epochs.

// %%
let modern = Sequential(input: [1, 32, 32]) {
    Conv2D(6, kernel: 5, activation: .relu)
    MaxPool2D(2)
    Conv2D(16, kernel: 5, activation: .relu)
    MaxPool2D(2)
    Flatten()
    Dense(120, activation: .relu)
    Dense(84, activation: .relu)
    Dense(10)
}
let modernHistory = modern.fit(data.train, epochs: 3, batchSize: 64,
                               optimizer: Adam(learningRate: 2e-3),
                               loss: .crossEntropy, validation: data.test, seed: 42)

// %%
compareHistories(["classic LeNet-5": history, "ReLU + max pool + Adam": modernHistory])

// %%
let modernAccuracy = modern.evaluate(data.test).accuracy
print("classic: \(evaluation.accuracy), modern: \(modernAccuracy)")
