let deep = "\("\("\("\("\("\("\("\("\("\("\("\("\("\("\("\(1)")")")")")")")")")")")")")")")"
print(deep)
// expect: 1

// ---
let s = "\("\("\("\("\("\("\("\("\("\("\("\("\("\("\("\("\("\("\("\(
// error:
// SyntaxError: expected value and ')' in string literal
//  --> cell2:1:69
//   |
// 1 | let s = "\("\("\("\("\("\("\("\("\("\("\("\("\("\("\("\("\("\("\("\(
//   |                                                                     ^
//   = hint: insert value and ')'

// ---
let t = "\(1 + 2)" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + nope
// error:
// NameError: cannot find 'nope' in scope
//  --> cell3:1:282
//   |
// 1 | …"abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + nope
//   |                                                                                                                                                              ^~~~
