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
// ---
struct Square: Shape {
    var side: Double
    var kind: String { "square of side \(side)" }
    func area() -> Double { side * side }
}
struct Circle: Shape {
    var r: Double
    func area() -> Double { 3 * r * r }
}
print(Square(side: 2).kind, Circle(r: 1).kind, Circle(r: 1).scaled(2), Square(side: 2).area())
// expect: square of side 2.0 Circle Circle ×2.0 4.0
// ---
Circle(r: 1).kinds
// error:
// NameError: value of type 'Circle' has no member 'kinds'
//  --> cell4:1:14
//   |
// 1 | Circle(r: 1).kinds
//   |              ^~~~~
//   = hint: did you mean 'kind'?
