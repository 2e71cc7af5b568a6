// Building a string of 300,000 pieces with +=.
var text = ""
for i in 0..<300_000 {
    text += String(i % 10)
    if i % 1000 == 999 { text += "\n" }
}
print(text.count)
