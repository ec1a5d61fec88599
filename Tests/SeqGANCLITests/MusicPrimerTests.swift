import Foundation
import TestSupport
import Testing

/// The `seqgan midi inspect --json` output, the parts these tests read.
private struct Inspected: Decodable {
    struct Note: Decodable, Hashable {
        var pitch: Int
        var startTick: Int
    }
    struct KeySignature: Decodable, Equatable {
        var sharps: Int
        var minor: Bool
    }
    struct Tempo: Decodable, Equatable {
        var microsecondsPerQuarter: Int
    }
    var notes: [Note]
    var keySignatures: [KeySignature]
    var tempos: [Tempo]
}

@Suite("seqgan generate RUN --primer FILE.mid")
struct MusicPrimerTests {
    fileprivate static func inspect(_ file: URL) throws -> Inspected {
        let result = try runSeqGAN(["midi", "inspect", "--json", file.path])
        #expect(result.status == 0, "\(result.standardError)")
        return try JSONDecoder().decode(Inspected.self, from: Data(result.standardOutput.utf8))
    }

    @Test("every tune begins with the primer's notes, in its key and tempo, and goes on differently")
    func tunesContinueThePrimer() throws {
        let run = try trainTinyMusicRun("music-primer")
        let scratch = run.deletingLastPathComponent()
        let midi = scratch.appendingPathComponent("midi")
        let convert = try runSeqGAN([
            "midi", "from-abc", TestPaths.repositoryRoot.appendingPathComponent("corpora/folk/tunes.abc").path, "-o", midi.path,
        ])
        #expect(convert.status == 0, "\(convert.standardError)")
        let primer = midi.appendingPathComponent("tunes-10.mid")  // G major, 6/8
        let expected = try Self.inspect(primer)
        #expect(expected.keySignatures.first == .init(sharps: 1, minor: false))
        let out = scratch.appendingPathComponent("tunes")
        let generate = try runSeqGAN(["generate", run.path, "-n", "3", "--seed", "5", "--primer", primer.path, "--length", "64", "-o", out.path])
        #expect(generate.status == 0, "\(generate.standardError)")
        var continuations: Set<[Inspected.Note]> = []
        for name in ["tune-01.mid", "tune-02.mid", "tune-03.mid"] {
            let tune = try Self.inspect(out.appendingPathComponent(name))
            #expect(tune.keySignatures.first == expected.keySignatures.first)
            #expect(tune.tempos.first == expected.tempos.first)
            #expect(tune.notes.count > expected.notes.count, "the model added notes")
            #expect(Array(tune.notes.prefix(expected.notes.count)) == expected.notes, "\(name) starts with the primer")
            continuations.insert(Array(tune.notes.dropFirst(expected.notes.count)))
        }
        #expect(continuations.count > 1, "different continuations")

        // --key overrides the primer's key: the tune moves from G to D, 7 semitones up (mod 12).
        let inD = scratch.appendingPathComponent("in-d")
        let keyed = try runSeqGAN(["generate", run.path, "-n", "1", "--seed", "5", "--primer", primer.path, "--length", "64", "--key", "D", "-o", inD.path])
        #expect(keyed.status == 0, "\(keyed.standardError)")
        let transposed = try Self.inspect(inD.appendingPathComponent("tune-01.mid"))
        #expect(transposed.keySignatures.first == .init(sharps: 2, minor: false))
        #expect(transposed.notes.first.map { ($0.pitch - expected.notes[0].pitch + 12) % 12 } == 7)

        // `play RUN --primer` continues it too (to ALSA's null device here).
        let play = try runSeqGAN(["play", run.path, "--device", "null", "--primer", primer.path, "--length", "16"])
        #expect(play.status == 0, "\(play.standardError)")
        #expect(play.standardOutput.contains("key G"), "\(play.standardOutput)")
    }

    @Test("an unreadable primer, a missing one and one without notes: one clear line each")
    func badPrimers() throws {
        let run = try trainTinyMusicRun("music-primer-errors")
        let scratch = run.deletingLastPathComponent()
        let garbage = scratch.appendingPathComponent("garbage.mid")
        try Data("not a midi file".utf8).write(to: garbage)
        // A valid file with one empty track: header, then MTrk with only end-of-track.
        let empty = scratch.appendingPathComponent("empty.mid")
        try Data([
            0x4D, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 0, 0, 1, 0x01, 0xE0,
            0x4D, 0x54, 0x72, 0x6B, 0, 0, 0, 4, 0x00, 0xFF, 0x2F, 0x00,
        ]).write(to: empty)
        let missing = scratch.appendingPathComponent("missing.mid")
        for (file, message) in [(garbage, "cannot use as a primer"), (missing, "cannot use as a primer"), (empty, "has no notes")] {
            let result = try runSeqGAN(["generate", run.path, "-n", "1", "--primer", file.path, "-o", scratch.appendingPathComponent("x").path])
            #expect(result.status != 0)
            #expect(result.standardError.contains(file.path) && result.standardError.contains(message), "\(result.standardError)")
            #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
        }
    }

    @Test("--form AA repeats its part note for note; bad forms and --form with --length are refused")
    func formRepeatsParts() throws {
        let run = try trainTinyMusicRun("music-form")
        let out = run.deletingLastPathComponent().appendingPathComponent("form")
        let generate = try runSeqGAN(["generate", run.path, "-n", "3", "--seed", "2", "--form", "AA", "--bars-per-part", "2", "-o", out.path])
        #expect(generate.status == 0, "\(generate.standardError)")
        for name in ["tune-01.mid", "tune-02.mid", "tune-03.mid"] {
            let notes = try Self.inspect(out.appendingPathComponent(name)).notes
            try #require(notes.count >= 2 && notes.count % 2 == 0, "\(name): \(notes.count) notes")
            let half = notes.count / 2
            let shift = notes[half].startTick - notes[0].startTick
            #expect(shift > 0)
            #expect(notes[half...].map { $0.pitch } == notes[..<half].map { $0.pitch }, "\(name)")
            #expect(notes[half...].map { $0.startTick - shift } == notes[..<half].map { $0.startTick }, "\(name)")
        }
        for bad in [["--form", "aab"], ["--form", "AABB", "--length", "64"], ["--form", "AB", "--bars-per-part", "0"]] {
            let result = try runSeqGAN(["generate", run.path, "-n", "1", "-o", out.path] + bad)
            #expect(result.status != 0)
            #expect(result.standardError.contains(bad[0] == "--form" && bad.count == 2 ? "--form" : bad[2]), "\(result.standardError)")
        }
    }
}
