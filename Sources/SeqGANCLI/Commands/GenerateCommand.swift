import ArgumentParser
import Audio
import Foundation
import MIDI
import MusicGeneration
import SeqGAN
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

            For a text run (trained with --task text), -o is a text file that receives -n \
            samples, one per line, tokens separated by spaces; --temperature and --seed apply.

              seqgan generate runs/poems -n 100 --temperature 0.8 -o poems.txt

            For a synthetic run (--task synthetic), -o is a text file that receives -n \
            sequences of token ids, one per line (as `seqgan oracle sample` writes them, so \
            `seqgan oracle nll` can score them).
            """)

    @Argument(help: ArgumentHelp("The run folder written by `seqgan train`.", valueName: "run"))
    var runFolder: String

    @Option(name: .customShort("n"), help: "How many tunes (or text samples) to generate.")
    var count: Int = 8

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The folder that receives tune-01.mid, tune-02.mid, ... (for a text run: the text file to write).", valueName: "out-dir"))
    var output: String

    @Option(help: "Seed of the sampling (and of the renderer's noise).")
    var seed: UInt64 = 1

    @Flag(help: "Also render each tune to a WAV file beside its MIDI file.")
    var wav = false

    @Option(help: ArgumentHelp("The instrument of the WAV files: \(Instrument.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "name"))
    var instrument: Instrument = .piano

    @OptionGroup var generation: GenerationOptions

    func validate() throws {
        guard (1...10_000).contains(count) else { throw ValidationError("-n must be within 1...10000, got \(count)") }
    }

    func run() throws {
        BLAS.threadCount = 1
        let folder = URL(fileURLWithPath: runFolder)
        switch RunKind(of: folder) {
        case .text: return try runText()
        case .synthetic: return try runSynthetic()
        case .music, .unknown: break
        }
        let model = try MusicModel(runDirectory: folder)
        let outputFolder = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: outputFolder, withIntermediateDirectories: true)
        let (sequences, options) = try generation.sample(count: count, from: model, seed: seed)
        let digits = max(2, String(count).count)
        let synthesizer = Synthesizer(settings: RenderSettings(instrument: instrument, seed: seed))
        for (index, tokens) in sequences.enumerated() {
            let name = "tune-" + String(repeating: "0", count: digits - String(index + 1).count) + String(index + 1)
            let midiURL = outputFolder.appendingPathComponent(name + ".mid")
            let tune = model.tune(from: tokens, options: options)
            try tune.write(to: midiURL)
            var line = "\(midiURL.path): \(TuneSummary(tune))"
            if wav {
                let wavURL = outputFolder.appendingPathComponent(name + ".wav")
                try AudioFile.write(try synthesizer.render(tune.notes), to: wavURL)
                line += " (+ \(wavURL.lastPathComponent))"
            }
            print(line)
        }
    }
}
