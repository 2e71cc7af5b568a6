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
