// Host objects: operators, subscripts and slices, assignment through subscripts, iteration.
var v = Vector([1, 2, 3])
print(v + v, v * 2, 10 - v, -v)
// expect: Vector([2.0, 4.0, 6.0]) Vector([2.0, 4.0, 6.0]) Vector([9.0, 8.0, 7.0]) Vector([-1.0, -2.0, -3.0])
print(v[0], v[1..<3], v[...])             // expect: 1.0 Vector([2.0, 3.0]) Vector([1.0, 2.0, 3.0])
v[0] = 7
var sum = 0.0
for x in v { sum += x }
print(sum)                                // expect: 12.0
// ---
Vector([1, 2]) + Vector([1, 2, 3])
// error:
// ShapeError: cannot combine vectors of sizes 2 and 3
//  --> cell2:1:1
//   |
// 1 | Vector([1, 2]) + Vector([1, 2, 3])
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
//   = hint: both operands need the same size