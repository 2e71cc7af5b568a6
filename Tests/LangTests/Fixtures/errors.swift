let lenet = 5
lenett + 1
// error:
// NameError: cannot find 'lenett' in scope
//  --> cell1:2:1
//   |
// 2 | lenett + 1
//   | ^~~~~~
//   = hint: did you mean 'lenet'?
// ---
func area(width: Double, height: Double) -> Double {
    return width * height + "m²"
}
func report() -> Double { area(width: 2, height: 3) }
report()
// error:
// TypeError: operator '+' cannot be applied to Double and String
//  --> cell2:2:12, in area(width:height:)
//   |
// 2 |     return width * height + "m²"
//   |            ^~~~~~~~~~~~~~~~~~~~~
//  --> cell2:4:27, called from here
//   |
// 4 | func report() -> Double { area(width: 2, height: 3) }
//   |                           ^~~~~~~~~~~~~~~~~~~~~~~~~
//  --> cell2:5:1, called from here
//   |
// 5 | report()
//   | ^~~~~~~~
// ---
let x = 1 +
let y = (2
print("done"
// error:
// SyntaxError: expected expression after operator
//  --> cell3:1:12
//   |
// 1 | let x = 1 +
//   |            ^
//   = hint: insert expression
// SyntaxError: expected ')' to end tuple
//  --> cell3:2:11
//   |
// 2 | let y = (2
//   |           ^
//   = hint: insert ')'
// SyntaxError: expected ')' to end function call
//  --> cell3:3:13
//   |
// 3 | print("done"
//   |             ^
//   = hint: insert ')'
// ---
let k = 1
k = 2
// error:
// TypeError: cannot assign to 'k': it is a 'let' constant
//  --> cell4:2:1
//   |
// 2 | k = 2
//   | ^
//   = hint: declare it with 'var k' to change it
// ---
var v: Int = 1
v = "one"
// error:
// TypeError: cannot use a value of type 'String' as 'Int'
//  --> cell5:2:1
//   |
// 2 | v = "one"
//   | ^~~~~~~~~
// ---
let items = [1, 2, 3]
items[3]
// error:
// IndexError: index 3 is out of range for a collection of 3 elements
//  --> cell6:2:1
//   |
// 2 | items[3]
//   | ^~~~~~~~
//   = hint: valid indices are 0..<3
// ---
Int.max + 1
// error:
// ArithmeticError: arithmetic overflow in '+'
//  --> cell7:1:1
//   |
// 1 | Int.max + 1
//   | ^~~~~~~~~~~
//   = hint: the result does not fit in Int; use Double values
// ---
10 / (3 - 3)
// error:
// ArithmeticError: division by zero
//  --> cell8:1:1
//   |
// 1 | 10 / (3 - 3)
//   | ^~~~~~~~~~~~
// ---
func down(_ n: Int) -> Int { down(n + 1) }
down(0)
// error:
// RecursionError: function calls nested more than 256 deep
//  --> cell9:1:30, in down(_:)
//   |
// 1 | func down(_ n: Int) -> Int { down(n + 1) }
//   |                              ^~~~~~~~~~~
//  --> cell9:1:30, called from here
//   |
// 1 | func down(_ n: Int) -> Int { down(n + 1) }
//   |                              ^~~~~~~~~~~
//  --> cell9:1:30, called from here
//   |
// 1 | func down(_ n: Int) -> Int { down(n + 1) }
//   |                              ^~~~~~~~~~~
//  --> cell9:1:30, called from here
//   |
// 1 | func down(_ n: Int) -> Int { down(n + 1) }
//   |                              ^~~~~~~~~~~
//   : … 251 more calls …
//  --> cell9:1:30, called from here
//   |
// 1 | func down(_ n: Int) -> Int { down(n + 1) }
//   |                              ^~~~~~~~~~~
//  --> cell9:2:1, called from here
//   |
// 2 | down(0)
//   | ^~~~~~~
//   = hint: is there a recursion without a base case?