import ArgumentParser
import Audio
import Foundation
import MusicGeneration
import SeqGAN
import SyntheticGeneration
import TensorCore
import TextGeneration

/// `seqgan generate RUN -n 8 -o OUT_DIR [--wav]`: new tunes from a trained music run.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate tunes (or text) with a model trained by `seqgan train`.",
        discussion: """
            Samples -n tunes from the run's generator, decodes them with the run's tokenizer \
            (tokenizer.json) and writes OUT_DIR/tune-01.mid, tune-02.mid, ... (and with --wav \
            tune-01.wav, ... rendered with --instrument). Prints one line per tune: length, \
            key and range. The same run, options and --seed give the same tunes.

            With --primer FILE.mid, the melody of FILE.mid (tokenized with the run's tokenizer) \
            starts every tune: the generator reads it, then continues for --length tokens; the \
            tunes are written in the primer's key, tempo, metre and instrument unless --key, \
            --tempo, --time-signature or --program say otherwise.

              seqgan generate runs/folk -n 8 --temperature 0.9 --key G -o tunes --wav
              seqgan generate runs/folk -n 4 --primer first-bars.mid -o continued

            With --abc, each tune is also written as an ABC 2.1 tune beside its MIDI file \
            (tune-01.abc, ...: titled "Tune 1", ..., in the key and metre written, parts that \
            repeat folded into |: :| with first and second endings). With -o ending in .abc, \
            all the tunes go into that one ABC tune book instead (X:1, X:2, ...).

              seqgan generate runs/folk -n 8 --form AABB -o tunes --abc
              seqgan generate runs/folk -n 20 -o tunes.abc

            For a whole-tune run (--scheme tune), --bars, --metre, --key (its mode) and --form \
            are requests every tune meets (see docs/music.md).

              seqgan generate runs/tunes -n 8 --bars 16 --metre 6/8 --key Em -o jigs --abc

            For a text run (trained with --task text), -o is a text file that receives -n \
            samples, one per line, tokens separated by spaces; --temperature and --seed apply.

              seqgan generate runs/poems -n 100 --temperature 0.8 -o poems.txt

            For a synthetic run (--task synthetic), -o is a text file that receives -n \
            sequences of token ids, one per line (as `seqgan oracle sample` writes them, so \
            `seqgan oracle nll` can score them).
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

    @Option(help: ArgumentHelp("The instrument of the WAV files: \(choices(Instrument.self)).", valueName: "name"))
    var instrument: Instrument = .piano

    @OptionGroup var generation: GenerationOptions

    func validate() throws {
        guard (1...10_000).contains(count) else { throw ValidationError("-n must be within 1...10000, got \(count)") }
    }

    func run() throws {
        BLAS.threadCount = 1
        let folder = runFolder.url
        let kind = try RunKind(of: folder)
        if kind != .music {
            try require(!wav, "--wav renders tunes; \(runFolder.path) is a \(kind) run")
            try require(!abc, "--abc writes tunes; \(runFolder.path) is a \(kind) run")
            try require(generation.length == nil, kind == .text
                ? "--length is for music runs; a text sample ends at its end token (at most T tokens)"
                : "--length is for music runs; a synthetic run samples T tokens")
        }
        if let note = try TrainingRun.unfinishedPretrainingNote(in: folder) { printToStandardError(note) }
        let (temperature, out) = (generation.temperature, URL(fileURLWithPath: output))
        let plural = count == 1 ? "" : "s"
        switch kind {
        case .music where output.lowercased().hasSuffix(".abc"):
            guard !wav else { throw ValidationError("--wav renders into a folder of tunes; -o \(output) names an ABC tune book") }
            let summaries = try MusicModel(runDirectory: folder).writeTuneBook(
                count: count, request: try generation.request(), seed: seed, to: out)
            for (index, summary) in summaries.enumerated() { print("X:\(index + 1): \(summary)") }
            print("\(out.path): ABC tune book of \(count) tune\(plural)")
        case .music:
            let tunes = try MusicModel(runDirectory: folder).writeTunes(
                count: count, request: try generation.request(), seed: seed, to: out,
                audio: wav ? RenderSettings(instrument: instrument, seed: seed) : nil, abc: abc)
            tunes.forEach { print($0.line) }
        case .text:
            let lines = try TextModel(runDirectory: folder).writeSamples(
                count: count, temperature: temperature, seed: seed, to: out)
            TextModel.samplesReport(lines, url: out, temperature: temperature, seed: seed).forEach { print($0) }
        case .synthetic:
            let length = try SyntheticExperiment.writeSamples(
                of: folder, count: count, temperature: temperature, seed: seed, to: out)
            print("\(out.path): \(count) sequence\(plural) of \(length) token ids (temperature \(temperature), seed \(seed))")
        }
    }
}
