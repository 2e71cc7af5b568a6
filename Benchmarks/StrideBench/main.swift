// Placeholder until the engine benchmarks land.
print("{}")
