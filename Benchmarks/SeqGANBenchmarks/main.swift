// seqgan-bench: throughput benchmarks, each side by side with its peer where one exists.
// Usage: seqgan-bench [generator|discriminator|adversarial|midi|audio|bleu|all] [options]
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let area = arguments.first ?? "all"
let rest = Array(arguments.dropFirst())

switch area {
case "generator": try GeneratorBenchmark.run(arguments: rest)
case "discriminator": try DiscriminatorBenchmark.run(arguments: rest)
case "adversarial": try AdversarialBenchmark.run(arguments: rest)
case "midi": try MIDIBenchmark.run(arguments: rest)
case "audio": try AudioBenchmark.run(arguments: rest)
case "bleu": try BLEUBenchmark.run(arguments: rest)
case "all":
    try GeneratorBenchmark.run(arguments: rest)
    try DiscriminatorBenchmark.run(arguments: rest)
    try AdversarialBenchmark.run(arguments: rest)
    try MIDIBenchmark.run(arguments: rest)
    try AudioBenchmark.run(arguments: rest)
    try BLEUBenchmark.run(arguments: rest)
default:
    FileHandle.standardError.write(
        Data("usage: seqgan-bench [generator|discriminator|adversarial|midi|audio|bleu|all] [options]\n".utf8))
    exit(2)
}
