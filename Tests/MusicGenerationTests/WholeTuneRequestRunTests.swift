import Foundation
import MIDI
import MusicEncoding
import MusicGeneration
import TestSupport
import Testing

@Suite("seqgan generate --bars --metre --key on a whole-tune run")
struct WholeTuneRequestRunTests {
    @Test("a tiny tune run's `generate --bars 16 --metre 6/8 --key Em` writes tunes of 16 played bars in 6/8 and E minor")
    func generateRequestedTunes() throws {
        let folder = try TestPaths.makeTemporaryDirectory("tune-request")
        let run = folder.appendingPathComponent("run")
        let folk = TestPaths.repositoryRoot.appendingPathComponent("corpora/folk")
        let train = try runSeqGAN([
            "train", folk.path, "--scheme", "tune", "--out", run.path, "--epochs", "2", "--mode", "mle", "--rounds", "0",
            "--eval-samples", "4", "--embedding-size", "16", "--hidden-size", "32", "--batch-size", "8", "--seed", "2",
        ])
        try #require(train.status == 0, "\(train.standardError)")
        // Whole tunes are sampled at 0.7 unless a temperature is asked for.
        let evaluate = try runSeqGAN(["evaluate", run.path, "--samples", "8", "--tunes", "4"])
        #expect(evaluate.status == 0 && evaluate.standardOutput.contains("generated (temperature 0.7, seed 1)"), "\(evaluate.standardOutput)")
        let evaluateAtOne = try runSeqGAN(["evaluate", run.path, "--samples", "8", "--tunes", "4", "--temperature", "1"])
        #expect(evaluateAtOne.standardOutput.contains("generated (temperature 1.0, seed 1)"), "\(evaluateAtOne.standardOutput)")
        let output = folder.appendingPathComponent("tunes")
        let generate = try runSeqGAN([
            "generate", run.path, "-n", "4", "--bars", "16", "--metre", "6/8", "--key", "Em", "--abc", "-o", output.path,
            "--seed", "3",
        ])
        try #require(generate.status == 0, "\(generate.standardError)")
        #expect(generate.standardOutput.contains("key Em"), "\(generate.standardOutput)")
        #expect(!generate.standardOutput.contains("cut") && !generate.standardError.contains("mid-tune"))
        // Tunes that use up a short --length before their end are kept, marked and counted.
        let short = try runSeqGAN(["generate", run.path, "-n", "4", "--length", "12", "-o", output.path + "-short"])
        try #require(short.status == 0, "\(short.standardError)")
        let cut = short.standardOutput.split(separator: "\n").filter { $0.hasSuffix(", cut before its end") }.count
        #expect(cut > 0, "\(short.standardOutput)")
        #expect(short.standardError.contains("\(cut) of 4 tunes used all 12 tokens before the model ended them and stop mid-tune (give a larger --length)"), "\(short.standardError)")
        // Requests the run cannot follow are refused in one line naming the option.
        for (options, message) in [
            (["--bars", "64"], "--bars 64 cannot fit in 512 tokens per tune"),
            (["--metre", "7/8"], "--metre 7/8 has no token in the tune scheme"),
            (["--bars", "0"], "--bars must be within 1...128"),
        ] {
            let refused = try runSeqGAN(["generate", run.path, "-n", "1", "-o", output.path + "-refused"] + options)
            #expect(refused.status != 0 && refused.standardError.contains(message), "\(refused.standardError)")
        }

        // The same tunes' tokens from the library: each meets the request.
        var request = TuneRequest()
        (request.bars, request.metre, request.key) = (16, (6, 8), (1, true))
        let model = try MusicModel(runDirectory: run)
        let sampled = try model.sampleWholeTunes(count: 4, request: request, seed: 3)
        let scheme = TuneScheme()
        for (index, tokens) in sampled.enumerated() {
            let text = scheme.text(of: tokens)
            #expect(tokens.last == TuneScheme.end, "\(text)")
            var reader = TuneRequestReader(constraints: TuneConstraints(metre: Metre(6, 8), minor: true, bars: 16))
            let read = tokens.allSatisfy { reader.read($0) }
            #expect(read && reader.fallbackSteps == 0 && reader.playedBars == 16, "\(text)")
            let tune = scheme.decode(tokens).tune
            #expect(TuneRequestReaderTests.passBars(of: tune).joined().reduce(0, +) == 16, "\(text)")

            // The files written read back in 6/8, E minor, with the tune's notes.
            let name = "tune-0\(index + 1)"
            let midi = try MIDIFile.read(contentsOf: output.appendingPathComponent(name + ".mid"))
            #expect(midi.timeSignatures.map { [$0.numerator, $0.denominator] } == [[6, 8]])
            #expect(midi.keySignatures.map(\.sharps) == [1] && midi.keySignatures.map(\.minor) == [true])
            #expect(midi.notes.count == tune.unrolled().count)
            let abc = try String(contentsOf: output.appendingPathComponent(name + ".abc"), encoding: .utf8)
            let parsed = try #require(try ABCTuneBook.parse(abc, fileName: name + ".abc").first?.get())
            #expect(parsed.form.metre == Metre(6, 8) && parsed.form.sharps == 1 && parsed.form.minor)
            if !tokens.contains(TuneScheme.pickup) {
                // Without a pickup every bar is full: 16 bars of 6/8 sound 48 quarter notes.
                // (The last note may end early: the last bar may end with rests.)
                let end = midi.notes.map(\.endTick).max() ?? 0
                guard case .ticksPerQuarter(let ticks) = midi.division else {
                    Issue.record("a generated file has SMPTE time")
                    continue
                }
                #expect(end <= 48 * ticks && end > 42 * ticks)
            }
        }
    }

    @Test("--bars on a grid run is refused, naming --form and --bars-per-part")
    func barsOnAGridRun() throws {
        let folder = try TestPaths.makeTemporaryDirectory("grid-bars")
        let run = folder.appendingPathComponent("run")
        let folk = TestPaths.repositoryRoot.appendingPathComponent("corpora/folk")
        let train = try runSeqGAN([
            "train", folk.path, "--scheme", "grid", "--out", run.path, "--epochs", "1", "--mode", "mle", "--rounds", "0", "--eval-samples", "4",
            "--embedding-size", "8", "--hidden-size", "16", "--seed", "2",
        ])
        try #require(train.status == 0, "\(train.standardError)")
        let refused = try runSeqGAN(["generate", run.path, "-n", "1", "--bars", "8", "-o", folder.appendingPathComponent("tunes").path])
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("--bars 8 asks for whole tunes"), "\(refused.standardError)")
        #expect(refused.standardError.contains("--form and --bars-per-part"))
    }
}
