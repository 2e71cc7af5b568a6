// What Swift's own parser (swift-syntax) brings: several bindings in one let/var, wrapping and
// bit operators, operators as functions, and SwiftParser's diagnostics with fix-its as hints.
let xs = [3, 1, 2], k = [4, 5]
let n = xs.count, m = k.count
var lo = 0, hi = n + m
print(n, m, lo, hi)                               // expect: 3 2 0 5
lo += 1; hi -= 1
print(lo, hi)                                     // expect: 1 4
let (a, b) = (1, 2), c: Double = 3
print(a + b, c)                                   // expect: 3 3.0
// ---
var sum = Int.max
sum &+= 1
print(sum == Int.min, 5 &* 3, 0 &- 1)            // expect: true 15 -1
print(6 & 3, 6 | 1, 6 ^ 2, 1 << 4, -16 >> 2, ~0)  // expect: 2 7 4 16 -4 -1
print(1 + 2 << 3, 2 * 3 & 1)                      // expect: 17 0
// ---
let words = ["conv", "pool", "dense"]
print(words.map { $0.count }.reduce(0, +))        // expect: 13
print([3, 1, 2].sorted(by: >), [2, 3].reduce(1, *)) // expect: [3, 2, 1] 6
// ---
let s = "a\tb \u{1F600} \"q\" \\ \(1 + 2)"
print(s)                                          // expect: a	b 😀 "q" \ 3
let raw = #"no \(escape) here"#
print(raw)                                        // expect: no \(escape) here
let text = """
    two
    lines
    """
print(text)
// expect: two
// expect: lines
print(0x1F, 0b101, 1_000)                         // expect: 31 5 1000
// ---
print(1) print(2)
// error:
// SyntaxError: consecutive statements on a line must be separated by newline or ';'
//  --> cell5:1:9
//   |
// 1 | print(1) print(2)
//   |         ^
//   = hint: insert newline; insert ';'
// ---
let = 3
let ok = 1
// error:
// SyntaxError: expected pattern in variable
//  --> cell6:1:5
//   |
// 1 | let = 3
//   |     ^
//   = hint: insert pattern
// ---
let q = (lo = 3)
// error:
// SyntaxError: an assignment cannot be used as a value
//  --> cell7:1:13
//   |
// 1 | let q = (lo = 3)
//   |             ^
//   = hint: write the assignment as a statement of its own
// ---
let nested = [[[[[[[[[[[[[[1]]]]]]]]]]]]]]
// error:
// SyntaxError: square brackets are nested too deeply (more than 12 levels)
//  --> cell8:1:26
//   |
// 1 | let nested = [[[[[[[[[[[[[[1]]]]]]]]]]]]]]
//   |                          ^
//   = hint: build the inner arrays with 'let' bindings
// ---
for i in 0..<1 {
%who
}
// error:
// SyntaxError: a magic command must be at the top level of a cell, not inside a block
//  --> cell9:2:1
//   |
// 2 | %who
//   | ^~~~
