// Counting 300,000 words into a dictionary.
let words = ["the", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog", "and", "a", "cat"]
var counts: [String: Int] = [:]
for i in 0..<300_000 {
    let word = words[(i * 7 + i / 13) % words.count]
    counts[word] = (counts[word] ?? 0) + 1
}
print(counts["the"]!, counts["cat"]!, counts.count)
