enum Direction: Int, CaseIterable { case north = 1, east, south, west
    var opposite: Direction {
        switch self {
        case .north: return .south
        case .south: return .north
        case .east: return .west
        case .west: return .east
        }
    }
}
print(Direction.east.rawValue, Direction(rawValue: 3)!, Direction(rawValue: 9) == nil)
print(Direction.allCases.count, Direction.north.opposite)
let d: Direction = .west
print(d, [d])
enum Shape { case circle(radius: Double), rect(w: Double, h: Double), empty
    var area: Double {
        switch self {
        case .circle(let r): return 3.0 * r * r
        case let .rect(w, h): return w * h
        case .empty: return 0
        }
    }
}
let shapes: [Shape] = [.circle(radius: 1), Shape.rect(w: 2, h: 3), .empty]
for s in shapes { print(s, s.area) }
enum Planet: String { case mercury, venus }
print(Planet.venus.rawValue, Planet(rawValue: "mercury")!)
func describe(_ n: Int) -> String {
    switch n {
    case 0: return "zero"
    case 1...9: return "small"
    case 10, 20, 30: return "round"
    case let x where x < 0: return "negative"
    default: return "big"
    }
}
print(describe(0), describe(5), describe(20), describe(-3), describe(99))
let point = (1, 0)
switch point {
case (0, 0): print("origin")
case (_, 0): print("on x")
    fallthrough
case (0, _): print("fell")
default: print("else")
}
if case .circle(let r) = shapes[0] { print("radius", r) }
for case .rect(let w, _) in shapes { print("w", w) }
func firstCircle() -> Double {
    guard case .circle(let r) = shapes[0] else { return -1 }
    return r
}
print(firstCircle())
let flag = true
switch flag { case true: print("yes"); case false: print("no") }
// expect: 2 south true
// expect: 4 south
// expect: west [Direction.west]
// expect: circle(radius: 1.0) 3.0
// expect: rect(w: 2.0, h: 3.0) 6.0
// expect: empty 0.0
// expect: venus mercury
// expect: zero small round negative big
// expect: on x
// expect: fell
// expect: radius 1.0
// expect: w 2.0
// expect: 1.0
// expect: yes
// ---
func name(_ d: Direction) -> String {
    switch d {
    case .north: return "N"
    case .east, .west: return "EW"
    }
}
// error:
// SyntaxError: switch must be exhaustive
//  --> cell2:2:5
//   |
// 2 |     switch d {
//   |     ^~~~~~
//   = hint: add missing case: '.south'
// ---
switch 4 { case 1: print("one") }
// error:
// SyntaxError: switch must be exhaustive
//  --> cell3:1:1
//   |
// 1 | switch 4 { case 1: print("one") }
//   | ^~~~~~
//   = hint: add a 'default:' case
// ---
enum Light { case red, yellow, green
  mutating func next() { switch self { case .red: self = .green; case .green: self = .yellow; case .yellow: self = .red } } }
var light = Light.red
light.next(); print(light); light.next(); print(light)
// expect: green
// expect: yellow
enum Coin: Equatable { case heads, tails(Int) }
print(Coin.tails(3) == Coin.tails(3), Coin.tails(1) == .tails(2), Coin.heads == .heads)
// expect: true false true
switch (Light.red, true) {
case (.red, true): print("stop")
default: print("go")
}
// expect: stop
let maybe: Int? = 4
switch maybe {
case .some(let n) where n > 3: print("big", n)
case .some: print("small")
case .none: print("none")
}
// expect: big 4
// ---
enum Bad: Int { case a = 1, b = 1 }
// error:
// TypeError: raw value 1 is used by two cases
//  --> cell5:1:29
//   |
// 1 | enum Bad: Int { case a = 1, b = 1 }
//   |                             ^
//   = hint: give each case its own raw value
// ---
indirect enum Expr { case num(Int), add(Expr, Expr), mul(Expr, Expr)
  func eval() -> Int {
    switch self {
    case .num(let n): return n
    case let .add(a, b): return a.eval() + b.eval()
    case let .mul(a, b): return a.eval() * b.eval()
    }
  }
}
let e = Expr.add(.num(2), .mul(.num(3), .num(4)))
print(e.eval(), e)
// expect: 14 add(Expr.num(2), Expr.mul(Expr.num(3), Expr.num(4)))
func check(_ x: Int) throws -> Int { x }
func twice(_ f: (Int) throws -> Int) rethrows -> Int { try f(2) * 2 }
print(try twice(check))
// expect: 4
