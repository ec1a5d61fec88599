import Foundation
import TestSupport
import Testing

/// The parts of a WAV file these tests look at, parsed here without libsndfile.
struct WAVSummary {
    var formatTag: Int
    var channels: Int
    var sampleRate: Int
    var bitsPerSample: Int
    var data: Data

    /// Parses the RIFF chunks of a WAV file; `nil` when it is not one.
    init?(_ bytes: Data) {
        let bytes = [UInt8](bytes)
        func u32(_ at: Int) -> Int { (0..<4).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8),
            bytes[8..<12].elementsEqual("WAVE".utf8)
        else { return nil }
        var offset = 12
        var format: (Int, Int, Int, Int)?
        var data: Data?
        while offset + 8 <= bytes.count {
            let size = u32(offset + 4)
            let body = offset + 8
            guard body + size <= bytes.count else { return nil }
            if bytes[offset..<offset + 4].elementsEqual("fmt ".utf8) {
                format = (u16(body), u16(body + 2), u32(body + 4), u16(body + 14))
            } else if bytes[offset..<offset + 4].elementsEqual("data".utf8) {
                data = Data(bytes[body..<body + size])
            }
            offset = body + size + (size & 1)
        }
        guard let format, let data else { return nil }
        (formatTag, channels, sampleRate, bitsPerSample) = format
        self.data = data
    }

    /// The 16-bit samples of the data chunk.
    var int16Samples: [Int16] {
        stride(from: 0, to: data.count - 1, by: 2).map {
            Int16(
                bitPattern: UInt16(data[data.startIndex + $0])
                    | UInt16(data[data.startIndex + $0 + 1]) << 8)
        }
    }
}

@Suite("seqgan export and seqgan play")
struct ExportPlayTests {
    /// A one-track MIDI file: a C major arpeggio, eight 0.125 s notes at 120 bpm.
    static let arpeggio: Data = {
        var track: [UInt8] = [0x00, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20]
        for pitch in [60, 64, 67, 72, 76, 72, 67, 64] as [UInt8] {
            track += [0x00, 0x90, pitch, 90, 0x78, 0x80, pitch, 0]  // 120 ticks = 0.125 s
        }
        track += [0x00, 0xFF, 0x2F, 0x00]
        let length = UInt32(track.count)
        return Data(
            [0x4D, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 0, 0, 1, 0x01, 0xE0, 0x4D, 0x54, 0x72, 0x6B]
                + [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: length >> $0) } + track)
    }()

    static func scratch() throws -> (directory: URL, midi: URL) {
        let directory = try TestPaths.makeTemporaryDirectory("export-play")
        let midi = directory.appendingPathComponent("arpeggio.mid")
        try arpeggio.write(to: midi)
        return (directory, midi)
    }

    @Test("export writes a 16-bit stereo 44.1 kHz WAV as long as the music plus its tail")
    func exportWAV() throws {
        let (directory, midi) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out.wav")
        let result = try runSeqGAN(["export", midi.path, "-o", out.path])
        #expect(result.status == 0, "\(result.standardError)")
        let wav = try #require(WAVSummary(try Data(contentsOf: out)))
        #expect(wav.formatTag == 1 && wav.bitsPerSample == 16)
        #expect(wav.channels == 2 && wav.sampleRate == 44_100)
        let seconds = Double(wav.data.count / 4) / 44_100
        // 1 s of notes, the piano's 0.08 s release and the 0.5 s tail.
        #expect(abs(seconds - 1.58) < 0.01, "\(seconds) s")
        let peak = wav.int16Samples.map { abs(Int($0)) }.max() ?? 0
        #expect(peak > 3_000 && peak <= 29_205, "peak \(peak) (-1 dBFS is 29,205)")
    }

    @Test("--float, --sample-rate, --channels and --instrument shape the WAV")
    func exportOptions() throws {
        let (directory, midi) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out.wav")
        let result = try runSeqGAN([
            "export", midi.path, "-o", out.path, "--float", "--sample-rate", "22050",
            "--channels", "1", "--instrument", "organ",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let wav = try #require(WAVSummary(try Data(contentsOf: out)))
        #expect(wav.formatTag == 3 && wav.bitsPerSample == 32)
        #expect(wav.channels == 1 && wav.sampleRate == 22_050)
    }

    @Test(
        "FLAC and Ogg files follow the extension", arguments: [("flac", "fLaC"), ("ogg", "OggS")])
    func exportCompressed(fileExtension: String, magic: String) throws {
        let (directory, midi) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out.\(fileExtension)")
        let result = try runSeqGAN(["export", midi.path, "-o", out.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try Data(contentsOf: out).prefix(4) == Data(magic.utf8))
    }

    @Test("export to .mid rewrites the file, which renders to the same audio")
    func exportMIDI() throws {
        let (directory, midi) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rewritten = directory.appendingPathComponent("rewritten.mid")
        let result = try runSeqGAN(["export", midi.path, "-o", rewritten.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try Data(contentsOf: rewritten).prefix(4) == Data("MThd".utf8))
        let first = directory.appendingPathComponent("first.wav")
        let second = directory.appendingPathComponent("second.wav")
        #expect(try runSeqGAN(["export", midi.path, "-o", first.path]).status == 0)
        #expect(try runSeqGAN(["export", rewritten.path, "-o", second.path]).status == 0)
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
    }

    @Test("an unknown extension or an unwritable path fails in one line and leaves no file")
    func exportErrors() throws {
        let (directory, midi) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let unknown = try runSeqGAN(["export", midi.path, "-o", directory.path + "/out.mp4"])
        #expect(unknown.status != 0)
        #expect(unknown.standardError.contains("out.mp4"))
        #expect(unknown.standardError.split(separator: "\n").count == 1)
        let missingFolder = directory.path + "/no/such/folder/out.wav"
        let unwritable = try runSeqGAN(["export", midi.path, "-o", missingFolder])
        #expect(unwritable.status != 0)
        #expect(unwritable.standardError.contains(missingFolder))
        #expect(unwritable.standardError.split(separator: "\n").count == 1)
        let floatFLAC = try runSeqGAN([
            "export", midi.path, "-o", directory.path + "/x.flac", "--float",
        ])
        #expect(floatFLAC.status != 0)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["arpeggio.mid"])
    }

    @Test(
        "a file that is not MIDI fails in one line naming it; a cut one is repaired with a warning")
    func exportBadMIDI() throws {
        let (directory, midi) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out.wav")
        try Data("RIFF".utf8 + Self.arpeggio.dropFirst(4)).write(to: midi)
        let notMIDI = try runSeqGAN(["export", midi.path, "-o", out.path])
        #expect(notMIDI.status != 0)
        #expect(notMIDI.standardError.contains(midi.path))
        #expect(notMIDI.standardError.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: out.path))

        try Self.arpeggio.prefix(60).write(to: midi)
        let cut = try runSeqGAN(["export", midi.path, "-o", out.path])
        #expect(cut.status == 0)
        #expect(cut.standardError.hasPrefix("warning: \(midi.path)"))
    }

    @Test("play through the file plugin records what export writes")
    func playThroughFilePlugin() throws {
        let (directory, midi) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let exported = directory.appendingPathComponent("exported.wav")
        let captured = directory.appendingPathComponent("captured.wav")
        #expect(try runSeqGAN(["export", midi.path, "-o", exported.path]).status == 0)
        let result = try runSeqGAN(["play", midi.path, "--device", "file:'\(captured.path)',wav"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty)
        // Not a terminal: no progress line, just the summary.
        #expect(!result.standardOutput.contains("\r"))
        let file = try #require(WAVSummary(try Data(contentsOf: exported)))
        let capture = try #require(WAVSummary(try Data(contentsOf: captured)))
        #expect(
            capture.channels == 2 && capture.sampleRate == 44_100 && capture.bitsPerSample == 16)
        let a = file.int16Samples
        let b = capture.int16Samples
        #expect(a.count == b.count)
        // Both are the same render; libsndfile and the player may round differently by 1.
        #expect(zip(a, b).allSatisfy { abs(Int($0) - Int($1)) <= 1 })
        // Playing the exported WAV records the same samples again.
        let again = directory.appendingPathComponent("again.wav")
        #expect(
            try runSeqGAN(["play", exported.path, "--device", "file:'\(again.path)',wav"]).status
                == 0)
        #expect(try #require(WAVSummary(try Data(contentsOf: again))).int16Samples == a)
    }

    @Test("play through null succeeds quietly")
    func playThroughNull() throws {
        let (directory, midi) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try runSeqGAN(["play", midi.path, "--device", "null", "--instrument", "pluck"])
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty)
        #expect(result.standardOutput.contains("played"))
    }

    @Test(
        "on a terminal, play shows elapsed / total time",
        .requiresProgram("/usr/bin/script", for: "a pseudo-terminal for play's progress line"))
    func progressOnTerminal() throws {
        let (directory, midi) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        // util-linux `script` runs the command with a pseudo-terminal as its stdout.
        let command = "'\(TestPaths.seqganBinary.path)' play '\(midi.path)' --device null"
        let result = try runProcess(
            URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"])
        #expect(result.status == 0, "\(result.standardOutput)")
        #expect(result.standardOutput.contains("\rplaying \(midi.path)  0:00 / 0:01"))
        #expect(result.standardOutput.contains("played"))
    }

    @Test("a bad device name fails in one line, without ALSA's own messages")
    func playBadDevice() throws {
        let (directory, midi) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try runSeqGAN(["play", midi.path, "--device", "no-such-pcm"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("no-such-pcm"))
        #expect(!result.standardError.contains("ALSA lib"))
        #expect(result.standardError.split(separator: "\n").count == 1)
    }

    @Test("the default device either plays or, with no sound card, says so in one line")
    func playDefaultDevice() throws {
        let (directory, midi) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try runSeqGAN(["play", midi.path])
        if result.status != 0 {
            #expect(result.standardError.contains("seqgan export"))
            #expect(result.standardError.contains("--device"))
            #expect(!result.standardError.contains("ALSA lib"))
            #expect(result.standardError.split(separator: "\n").count == 1)
        }
    }

    @Test("a Nottingham tune with a chord track exports", .requiresShared("corpora/nottingham/full/ashover1.mid"))
    func nottinghamTune() throws {
        let tune = try #require(TestPaths.shared("corpora/nottingham/full/ashover1.mid"))
        let directory = try TestPaths.makeTemporaryDirectory("export-play")
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("ashover1.wav")
        let result = try runSeqGAN(["export", tune.path, "-o", out.path])
        #expect(result.status == 0, "\(result.standardError)")
        let wav = try #require(WAVSummary(try Data(contentsOf: out)))
        #expect(Double(wav.data.count / 4) / 44_100 > 30)
    }
}
