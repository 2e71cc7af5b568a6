let img = Tensor.arange(32).reshaped([2, 4, 4])
print(conv2d(img, Tensor.ones([2, 1, 2, 2]), bias: Tensor([0, 100]), stride: 2, groups: 2).array)
print(conv2d(img, Tensor.ones([1, 2, 2, 2]), dilation: 2).array, conv2d(Tensor.ones([1, 4, 4]), Tensor.ones([2, 1, 3, 3]), padding: 1).shape)
// expect: [[[10.0, 18.0], [42.0, 50.0]], [[174.0, 182.0], [206.0, 214.0]]]
// expect: [[[104.0, 112.0], [136.0, 144.0]]] [2, 4, 4]
// ---
print(convTranspose2d(Tensor([[[1, 2]]]), Tensor([[[[1, 10]]]]), stride: 2).array)
print(maxPool2D(Tensor([[1, 2], [3, 4]]), size: 2, stride: 1, padding: 1).array, avgPool2D(Tensor([[1, 2], [3, 4]]), size: 2, stride: 2, padding: 1).array)
print(upsample(Tensor([[1, 2]]), scale: 2).array, upsample(Tensor([[1, 2]]), scale: 2, mode: .bilinear).array)
// expect: [[[1.0, 10.0, 2.0, 20.0]]]
// expect: [[1.0, 2.0, 2.0], [3.0, 4.0, 4.0], [3.0, 4.0, 4.0]] [[0.25, 0.5], [0.75, 1.0]]
// expect: [[1.0, 1.0, 2.0, 2.0], [1.0, 1.0, 2.0, 2.0]] [[1.0, 1.25, 1.75, 2.0], [1.0, 1.25, 1.75, 2.0]]
// ---
print(linear(Tensor([[1, 2]]), Tensor([[1, 1], [0, 1]]), bias: Tensor([0, 10])).array, flatten(Tensor.zeros([2, 3, 4])).shape)
print(dropout(Tensor.ones([8]), p: 0.5, seed: 1).scalars, dropout(Tensor.ones([3]), training: false).scalars)
// expect: [[3.0, 12.0]] [2, 12]
// expect: [0.0, 0.0, 0.0, 2.0, 0.0, 2.0, 2.0, 2.0] [1.0, 1.0, 1.0]
// ---
let runningMean = Tensor.zeros([2]), runningVariance = Tensor.ones([2])
let normed = batchNorm(Tensor([[1, 2], [3, 6]]), mean: runningMean, variance: runningVariance, training: true)
print(normed.array.map { $0.map { ($0 * 1000).rounded() } }, runningMean.scalars, runningVariance.scalars)
// expect: [[-1000.0, -1000.0], [1000.0, 1000.0]] [0.2, 0.4] [1.1, 1.7]
// ---
let logits = Tensor([[2, 0], [0, 2], [3, 1]])
let labels = Tensor([0, 1, 1])
print(crossEntropy(logits, labels, reduction: .none).scalars, crossEntropy(logits, labels, reduction: .sum).scalars)
print(nllLoss(logits.logSoftmax(axis: 1), labels).scalars, mseLoss(Tensor([1, 2]), Tensor([1, 4]), reduction: .none).scalars)
print(binaryCrossEntropy(logits: Tensor([0, 0]), targets: Tensor([0, 1])).scalars, oneHot(Tensor([2, 0]), classes: 3).array, accuracy(logits, labels))
// expect: [0.12692809, 0.12692809, 2.126928] [2.3807843]
// expect: [0.7935948] [0.0, 4.0]
// expect: [0.6931472] [[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]] 0.6666666666666666
// ---
let w = Tensor([2], requiresGrad: true)
let frozen = withoutGradients { w * 3 }
let (value, slope) = valueWithGradient(at: Tensor([3])) { x in (x * x).sum() }
let both = gradient(at: [Tensor([1, 2]), Tensor([3, 4])]) { a, b in (a * b).sum() }
print(frozen.requiresGrad, (w * 3).requiresGrad, gradient(at: Tensor([1, 2, 3])) { x in (x * x).sum() }.scalars, value.scalars, slope.scalars, both.map { $0.scalars }, w.grad == nil)
// expect: false true [2.0, 4.0, 6.0] [9.0] [6.0] [[3.0, 4.0], [1.0, 2.0]] true
// ---
gradient(at: Tensor([1, 2])) { x in x * 2 }
// error:
// TypeError: gradient: the closure must return a tensor with one element (a scalar such as a loss), got shape [2]
//  --> cell7:1:1
//   |
// 1 | gradient(at: Tensor([1, 2])) { x in x * 2 }
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
//   = hint: reduce it inside the closure, e.g. { x in (x * x).sum() }
// ---
conv2d(img, Tensor.ones([2, 1, 2, 2]))
// error:
// ShapeError: shape mismatch: conv2d weight [2, 1, 2, 2] expects 1 input channels, input [1, 2, 4, 4] has 2
//  --> cell8:1:1
//   |
// 1 | conv2d(img, Tensor.ones([2, 1, 2, 2]))
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
//   = hint: check the shapes with `.shape`
// ---
crossEntropy(logits, Tensor([0, 1, 2]), reduction: .sum)
// error:
// ShapeError: crossEntropy needs scores [N, K] and N labels in 0..<K, got [3, 2] and 3 labels
//  --> cell9:1:1
//   |
// 1 | crossEntropy(logits, Tensor([0, 1, 2]), reduction: .sum)
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
// ---
batchNorm(Tensor([[1, 2], [3, 6]]))
// error:
// ValueError: batchNorm without training: true needs the running mean: and variance: tensors
//  --> cell10:1:1
//   |
// 1 | batchNorm(Tensor([[1, 2], [3, 6]]))
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
// ---
// An input without elements whose other sizes multiply past Int.max (fuzz find): an empty output,
// in training only when there are no channels; gradients of an empty input are empty.
let huge = Tensor.random([1048577, 0, 4611686018427387904, 4611686018427387904])
let flat = Tensor.random([7, 3, 0, 5])
let normed = batchNorm(flat, mean: Tensor.zeros([3]), variance: Tensor.ones([3]), training: false)
let flatGradient = gradient(at: flat) { x in batchNorm(x, mean: Tensor.zeros([3]), variance: Tensor.ones([3]), weight: Tensor.ones([3]), training: false).sum() }
print(batchNorm(huge, training: true).shape, normed.shape, flatGradient.shape)
// expect: [1048577, 0, 4611686018427387904, 4611686018427387904] [7, 3, 0, 5] [7, 3, 0, 5]
// ---
// Pooling and upsampling of such an input: empty results and gradients, or a clear error when the
// scaled size itself cannot exist (the sweep after the batchNorm find).
let hollow = Tensor.random([1048577, 0, 4611686018427387904, 4611686018427387904])
print(maxPool2D(hollow, size: 2).shape, gradient(at: hollow) { x in maxPool2D(x, size: 2).sum() }.shape)
// expect: [1048577, 0, 2305843009213693952, 2305843009213693952] [1048577, 0, 4611686018427387904, 4611686018427387904]
print(AdaptiveAvgPool2D(1)(hollow).shape, upsample(hollow, scale: 1).shape)
// expect: [1048577, 0, 1, 1] [1048577, 0, 4611686018427387904, 4611686018427387904]
print(upsample(Tensor.random([2, 1, 0, 4611686018427387904]), scale: 2).shape)
// error:
// ValueError: invalid argument: upsample: [2, 1, 0, 4611686018427387904] scaled by 2 is larger than any tensor can be
//  --> cell12:8:7
//   |
// 8 | print(upsample(Tensor.random([2, 1, 0, 4611686018427387904]), scale: 2).shape)
//   |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
// ---
// Showing an empty rank-4 tensor with a huge first axis: text, not a grid of filters (fuzz find).
display(Tensor.random([2, 1]) + Tensor.random([4611686018427387905, 0, 2, 1]))
// expect: Tensor(shape: [4611686018427387905, 0, 2, 1])
// expect: [[[[]]]]
