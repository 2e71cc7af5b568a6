let x = Tensor([[1, 5, 3], [4, 2, 6]])
print(x.sum().item, x.sum(axis: 0).scalars, x.sum(axis: 1, keepDims: true).shape, x.sum(axis: [0, 1]).item)
// expect: 21.0 [5.0, 7.0, 9.0] [2, 1] 21.0
// ---
print(x.mean(axis: 0).scalars, x.mean(axis: -1).scalars)
// expect: [2.5, 3.5, 4.5] [3.0, 4.0]
// ---
print(x.max(), x.min(), x.max(axis: 0).scalars, x.min(axis: 1).scalars)
// expect: 6.0 1.0 [4.0, 5.0, 6.0] [1.0, 2.0]
// ---
print(x.argmax(), x.argmin(), x.argmax(axis: 1).scalars, x.argmin(axis: 0).scalars, x.argmax(axis: 1, keepDims: true).shape)
// expect: 5 0 [1.0, 2.0] [0.0, 1.0, 0.0] [2, 1]
// ---
print(x.variance(axis: 0).scalars, x.variance(axis: 1, unbiased: true).scalars)
// expect: [2.25, 2.25, 2.25] [4.0, 4.0]
// ---
print(x.standardDeviation(axis: 0).scalars, x.product(axis: 1).scalars, x.product().item)
// expect: [1.5, 1.5, 1.5] [15.0, 48.0] 720.0
// ---
print(x.cumulativeSum(axis: 1).scalars, x.cumulativeSum().scalars)
// expect: [1.0, 6.0, 9.0, 4.0, 6.0, 12.0] [1.0, 6.0, 9.0, 13.0, 15.0, 21.0]
// ---
print(Tensor([3, 4]).norm().item, Tensor([[3, 4], [6, 8]]).norm(axis: 1).scalars)
// expect: 5.0 [5.0, 10.0]
// ---
let positive = x .> 2
print(positive.any(), positive.all(), positive.any(axis: 1), positive.all(axis: 0))
// expect: true false [true, true] [false, false, true]
// ---
print(positive.sum().item, positive.mean(axis: 0).scalars)
// expect: 4.0 [0.5, 0.5, 1.0]
// ---
let w = Tensor([[1, 5, 3], [4, 2, 6]], requiresGrad: true)
w.max(axis: 1).sum().backward()
w.grad!.array
// expect: [[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]
// ---
x.sum(axis: 2)
// error:
// IndexError: Tensor.sum: axis 2 is out of range for a tensor of shape [2, 3]
//  --> cell12:1:1
//   |
// 1 | x.sum(axis: 2)
//   | ^~~~~~~~~~~~~~
//   = hint: valid axes are 0..<2 (or -2..<0 from the end)
// ---
x.mean(axes: 0)
// error:
// TypeError: Tensor.mean has no argument label 'axes:'
//  --> cell13:1:1
//   |
// 1 | x.mean(axes: 0)
//   | ^~~~~~~~~~~~~~~
//   = hint: did you mean 'axis:'? the signature is Tensor.mean(axis: Int or [Int]?, keepDims: Bool)
