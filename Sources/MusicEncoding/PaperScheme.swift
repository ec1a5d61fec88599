import MIDI

/// The paper's encoding: the sounding pitch sampled every `sampleSeconds` through the tempo
/// map; MIDI keys 21...108 are tokens 1...88 (pitches outside move by octaves into that
/// range), silence is 0, and when several notes sound the highest wins.
public enum PaperScheme {
    /// Silence.
    public static let silence = 0
    /// Tokens 0...88.
    public static let vocabularySize = 89
    /// The lowest MIDI key with a token (A0).
    public static let lowestKey = 21
    /// The highest MIDI key with a token (C8).
    public static let highestKey = 108

    /// The token of a MIDI key.
    public static func token(pitch: Int) -> Int {
        var pitch = pitch
        while pitch < lowestKey { pitch += 12 }
        while pitch > highestKey { pitch -= 12 }
        return pitch - lowestKey + 1
    }

    /// The MIDI key of a token, `nil` for silence.
    public static func pitch(token: Int) -> Int? {
        (1...88).contains(token) ? token + lowestKey - 1 : nil
    }

    /// Samples a melody from time 0 to the end of its last note.
    public static func encode(_ melody: Melody, sampleSeconds: Double) -> [Int] {
        let end = melody.sounding.reduce(0.0) { max($0, $1.end) }
        let count = Int((end / sampleSeconds - 1e-9).rounded(.up))
        var tokens = [Int](repeating: silence, count: max(count, 0))
        tokens.withUnsafeMutableBufferPointer { buffer in
            for note in melody.sounding {
                // Samples k with start <= k * dt < end.
                let first = max(0, Int((note.start / sampleSeconds - 1e-9).rounded(.up)))
                let last = min(buffer.count, Int((note.end / sampleSeconds - 1e-9).rounded(.up)))
                guard first < last else { continue }
                let token = Self.token(pitch: note.pitch)
                for k in first..<last where buffer[k] < token { buffer[k] = token }
            }
        }
        return tokens
    }

    /// Turns tokens back into notes: a run of one pitch is one note of `run x sampleSeconds`.
    public static func decode(_ tokens: [Int], sampleSeconds: Double, options: DecodeOptions) -> MIDIFile {
        // Through the tempo as written (whole microseconds per quarter), so that reading the
        // file back samples the same tokens.
        let microseconds = TempoChange(tick: 0, beatsPerMinute: options.beatsPerMinute).microsecondsPerQuarter
        let ticksPerSecond = Double(options.ticksPerQuarter) * 1_000_000 / Double(microseconds)
        // Rounded down, so that a note never starts after the sample that first hears it.
        func tick(_ sample: Int) -> Int { Int((Double(sample) * sampleSeconds * ticksPerSecond + 1e-6).rounded(.down)) }
        var notes: [Note] = []
        var index = 0
        while index < tokens.count {
            guard let pitch = pitch(token: tokens[index]) else {
                index += 1
                continue
            }
            var runEnd = index + 1
            while runEnd < tokens.count && tokens[runEnd] == tokens[index] { runEnd += 1 }
            notes.append(
                Note(
                    pitch: pitch, velocity: options.velocity, program: options.program,
                    startTick: tick(index), endTick: tick(runEnd), start: 0, end: 0))
            index = runEnd
        }
        return MIDIFile.melodyFile(notes: notes, options: options)
    }
}

extension MIDIFile {
    /// A format 1 file with one track named "melody", tempo, time and key signature.
    static func melodyFile(notes: [Note], options: DecodeOptions) -> MIDIFile {
        MIDIFile(
            notes: notes, format: 1, ticksPerQuarter: options.ticksPerQuarter,
            tempos: [TempoChange(tick: 0, beatsPerMinute: options.beatsPerMinute)],
            timeSignatures: [
                TimeSignature(tick: 0, numerator: options.numerator, denominator: options.denominator)
            ],
            keySignatures: [KeySignature(tick: 0, sharps: options.sharps, minor: options.minor)],
            trackNames: ["melody"])
    }
}
