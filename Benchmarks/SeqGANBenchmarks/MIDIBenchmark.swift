// Placeholder: replaced by the real MIDI benchmark.
enum MIDIBenchmark {
    static func run(arguments: [String]) throws { print("MIDI: no benchmark yet") }
}
