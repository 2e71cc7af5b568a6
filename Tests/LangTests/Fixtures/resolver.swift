// The resolver: errors found before a cell runs (nothing of the cell runs, no binding is lost).
let total = 10
var counter = 0
// ---
counter = 5
print(totl)
// error:
// NameError: cannot find 'totl' in scope
//  --> cell2:2:7
//   |
// 2 | print(totl)
//   |       ^~~~
//   = hint: did you mean 'total'?
// ---
print(counter)                                    // expect: 0
// ---
print(later)
let later = 1
// error:
// NameError: use of 'later' before its declaration
//  --> cell4:1:7
//   |
// 1 | print(later)
//   |       ^~~~~
//   = hint: declare 'later' above this line
// ---
total = 11
// error:
// TypeError: cannot assign to 'total': it is a 'let' constant
//  --> cell5:1:1
//   |
// 1 | total = 11
//   | ^~~~~
//   = hint: declare it with 'var total' to change it
// ---
func bump(_ x: Int) -> Int {
    x += 1
    return x
}
// error:
// TypeError: cannot assign to 'x': it is a 'let' constant
//  --> cell6:2:5
//   |
// 2 |     x += 1
//   |     ^
//   = hint: declare it with 'var x' to change it
// ---
func check(_ n: Int) {
    if n > 3 { continue }
}
// error:
// SyntaxError: 'continue' is only allowed inside a loop
//  --> cell7:2:16
//   |
// 2 |     if n > 3 { continue }
//   |                ^~~~~~~~
// ---
for i in 0..<3 {
    let f = { break }
}
// error:
// SyntaxError: 'break' is only allowed inside a loop
//  --> cell8:2:15
//   |
// 2 |     let f = { break }
//   |               ^~~~~
// ---
func sign(_ x: Int) -> Int {
    if x > 0 { return 1 } else if x < 0 { return -1 }
}
// error:
// TypeError: missing return in sign(_:), which must return 'Int'
//  --> cell9:3:1
//   |
// 3 | }
//   | ^
//   = hint: end every path of the body with 'return …'
// ---
func sign(_ x: Int) -> Int {
    if x > 0 { return 1 } else if x < 0 { return -1 } else { return 0 }
}
func forever() -> Int {
    while true { }
}
func fail() -> Int { fatalError("no") }
func twice(_ x: Int) -> Int { x * 2 }
print(sign(-4), twice(3))                        // expect: -1 6
// ---
func makeCounter() -> () -> Int {
    let next = { count + 1 }
    var count = 0
    return next
}
// error:
// NameError: closure captures 'count' before it is declared
//  --> cell11:2:18
//   |
// 2 |     let next = { count + 1 }
//   |                  ^~~~~
//   = hint: declare 'count' above the closure
// ---
func outer() -> Int {
    func helper() -> Int { value * 2 }
    let value = 4
    return helper()
}
// error:
// NameError: function captures 'value' before it is declared
//  --> cell12:2:28
//   |
// 2 |     func helper() -> Int { value * 2 }
//   |                            ^~~~~
//   = hint: declare 'value' above the function
// ---
func isEven(_ n: Int) -> Bool { n == 0 ? true : isOdd(n - 1) }
func isOdd(_ n: Int) -> Bool { n == 0 ? false : isEven(n - 1) }
func area() -> Int { width * 3 }
let width = 7
print(isEven(10), area())                        // expect: true 21
// ---
let shadow = 1
func f() -> Int {
    let y = shadow
    let shadow = 2
    return y + shadow
}
// error:
// NameError: use of 'shadow' before its declaration
//  --> cell14:3:13
//   |
// 3 |     let y = shadow
//   |             ^~~~~~
//   = hint: declare 'shadow' above this line
// ---
print(unknown1)
unknown2 = 3
for k in 0..<2 { print(k + unknownThree) }
// error:
// NameError: cannot find 'unknown1' in scope
//  --> cell15:1:7
//   |
// 1 | print(unknown1)
//   |       ^~~~~~~~
// NameError: cannot find 'unknown2' in scope
//  --> cell15:2:1
//   |
// 2 | unknown2 = 3
//   | ^~~~~~~~
// NameError: cannot find 'unknownThree' in scope
//  --> cell15:3:28
//   |
// 3 | for k in 0..<2 { print(k + unknownThree) }
//   |                            ^~~~~~~~~~~~
// ---
// Notebook semantics: a later cell may redefine a name, even as a 'let', and may read the earlier
// value before redefining it.
print(total)
let total = "ten"
print(total)
// expect: 10
// expect: ten
// ---
var doubled = [1, 2, 3].map { $0 * 2 }
if let first = doubled.first, first > 1 { print(first) }   // expect: 2
guard let last = doubled.last else { fatalError() }
print(last)                                      // expect: 6
while doubled.count > 1 { doubled.removeLast() }
print(doubled)                                   // expect: [2]
