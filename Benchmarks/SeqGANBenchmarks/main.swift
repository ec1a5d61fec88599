// seqgan-bench: throughput benchmarks, each side by side with its peer where one exists.
// Usage: seqgan-bench [generator|stacked-lstm|discriminator|adversarial|tune-round|midi|audio|bleu|all] [options]
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let area = arguments.first ?? "all"
let rest = Array(arguments.dropFirst())

/// Each area's options (a benchmark runs for minutes, so `--help` must not start one).
let usage = [
    "generator": "seqgan-bench generator [--repeats 3] [--oracle FILE] [--no-peer] [--mle-only]",
    "stacked-lstm": "seqgan-bench stacked-lstm [--shape tunes|fixed] [--layers 2] [--hidden 128] [--embedding 64] [--features 24] [--vocabulary 81] [--batch 32] [--length 512] [--chunk 128] [--dropout 0.3] [--train-steps 4] [--repeats 3] [--no-peer]",
    "discriminator": "seqgan-bench discriminator [--epochs N] [--count N] [--score-count N] [--workspace ROWS] [--seed S] [--peer-threads N] [--no-peer] [--load CORES]",
    "tune-round": "seqgan-bench tune-round RUN [--repeats 3] [--no-every-token]   (RUN: a whole-tune run trained with --mode seqgan)",
    "adversarial": "seqgan-bench adversarial [--repeats 3] [--round-d-epochs 15] [--no-peer] [--g-step-only] [--no-round] [--score-rows N] [--load CORES]",
    "midi": "seqgan-bench midi [--shared DIR] [--repeat N] [--no-peer]",
    "audio": "seqgan-bench audio [--runs N] [--seconds S]",
    "bleu": "seqgan-bench bleu [--nltk-hypotheses K] [--runs R]",
]
if arguments.contains("--help") || arguments.contains("-h") || area == "help" {
    print("usage: seqgan-bench [generator|stacked-lstm|discriminator|adversarial|tune-round|midi|audio|bleu|all] [options]")
    print("Each area times our code and, where there is one, its peer in the same run.")
    print("--load CORES runs a busy process pinned to each of the first CORES cores meanwhile.")
    for name in ["generator", "stacked-lstm", "discriminator", "adversarial", "tune-round", "midi", "audio", "bleu"]
    where usage[area] == nil || name == area {
        print("  " + usage[name]!)
    }
    exit(0)
}

do {
    switch area {
    case "generator": try GeneratorBenchmark.run(arguments: rest)
    case "stacked-lstm": try StackedLSTMBenchmark.run(arguments: rest)
    case "discriminator": try DiscriminatorBenchmark.run(arguments: rest)
    case "adversarial": try AdversarialBenchmark.run(arguments: rest)
    case "tune-round": try TuneRoundBenchmark.run(arguments: rest)
    case "midi": try MIDIBenchmark.run(arguments: rest)
    case "audio": try AudioBenchmark.run(arguments: rest)
    case "bleu": try BLEUBenchmark.run(arguments: rest)
    case "all":
        try GeneratorBenchmark.run(arguments: rest)
        try StackedLSTMBenchmark.run(arguments: rest)
        try DiscriminatorBenchmark.run(arguments: rest)
        try AdversarialBenchmark.run(arguments: rest)
        try MIDIBenchmark.run(arguments: rest)
        try AudioBenchmark.run(arguments: rest)
        try BLEUBenchmark.run(arguments: rest)
    default:
        FileHandle.standardError.write(
            Data("usage: seqgan-bench [generator|stacked-lstm|discriminator|adversarial|tune-round|midi|audio|bleu|all] [options]\n".utf8))
        exit(2)
    }
} catch {
    // One line naming what failed (a run folder, a file), as the seqgan command does.
    FileHandle.standardError.write(Data("seqgan-bench: \(error)\n".utf8))
    exit(1)
}
