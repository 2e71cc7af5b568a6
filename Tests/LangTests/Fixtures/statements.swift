// Statements: let/var, assignment, compound assignment, if/else if/else, guard, for, while,
// repeat, break/continue, functions with labels and defaults.
var total = 0
for i in 1...4 { total += i }
total *= 10
total -= 1
print(total)                              // expect: 99
let size = 28
if size > 32 {
    print("big")
} else if size > 16 {
    print("medium")                       // expect: medium
} else {
    print("small")
}
var n = 0
while true {
    n += 1
    if n == 2 { continue }
    if n > 4 { break }
    print("n =", n)
}
// expect: n = 1
// expect: n = 3
// expect: n = 4
repeat { n -= 2 } while n > 0
print(n)                                  // expect: -1
func outputSize(_ input: Int, filter: Int, padding: Int = 0, stride: Int = 1) -> Int {
    guard stride > 0 else { return 0 }
    return (input - filter + 2 * padding) / stride + 1
}
print(outputSize(32, filter: 5))          // expect: 28
print(outputSize(28, filter: 2, stride: 2)) // expect: 14
for (i, word) in ["conv", "pool"].enumerated() {
    print(i, word)
}
// expect: 0 conv
// expect: 1 pool
for _ in 0..<2 { print("again") }
// expect: again
// expect: again
for (key, value) in ["lr": 0.1, "momentum": 0.9] { print(key, value) }
// expect: lr 0.1
// expect: momentum 0.9
for i in 0..<10 where i % 4 == 0 { print(i) }
// expect: 0
// expect: 4
// expect: 8
/* block comments /* nest */ too */
let (a, b) = (1, 2); print(a + b)         // expect: 3
// ---
// Functions can be redefined in a later cell, and bindings live across cells.
func greet() -> String { "hello" }
greet()
// expect: "hello"
// ---
func greet() -> String { "hi again" }
print(greet(), total)                     // expect: hi again 99
// ---
func fact(_ n: Int) -> Int { n <= 1 ? 1 : n * fact(n - 1) }
fact(10)
// expect: 3628800
// ---
func counter() -> () -> Int {
    var count = 0
    return { count += 1; return count }
}
let next = counter()
next(); next()
next()
// expect: 3
// ---
// Optionals: if let, guard let, optional chaining, force unwrap, ??.
let maybe: Int? = Int("12")
if let value = maybe { print("parsed", value) }   // expect: parsed 12
func describe(_ text: String) -> String {
    guard let number = Int(text) else { return "not a number: \(text)" }
    return "number \(number)"
}
print(describe("7"), "|", describe("seven"))      // expect: number 7 | not a number: seven
let names: [String]? = ["a"]
print(names?.count ?? 0, Int("5")!)               // expect: 1 5
let none: [Int]? = nil
print(none?.count ?? -1)                          // expect: -1
// ---
// Closures capture variables by reference; nested functions see their enclosing scope.
var hits = 0
let record = { hits += 1 }
record()
record()
func outer() -> Int {
    func inner(_ x: Int) -> Int { x + hits }
    return inner(10)
}
print(hits, outer())                              // expect: 2 12
let adders = [1, 2, 3].map { n in { x in x + n } }
print(adders[2](10))                              // expect: 13
// ---
for i in 0..<3 {
    if i == 1 { break }
    print(i)
}
break
// error:
// SyntaxError: 'break' is only allowed inside a loop
//  --> cell8:5:1
//   |
// 5 | break
//   | ^~~~~
// ---
// Labelled statements: `break name` leaves the statement labelled `name`, `continue name` goes on
// with the loop labelled `name`, from inside inner loops, switches and ifs.
var pairs: [String] = []
outer: for i in 0..<4 {
    for j in 0..<4 {
        if j > i { continue outer }
        if i * j == 4 { break outer }
        pairs.append("\(i)\(j)")
    }
}
print(pairs)                                      // expect: ["00", "10", "11", "20", "21"]
var k = 0
search: while true {
    k += 1
    switch k {
    case 5: break search
    default: continue search
    }
}
print(k)                                          // expect: 5
var steps = 0
countdown: repeat {
    steps += 1
    for _ in 0..<10 where steps == 3 { break countdown }
} while steps < 10
print(steps)                                      // expect: 3
check: if k > 0 {
    if k == 5 { break check }
    print("not reached")
}
func firstNegative(_ rows: [[Int]]) -> (Int, Int)? {
    rows: for (r, row) in rows.enumerated() {
        for (c, v) in row.enumerated() where v < 0 { return (r, c) }
        continue rows
    }
    return nil
}
print(firstNegative([[1, 2], [3, -4]])!)          // expect: (1, 1)
// ---
outer: for i in 0..<2 {
    let f = { break outer }
}
// error:
// SyntaxError: cannot find label 'outer' in scope
//  --> cell10:2:15
//   |
// 2 |     let f = { break outer }
//   |               ^~~~~~~~~~~
//   = hint: a label names a statement around this one, in the same function: 'outer: for …'
// ---
block: do {
    continue block
}
// error:
// SyntaxError: 'continue block' needs a loop, but 'block' labels another statement
//  --> cell11:2:5
//   |
// 2 |     continue block
//   |     ^~~~~~~~~~~~~~
//   = hint: use 'break block' to leave that statement, or label the loop to go on with
// ---
loop: for i in 0..<2 {
    loop: for j in 0..<2 { break loop }
}
// error:
// SyntaxError: label 'loop' cannot be reused on an inner statement
//  --> cell12:2:5
//   |
// 2 |     loop: for j in 0..<2 { break loop }
//   |     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
// ---
// Assigning a tuple to a tuple of targets: the right side is computed first, so this swaps.
var (left, right) = (1, 2)
(left, right) = (right, left)
var cells = [1, 2, 3]
(cells[0], cells[2]) = (cells[2], cells[0])
((left, _), right) = ((7, 8), 9)
print(left, right, cells)                         // expect: 7 9 [3, 2, 1]
// ---
(left, right) = (1, 2, 3)
// error:
// TypeError: a tuple pattern of 2 elements cannot match a value of type '(Int, Int, Int)'
//  --> cell14:1:1
//   |
// 1 | (left, right) = (1, 2, 3)
//   | ^~~~~~~~~~~~~~~~~~~~~~~~~
// ---
// `defer` runs its block when the enclosing block ends, however it ends; several run last first.
var trail: [String] = []
func process(_ x: Int) -> Int {
    defer { trail.append("done \(x)") }
    guard x > 0 else { return 0 }
    defer { trail.append("positive \(x)") }
    return x * 2
}
print(process(3), process(-1), trail)             // expect: 6 0 ["positive 3", "done 3", "done -1"]
for i in 0..<3 {
    defer { print("end", i) }
    if i == 1 { continue }
    print("body", i)
}
// expect: body 0
// expect: end 0
// expect: end 1
// expect: body 2
// expect: end 2
enum Failure: Error { case bad }
func risky() throws {
    defer { print("cleanup") }
    throw Failure.bad
}
do { try risky() } catch { print("caught", error) }
// expect: cleanup
// expect: caught bad
print(String(describing: [1, 2]), String(["a", "b"]), stride(from: 0, through: 10, by: 5))   // expect: [1, 2] ab [0, 5, 10]
print("a,b,,c".split(separator: ",", omittingEmptySubsequences: false).count)   // expect: 4
