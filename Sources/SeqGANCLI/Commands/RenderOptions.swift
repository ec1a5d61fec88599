import ArgumentParser
import Audio
import Foundation
import MIDI

extension Instrument: ExpressibleByArgument {}

/// The options that say how `seqgan export` and `seqgan play` turn MIDI notes into sound.
struct RenderOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The instrument that plays every note. "
                + Instrument.allCases.map { "\($0.rawValue): \($0.summary)" }.joined(
                    separator: "; ")
                + ".",
            valueName: "name"))
    var instrument: Instrument = .piano

    @Option(
        name: .customLong("sample-rate"),
        help: ArgumentHelp(
            "Samples per second of the rendered audio (8000...192000).", valueName: "hz"))
    var sampleRate: Int = 44_100

    @Option(help: ArgumentHelp("1 for mono, 2 for stereo.", valueName: "n"))
    var channels: Int = 2

    @Option(help: "Seed of the noise that excites plucked strings (renders are reproducible).")
    var seed: UInt64 = 0

    func validate() throws {
        guard RenderSettings.sampleRateRange.contains(sampleRate) else {
            let range = RenderSettings.sampleRateRange
            throw ValidationError(
                "--sample-rate \(sampleRate) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        guard (1...2).contains(channels) else {
            throw ValidationError("--channels must be 1 (mono) or 2 (stereo), not \(channels)")
        }
    }

    /// The renderer settings these options describe.
    var settings: RenderSettings {
        RenderSettings(
            sampleRate: sampleRate, channelCount: channels, instrument: instrument, seed: seed)
    }

    /// Reads a MIDI file and renders its notes, reporting repaired irregularities on stderr.
    func renderMIDIFile(at path: String) throws -> AudioBuffer {
        let file = try MIDIFile.read(contentsOf: URL(fileURLWithPath: path))
        if !file.warnings.isEmpty {
            printToStandardError(
                "warning: \(path): \(file.warnings.count) irregularities repaired "
                    + "(see `seqgan midi inspect \(path)`)")
        }
        if Synthesizer.pitchedNoteCount(in: file.notes) == 0 {
            printToStandardError(
                "warning: \(path): no pitched notes to render"
                    + (file.notes.isEmpty ? "" : " (its \(file.notes.count) notes are all percussion, MIDI channel 10)")
                    + ": the audio is silent")
        }
        return try Synthesizer(settings: settings).render(file.notes)
    }

    /// Whether `path` names a MIDI file (by its extension).
    static func isMIDIFile(_ path: String) -> Bool {
        ["mid", "midi", "smf"].contains(URL(fileURLWithPath: path).pathExtension.lowercased())
    }

    /// `m:ss.t` (or `m:ss` without tenths) for a duration in seconds.
    static func formatDuration(_ seconds: Double, tenths: Bool = true) -> String {
        let total = max(0, seconds)
        let minutes = Int(total) / 60
        let rest = total - Double(minutes * 60)
        return tenths
            ? String(format: "%d:%04.1f", minutes, rest)
            : String(format: "%d:%02d", minutes, Int(rest))
    }

    /// Writes one line to standard error.
    private func printToStandardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
