let x = Tensor([[1, 2, 3], [4, 5, 6]])
print(x.padded([[1, 1]]).array)
print(x.padded([[1, 0], [0, 2]], value: -1).array)
// expect: [[0.0, 1.0, 2.0, 3.0, 0.0], [0.0, 4.0, 5.0, 6.0, 0.0]]
// expect: [[-1.0, -1.0, -1.0, -1.0, -1.0], [1.0, 2.0, 3.0, -1.0, -1.0], [4.0, 5.0, 6.0, -1.0, -1.0]]
// ---
x.padded([[1, 1], [2, 2]], mode: .reflect).array
// expect: [[6.0, 5.0, 4.0, 5.0, 6.0, 5.0, 4.0], [3.0, 2.0, 1.0, 2.0, 3.0, 2.0, 1.0], [6.0, 5.0, 4.0, 5.0, 6.0, 5.0, 4.0], [3.0, 2.0, 1.0, 2.0, 3.0, 2.0, 1.0]]
// ---
print(x.repeated(2, axis: 1).array, x.repeated(2).scalars)
print(x.tiled([2, 1]).array, x.tiled([2]).array, Tensor([1, 2]).tiled([2, 2]).shape)
// expect: [[1.0, 1.0, 2.0, 2.0, 3.0, 3.0], [4.0, 4.0, 5.0, 5.0, 6.0, 6.0]] [1.0, 1.0, 2.0, 2.0, 3.0, 3.0, 4.0, 4.0, 5.0, 5.0, 6.0, 6.0]
// expect: [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [1.0, 2.0, 3.0], [4.0, 5.0, 6.0]] [[1.0, 2.0, 3.0, 1.0, 2.0, 3.0], [4.0, 5.0, 6.0, 4.0, 5.0, 6.0]] [2, 4]
// ---
let (values, indices) = Tensor([[3, 1, 4, 1, 5], [9, 2, 6, 5, 3]]).topK(2)
let (low, at) = Tensor([[3, 1, 4], [9, 2, 6]]).topK(1, axis: 0, largest: false)
print(values.array, indices.array, low.array, at.array)
// expect: [[5.0, 4.0], [9.0, 6.0]] [[4.0, 2.0], [0.0, 2.0]] [[3.0, 1.0, 4.0]] [[0.0, 0.0, 0.0]]
// ---
let r = Tensor.arange(6)
print(r[stride(from: 0, to: 6, by: 2)].scalars, r[stride(from: 5, to: -1, by: -2)].scalars, x[..., [2, 0]].array, x[[1, 1]].shape)
// expect: [0.0, 2.0, 4.0] [5.0, 3.0, 1.0] [[3.0, 1.0], [6.0, 4.0]] [2, 3]
// ---
let m = r .> 1
print(m.elementsLogicalAnd(r .< 4), logicalOr(r .< 1, r .> 4), logicalNot(m))
// expect: [false, false, true, true, false, false] [true, false, false, false, false, true] [true, true, false, false, false, false]
// ---
let odd = Tensor([1, 0, -1]) / 0
print(odd.isNaN, odd.isFinite, odd.isInfinite, odd[odd.isFinite.elementsLogicalNot()].count)
// expect: [false, true, false] [false, false, false] [true, false, true] 3
// ---
let leaf = Tensor([1, 2, 3], requiresGrad: true)
let (top, _) = leaf.topK(2)
(leaf.padded([[2, 1]], mode: .reflect).sum() + leaf.tiled([2]).sum() + top.sum()).backward()
leaf.grad!.scalars
// expect: [3.0, 6.0, 5.0]
// ---
x.padded([[3, 3]], mode: .reflect)
// error:
// ValueError: padded(mode: .reflect): padding [3, 3] must be below the size 3 of axis 1
//  --> cell9:1:1
//   |
// 1 | x.padded([[3, 3]], mode: .reflect)
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
// ---
r[[0, 6]]
// error:
// IndexError: index 6 is out of range for axis 0 of size 6 (shape [6])
//  --> cell10:1:1
//   |
// 1 | r[[0, 6]]
//   | ^~~~~~~~~
// ---
logicalAnd(r, m)
// error:
// TypeError: logicalAnd needs Bool tensors (masks), got a numeric Tensor
//  --> cell11:1:1
//   |
// 1 | logicalAnd(r, m)
//   | ^~~~~~~~~~~~~~~~
//   = hint: make a mask with a pointwise comparison such as x .> 0
// ---
x.topK(4)
// error:
// ValueError: Tensor.topK: 'k' must be in 0...3, got 4
//  --> cell12:1:1
//   |
// 1 | x.topK(4)
//   | ^~~~~~~~~
// ---
let none = Tensor.zeros([65535, 5, 2147483648, 0, 2])
print(none.tiled([3, 1]).shape, none.repeated(4, axis: 4).shape, none.topK(0, axis: 2).0.shape)
// expect: [65535, 5, 2147483648, 0, 2] [65535, 5, 2147483648, 0, 8] [65535, 5, 0, 0, 2]
// ---
// A zero multiple after large ones: the result is empty, and so is every step to it (fuzz find).
print(Tensor.random([2, 2, 2, 65535]).tiled([2, 2, 2, 46341, 0]).shape, Tensor([1, 2]).tiled([0, 3]).shape)
// expect: [2, 4, 4, 92682, 0] [0, 6]
