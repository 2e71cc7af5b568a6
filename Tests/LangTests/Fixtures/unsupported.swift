struct Point { var x: Int }
// error:
// SyntaxError: 'struct' is not supported in Stride cells
//  --> cell1:1:1
//   |
// 1 | struct Point { var x: Int }
//   | ^~~~~~
//   = hint: use a dictionary or tuple for data and functions for behaviour
// ---
class Model {}
// error:
// SyntaxError: 'class' is not supported in Stride cells
//  --> cell2:1:1
//   |
// 1 | class Model {}
//   | ^~~~~
//   = hint: use a dictionary or tuple for data and functions for behaviour
// ---
enum Activation { case relu }
// error:
// SyntaxError: 'enum' is not supported in Stride cells
//  --> cell3:1:1
//   |
// 1 | enum Activation { case relu }
//   | ^~~~
//   = hint: use implicit members such as .relu, or strings
// ---
protocol Layer {}
// error:
// SyntaxError: 'protocol' is not supported in Stride cells
//  --> cell4:1:1
//   |
// 1 | protocol Layer {}
//   | ^~~~~~~~
//   = hint: values are dynamically typed; any value with the members works
// ---
func identity<T>(_ x: T) -> T { x }
// error:
// SyntaxError: 'generics' is not supported in Stride cells
//  --> cell5:1:14
//   |
// 1 | func identity<T>(_ x: T) -> T { x }
//   |              ^
//   = hint: leave out the type parameters: values are dynamically typed
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
extension Int {}
// error:
// SyntaxError: 'extension' is not supported in Stride cells
//  --> cell8:1:1
//   |
// 1 | extension Int {}
//   | ^~~~~~~~~
//   = hint: write a free function that takes the value as its first argument
// ---
switch 3 { default: break }
// error:
// SyntaxError: 'switch' is not supported in Stride cells
//  --> cell9:1:1
//   |
// 1 | switch 3 { default: break }
//   | ^~~~~~
//   = hint: use 'if / else if / else'
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
// error:
// SyntaxError: 'as' is not supported in Stride cells
//  --> cell13:1:14
//   |
// 1 | let size = 3 as Int
//   |              ^~
//   = hint: values are dynamically typed; convert with Int(x), Double(x) or String(x)
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
outer: for i in 0..<3 { break outer }
// error:
// SyntaxError: 'labeled statements' is not supported in Stride cells
//  --> cell15:1:1
//   |
// 1 | outer: for i in 0..<3 { break outer }
//   | ^~~~~
//   = hint: move the inner loop into a function and 'return' from it
// ---
let power = 2 ** 3
// error:
// SyntaxError: unknown operator '**'
//  --> cell16:1:15
//   |
// 1 | let power = 2 ** 3
//   |               ^~
//   = hint: Stride cells have Swift's standard operators
