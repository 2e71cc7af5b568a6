# Building a string of 300,000 pieces with +=.
text = ""
for i in range(300_000):
    text += str(i % 10)
    if i % 1000 == 999:
        text += "\n"
print(len(text))
