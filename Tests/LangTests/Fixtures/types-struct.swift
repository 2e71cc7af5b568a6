struct Point: Equatable, Hashable {
    var x: Int
    var y: Int = 0
    static let origin = Point(x: 0, y: 0)
    var sum: Int { x + y }
    mutating func move(by d: Int) { x += d; y += d }
    func scaled(_ k: Int) -> Point { Point(x: x * k, y: y * k) }
}
var p = Point(x: 1, y: 2)
print(p)
let q = Point(x: 5)
print(q, q.sum, Point.origin)
p.move(by: 3)
print(p)
var r = p
r.x = 100
print(p.x, r.x)
print(p == Point(x: 4, y: 5), p != r)
print(p.scaled(2))
let s: Set<Point> = [p, p, r]
print(s.count)
var d: [Point: String] = [p: "p"]
print(d[p]!)
struct Temp: CustomStringConvertible {
    var celsius: Double { didSet { print("changed from \(oldValue) to \(celsius)") } }
    var fahrenheit: Double {
        get { celsius * 9 / 5 + 32 }
        set { celsius = (newValue - 32) * 5 / 9 }
    }
    var description: String { "\(celsius)°C" }
    init(c: Double) { celsius = c }
}
var t = Temp(c: 20)
t.fahrenheit = 212
print(t, "is \(t)")
struct Card: Comparable { let rank: Int
    static func < (a: Card, b: Card) -> Bool { a.rank < b.rank } }
print([Card(rank: 3), Card(rank: 1)].sorted(), Card(rank: 2) > Card(rank: 1))
// expect: Point(x: 1, y: 2)
// expect: Point(x: 5, y: 0) 5 Point(x: 0, y: 0)
// expect: Point(x: 4, y: 5)
// expect: 4 100
// expect: true true
// expect: Point(x: 8, y: 10)
// expect: 2
// expect: p
// expect: changed from 20.0 to 100.0
// expect: 100.0°C is 100.0°C
// expect: [Card(rank: 1), Card(rank: 3)] true
// ---
let fixed = Point(x: 1, y: 1)
fixed.move(by: 1)
// error:
// TypeError: cannot use mutating member 'move' on 'fixed': it is a 'let' constant
//  --> cell2:2:1
//   |
// 2 | fixed.move(by: 1)
//   | ^~~~~
//   = hint: declare it with 'var fixed' to change it
// ---
struct Plain { var v = 1 }
print(Plain() == Plain())
// error:
// TypeError: operator '==' cannot be applied to two 'Plain' values
//  --> cell3:2:7
//   |
// 2 | print(Plain() == Plain())
//   |       ^~~~~~~~~~~~~~~~~~
//   = hint: declare 'Plain: Equatable' to compare them
// ---
// A later cell redefines a type: new values use the new definition.
struct Point { var x = 0, y = 0, z = 0 }
print(Point(z: 3))
// expect: Point(x: 0, y: 0, z: 3)
// ---
struct Frozen { let id: Int; var note = "" }
var f = Frozen(id: 1)
f.id = 2
// error:
// TypeError: cannot assign to property: 'id' is a 'let' constant
//  --> cell5:3:3
//   |
// 3 | f.id = 2
//   |   ^~
//   = hint: declare it with 'var id' in the type to change it
