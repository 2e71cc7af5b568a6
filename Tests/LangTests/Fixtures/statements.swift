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
