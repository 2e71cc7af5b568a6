# A loop summing 0..<10^7.
total = 0
for i in range(10_000_000):
    total += i
print(total)
