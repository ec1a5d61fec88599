// Placeholder: replaced by the real Audio benchmark.
enum AudioBenchmark {
    static func run(arguments: [String]) throws { print("Audio: no benchmark yet") }
}
