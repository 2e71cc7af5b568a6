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
// ---
// Nested values change in place; arrays of structs, copies into functions, static vars.
struct P { var x = 0, y = 0 }
struct Line { var start = P(), end = P(x: 1, y: 1) }
var line = Line()
line.start.x = 5
line.end.y += 10
print(line)
// expect: Line(start: P(x: 5, y: 0), end: P(x: 1, y: 11))
var ps = [P(), P(x: 2)]
ps[0].x += 7
ps[1].y = 3
print(ps)
// expect: [P(x: 7, y: 0), P(x: 2, y: 3)]
func bump(_ p: P) -> P { var q = p; q.x += 100; return q }
let moved = bump(ps[0])
print(ps[0].x, moved.x)
// expect: 7 107
struct Counter { static var count = 0; init() { Counter.count += 1 } }
_ = Counter(); _ = Counter()
print(Counter.count)
// expect: 2
struct Bag { var items: [Int] = []; mutating func add(_ x: Int) { items.append(x) } }
var bag = Bag()
for i in 0..<5 { bag.add(i) }
print(bag.items.count, bag)
// expect: 5 Bag(items: [0, 1, 2, 3, 4])
struct Acc { var total = 0
  func adder() -> (Int) -> Int { { x in total + x } } }
print(Acc(total: 5).adder()(3))
// expect: 8
struct Stack { private var items: [String] = []
  var isEmpty: Bool { items.isEmpty }
  mutating func push(_ s: String) { items.append(s) }
  mutating func pop() -> String? { items.popLast() } }
var st = Stack(); st.push("a"); st.push("b")
print(st.pop()!, st.isEmpty, type(of: st))
// expect: b false Stack
print([P(x: 3), P(x: 1)].sorted { $0.x < $1.x }.map { $0.x }, P(x: 1) is P)
// expect: [1, 3] true
struct Scale { var k: Double
  func callAsFunction(_ x: Double) -> Double { k * x } }
let double = Scale(k: 2)
print(double(21))
// expect: 42.0
// ---
struct Needs { var a: Int; var b: Int }
let n = Needs(a: 1)
// error:
// TypeError: missing argument 'b' in call to Needs(a:b:)
//  --> cell7:2:9
//   |
// 2 | let n = Needs(a: 1)
//   |         ^~~~~~~~~~~
//   = hint: the signature is init(a: …, b: …)
// ---
struct Half { let a: Int; let b: Int
  init(a: Int) { self.a = a } }
let h = Half(a: 1)
// error:
// TypeError: 'Half' initializer ended without setting property 'b'
//  --> cell8:2:3
//   |
// 2 |   init(a: Int) { self.a = a } }
//   |   ^~~~
//   = hint: assign 'self.b' on every path of the init
// ---
struct Shown { var v = 1 }
let shown = Shown()
shown.v = 2
// error:
// TypeError: cannot assign to 'shown': it is a 'let' constant
//  --> cell9:3:1
//   |
// 3 | shown.v = 2
//   | ^~~~~
//   = hint: declare it with 'var shown' to change it
