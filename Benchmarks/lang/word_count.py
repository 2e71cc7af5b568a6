# Counting 300,000 words into a dictionary.
words = ["the", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog", "and", "a", "cat"]
counts = {}
for i in range(300_000):
    word = words[(i * 7 + i // 13) % len(words)]
    counts[word] = counts.get(word, 0) + 1
print(counts["the"], counts["cat"], len(counts))
