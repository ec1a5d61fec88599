// Placeholder: replaced by the real BLEU benchmark.
enum BLEUBenchmark {
    static func run(arguments: [String]) throws { print("BLEU: no benchmark yet") }
}
