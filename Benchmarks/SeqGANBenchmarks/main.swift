// Placeholder; the benchmark program is written with the neural core.
print("no benchmarks yet")
