let a = 1
var b = "two"
%who
// expect: a: Int
// expect: b: String
// ---
%seed 42
// expect: seed set to 42
// ---
%seed forty
// error:
// ValueError: %seed needs an integer, got 'forty'
//  --> cell3:1:1
//   |
// 1 | %seed forty
//   | ^~~~~~~~~~~
// ---
%reset
%who
// expect: no names defined
// ---
%nosuch
// error:
// NameError: unknown magic command '%nosuch'
//  --> cell5:1:1
//   |
// 1 | %nosuch
//   | ^~~~~~~
//   = hint: known magics: %reset, %seed, %time, %timeit, %who