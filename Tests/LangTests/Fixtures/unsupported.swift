struct Vec<let N: Int> {}
// error:
// SyntaxError: 'value generics' is not supported in Stride cells
//  --> cell1:1:12
//   |
// 1 | struct Vec<let N: Int> {}
//   |            ^~~
//   = hint: this part of Swift is not in the cell language
// ---
struct Grid { subscript(i: Int) -> Int { i } }
// error:
// SyntaxError: 'subscript' is not supported in Stride cells
//  --> cell2:1:15
//   |
// 1 | struct Grid { subscript(i: Int) -> Int { i } }
//   |               ^~~~~~~~~
//   = hint: this part of Swift is not in the cell language
// ---
struct Outer { struct Inner {} }
// error:
// SyntaxError: 'nested types' is not supported in Stride cells
//  --> cell3:1:16
//   |
// 1 | struct Outer { struct Inner {} }
//   |                ^~~~~~
//   = hint: this part of Swift is not in the cell language
// ---
protocol Container { associatedtype Item }
// error:
// SyntaxError: 'associatedtype' is not supported in Stride cells
//  --> cell4:1:22
//   |
// 1 | protocol Container { associatedtype Item }
//   |                      ^~~~~~~~~~~~~~
//   = hint: this part of Swift is not in the cell language
// ---
func zipAll<each T>(_ x: repeat each T) {}
// error:
// SyntaxError: 'parameter packs' is not supported in Stride cells
//  --> cell5:1:13
//   |
// 1 | func zipAll<each T>(_ x: repeat each T) {}
//   |             ^~~~
//   = hint: this part of Swift is not in the cell language
// ---
func bump(_ x: inout Int) { x += 1 }
// error:
// SyntaxError: 'inout' is not supported in Stride cells
//  --> cell6:1:16
//   |
// 1 | func bump(_ x: inout Int) { x += 1 }
//   |                ^~~~~
//   = hint: return the new value and assign it: 'x = f(x)'
// ---
func load() async -> Int { 1 }
// error:
// SyntaxError: 'async' is not supported in Stride cells
//  --> cell7:1:13
//   |
// 1 | func load() async -> Int { 1 }
//   |             ^~~~~
//   = hint: cells run synchronously; call the function directly
// ---
extension (Int, Int) {}
// error:
// SyntaxError: 'extension of this type' is not supported in Stride cells
//  --> cell8:1:11
//   |
// 1 | extension (Int, Int) {}
//   |           ^~~~~~~~~~
//   = hint: this part of Swift is not in the cell language
// ---
switch 3 { default: break }
print("switch runs")
// expect: switch runs
// ---
import Foundation
// error:
// SyntaxError: no module named 'Foundation'
//  --> cell10:1:8
//   |
// 1 | import Foundation
//   |        ^~~~~~~~~~
//   = hint: everything is in 'Stride', which cells import already
// ---
import Stride
print("ok")
// expect: ok
// ---
actor Counter {}
// error:
// SyntaxError: 'actor' is not supported in Stride cells
//  --> cell12:1:1
//   |
// 1 | actor Counter {}
//   | ^~~~~
//   = hint: cells run one at a time; use functions and variables
// ---
let size = 3 as Int
print(size)
// expect: 3
// ---
let sign = if true { 1 } else { -1 }
// error:
// SyntaxError: 'if expression' is not supported in Stride cells
//  --> cell14:1:12
//   |
// 1 | let sign = if true { 1 } else { -1 }
//   |            ^~
//   = hint: use the ternary 'condition ? a : b', or assign in each branch
// ---
for i in 0..<3 { break outer }
// error:
// SyntaxError: cannot find label 'outer' in scope
//  --> cell15:1:18
//   |
// 1 | for i in 0..<3 { break outer }
//   |                  ^~~~~~~~~~~
//   = hint: a label names a statement around this one, in the same function: 'outer: for …'
// ---
let power = 2 ** 3
// error:
// SyntaxError: unknown operator '**'
//  --> cell16:1:15
//   |
// 1 | let power = 2 ** 3
//   |               ^~
//   = hint: Stride cells have Swift's standard operators
