let x = Tensor.arange(12).reshaped([3, -1])
print(x.shape, x.reshaped([-1, 6]).shape, x.flattened().shape)
// expect: [3, 4] [2, 6] [12]
// ---
let c = Tensor.arange(24).reshaped([2, 3, 4])
print(c.flattened(from: 1).shape, c.permuted([2, 0, 1]).shape, c.transposed().shape)
// expect: [2, 12] [4, 2, 3] [2, 4, 3]
// ---
let s = Tensor([[[1], [2]]])
print(s.shape, s.squeezed().shape, s.squeezed(axis: 0).shape, s.expanded(at: -1).shape, Tensor([1, 2]).expanded(at: 0).shape)
// expect: [1, 2, 1] [2] [2, 1] [1, 2, 1, 1] [1, 2]
// ---
Tensor([1, 2, 3]).broadcast(to: [2, 3]).array
// expect: [[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]]
// ---
let a = Tensor([[1, 2], [3, 4]])
let b = Tensor([[5, 6]])
print(concatenate([a, b]).array, a.concatenated(with: b.transposed(), axis: 1).array)
// expect: [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]] [[1.0, 2.0, 5.0], [3.0, 4.0, 6.0]]
// ---
print(stack([a, a * 10]).shape, stack([a, a * 10], axis: 2).array)
// expect: [2, 2, 2] [[[1.0, 10.0], [2.0, 20.0]], [[3.0, 30.0], [4.0, 40.0]]]
// ---
let parts = Tensor.arange(5).split(sizes: [2, 3])
let chunks = Tensor.arange(5).chunked(2)
print(parts.map { $0.scalars }, chunks.map { $0.scalars }, x.chunked(2, axis: 1)[1].shape)
// expect: [[0.0, 1.0], [2.0, 3.0, 4.0]] [[0.0, 1.0, 2.0], [3.0, 4.0]] [3, 2]
// ---
print(x[1..<3, 1].scalars, x[..., 0].scalars, x[-1].scalars)
// expect: [5.0, 9.0] [0.0, 4.0, 8.0] [8.0, 9.0, 10.0, 11.0]
// ---
var grid = Tensor.zeros([3, 4])
grid[0, 1..<3] = Tensor([7, 8])
grid[2] = 1
grid[..., 3] = Tensor([4, 5, 6])
grid.array
// expect: [[0.0, 7.0, 8.0, 4.0], [0.0, 0.0, 0.0, 5.0], [1.0, 1.0, 1.0, 6.0]]
// ---
let leaf = Tensor([1, 2, 3], requiresGrad: true)
var v = leaf * 1
v[1] = 10
(v * v).sum().backward()
print(v.scalars, leaf.grad!.scalars)
// expect: [1.0, 10.0, 3.0] [2.0, 0.0, 6.0]
// ---
x[3]
// error:
// IndexError: index 3 is out of range for axis 0 of size 3 (shape [3, 4])
//  --> cell11:1:1
//   |
// 1 | x[3]
//   | ^~~~
// ---
x.permuted([0, 0])
// error:
// ValueError: permuted: [0, 0] is not a permutation of the 2 axes of shape [3, 4]
//  --> cell12:1:1
//   |
// 1 | x.permuted([0, 0])
//   | ^~~~~~~~~~~~~~~~~~
// ---
x.reshaped([5, -1])
// error:
// ShapeError: cannot reshape 12 elements into [5, -1]
//  --> cell13:1:1
//   |
// 1 | x.reshaped([5, -1])
//   | ^~~~~~~~~~~~~~~~~~~
// ---
Tensor.arange(5).chunked(0)
// error:
// ValueError: Tensor.chunked: 'count' must be in 1...5, got 0
//  --> cell14:1:1
//   |
// 1 | Tensor.arange(5).chunked(0)
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~
// ---
leaf[0] = 5
// error:
// ValueError: cannot assign into a tensor that requires gradients (a leaf of the gradient graph)
//  --> cell15:1:1
//   |
// 1 | leaf[0] = 5
//   | ^~~~~~~
//   = hint: assign before setting requiresGrad, or into a copy: var u = t.detached()
