let deep = "\("\("\("\("\("\("\("\("\("\("\("\("\("\("\("\(1)")")")")")")")")")")")")")")")"
print(deep)
// expect: 1

// ---
let s = "\("\("\("\("\("\("\("\("\("\("\("\("\("\("\("\("\("\("\("\(
// error:
// SyntaxError: string interpolations are nested too deeply (more than 16 levels)
//  --> cell2:1:58
//   |
// 1 | let s = "\("\("\("\("\("\("\("\("\("\("\("\("\("\("\("\("\("\("\("\(
//   |                                                          ^~
//   = hint: build the string in steps with 'let' bindings

// ---
let t = "\(1 + 2)" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + nope
// error:
// NameError: cannot find 'nope' in scope
//  --> cell3:1:282
//   |
// 1 | …"abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + "abcdefgh" + nope
//   |                                                                                                                                                              ^~~~
