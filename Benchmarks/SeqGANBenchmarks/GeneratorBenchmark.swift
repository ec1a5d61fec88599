// Placeholder: replaced by the real Generator benchmark.
enum GeneratorBenchmark {
    static func run(arguments: [String]) throws { print("Generator: no benchmark yet") }
}
