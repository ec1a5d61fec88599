import MIDI

/// What a generated tune amounts to, for a one-line report: length, key and range.
public struct TuneSummary: Sendable, Hashable, CustomStringConvertible {
    /// Notes in the tune.
    public var noteCount: Int
    /// From the start to the end of the last note, in seconds.
    public var seconds: Double
    /// Whole and partial bars of the file's first time signature.
    public var bars: Double
    /// The key signature written, such as "G" or "Em".
    public var key: String
    /// The lowest and highest pitch, `nil` for a tune without notes.
    public var range: ClosedRange<Int>?
    /// The tune used every token it was given before the model ended it (``SampledTune/isCut``).
    public var isCut = false

    /// Summarises a MIDI file.
    public init(_ file: MIDIFile) {
        noteCount = file.notes.count
        seconds = file.notes.reduce(0) { max($0, $1.end) }
        let endTick = file.notes.reduce(0) { max($0, $1.endTick) }
        if case .ticksPerQuarter(let ticks) = file.division, ticks > 0 {
            let metre = file.timeSignatures.first
            let quartersPerBar = Double(metre?.numerator ?? 4) * 4 / Double(metre?.denominator ?? 4)
            bars = Double(endTick) / Double(ticks) / quartersPerBar
        } else {
            bars = 0
        }
        let signature = file.keySignatures.first
        key = TuneSummary.keyName(sharps: signature?.sharps ?? 0, minor: signature?.minor ?? false)
        let pitches = file.notes.map(\.pitch)
        range = pitches.min().flatMap { low in pitches.max().map { low...$0 } }
    }

    /// Summarises a sampled tune, noting whether it was cut before its end.
    public init(_ tune: SampledTune) {
        self.init(tune.file)
        isCut = tune.isCut
    }

    /// "16 bars (0:32.0), key G, range D4-B5, 64 notes", and ", cut before its end" for a cut
    /// tune.
    public var description: String {
        let minutes = Int(seconds) / 60
        var text = String(format: "%.0f bars (%d:%04.1f), key %@", bars, minutes, seconds - Double(minutes * 60), key)
        if let range {
            text += ", range \(TuneSummary.noteName(range.lowerBound))-\(TuneSummary.noteName(range.upperBound))"
        }
        return text + ", \(noteCount) notes" + (isCut ? ", cut before its end" : "")
    }

    /// A key signature's name: the major key for `sharps` (C, G, D, F, Bb...), or the minor one.
    public static func keyName(sharps: Int, minor: Bool) -> String {
        let majors = ["Cb", "Gb", "Db", "Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#"]
        let minors = ["Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#", "G#", "D#", "A#"]
        let index = min(14, max(0, sharps + 7))
        return minor ? minors[index] + "m" : majors[index]
    }

    /// Scientific pitch notation with middle C as C4 (MIDI 60).
    public static func noteName(_ pitch: Int) -> String {
        let names = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]
        return names[((pitch % 12) + 12) % 12] + "\(pitch / 12 - 1)"
    }
}
