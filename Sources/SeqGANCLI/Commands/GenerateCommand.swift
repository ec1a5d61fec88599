import ArgumentParser
import Audio
import TrainedRuns

/// `seqgan generate RUN -n 8 -o OUT_DIR [--wav]`: new tunes from a trained music run.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate tunes (or text) with a model trained by `seqgan train`.",
        discussion: """
            Samples -n tunes from the run's generator and writes OUT_DIR/tune-01.mid, ... (with \
            --wav also tune-01.wav, ..., with --abc also tune-01.abc, ...: ABC 2.1 with repeated \
            parts folded into |: :| and endings); -o FILE.abc writes one ABC tune book instead. \
            Prints one line per tune: length, key and range. The same run, options and --seed \
            give the same tunes. With --primer FILE.mid, the primer's melody starts every tune \
            and the model continues it for --length tokens, in the primer's key, tempo, metre and \
            program unless given.
              seqgan generate runs/folk -n 8 --temperature 0.9 --key G -o tunes --wav
              seqgan generate runs/folk -n 4 --primer first-bars.mid -o continued
              seqgan generate runs/folk -n 8 --form AABB -o tunes --abc
              seqgan generate runs/folk -n 20 -o tunes.abc

            For a whole-tune run, --bars, --metre, --key (its mode) and --form are requests \
            every tune meets (see docs/music.md).
              seqgan generate runs/tunes -n 8 --bars 16 --metre 6/8 --key Em -o jigs --abc

            A text run writes -n samples to the text file -o, one per line, tokens separated by \
            spaces; a synthetic run writes -n sequences of token ids, one per line (as `seqgan \
            oracle sample` does, for `seqgan oracle nll`).
              seqgan generate runs/poems -n 100 --temperature 0.8 -o poems.txt
            """)

    @OptionGroup var runFolder: RunOptions

    @Option(name: .customShort("n"), parsing: .unconditional, help: "How many tunes (or text samples) to generate.")
    var count: Int = 8

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The folder that receives tune-01.mid, tune-02.mid, ..., or an ABC tune book (.abc) of all the tunes (for a text run: the text file to write).", valueName: "out-dir"))
    var output: String

    @Option(parsing: .unconditional, help: "Seed of the sampling (and of the renderer's noise). (default: 1)", transform: parseSeed)
    var seed: UInt64 = 1

    @Flag(help: "Also render each tune to a WAV file beside its MIDI file.")
    var wav = false

    @Flag(help: "Also write each tune as an ABC tune beside its MIDI file (tune-01.abc, ...).")
    var abc = false

    @Option(help: ArgumentHelp("The instrument of the WAV files.", valueName: "name"))
    var instrument: Instrument = .piano

    @OptionGroup var generation: GenerationOptions

    func validate() throws {
        try require((1...10_000).contains(count), "-n must be within 1...10000, got \(count)")
    }

    func run() throws {
        let request = GenerationRequest(
            count: count, output: output, seed: seed, audio: wav ? instrument : nil, abc: abc, tunes: try generation.request())
        let outcome = try request.generate(from: runFolder.path)
        if let note = outcome.note { printToStandardError(note) }
        outcome.lines.forEach { print($0) }
    }
}
