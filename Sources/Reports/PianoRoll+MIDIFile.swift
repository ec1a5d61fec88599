import MIDI

extension PianoRoll {
    /// The notes of `file` in beats (quarter notes), with bar lines from its first time
    /// signature (4/4 when it has none).
    public init(_ file: MIDIFile) {
        var ticks = 480.0
        if case .ticksPerQuarter(let value) = file.division, value > 0 { ticks = Double(value) }
        self.init(notes: file.notes.map {
            PianoRoll.Note(pitch: $0.pitch, start: Double($0.startTick) / ticks, end: Double($0.endTick) / ticks)
        })
        if let metre = file.timeSignatures.first {
            beatsPerBar = Double(metre.numerator) * 4 / Double(metre.denominator)
        }
    }
}
