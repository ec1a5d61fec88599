import MIDI

extension FormedTune {
    /// The tune played out (repeats and endings expanded) as a format 1 MIDI file: one track
    /// with tempo, time signatures (one per metre change) and key signature.
    ///
    /// A short first bar (a pickup) is placed at the end of bar 0, so that bar lines fall on
    /// whole bars from tick 0, as ``ABCTune/midiFile(program:)`` places it.
    ///
    /// - Parameters:
    ///   - program: General MIDI program, 0...127.
    ///   - ticksPerQuarter: The file's division.
    ///   - trackName: The track's name (the title).
    public func midiFile(program: Int = 0, ticksPerQuarter: Int = 480, trackName: String = "") -> MIDIFile {
        let bars = playedBars
        let firstLength = bars.first?.length ?? metre.barQuarters
        let offset = firstLength < metre.barQuarters - 1e-9 ? metre.barQuarters - firstLength : 0
        func tick(_ quarters: Double) -> Int { Int(((quarters + offset) * Double(ticksPerQuarter)).rounded()) }
        var signatures = [TimeSignature(tick: 0, numerator: metre.numerator, denominator: metre.denominator)]
        var barStart = 0.0
        for bar in bars {
            if let change = bar.metreChange {
                signatures.append(TimeSignature(tick: tick(barStart), numerator: change.numerator, denominator: change.denominator))
            }
            barStart += bar.length
        }
        let notes = unrolled().map {
            Note(
                pitch: min(max($0.pitch, 0), 127), velocity: 90, program: program, startTick: tick($0.onset),
                endTick: max(tick($0.end), tick($0.onset) + 1), start: 0, end: 0)
        }
        return MIDIFile(
            notes: notes, format: 1, ticksPerQuarter: ticksPerQuarter,
            tempos: [TempoChange(tick: 0, beatsPerMinute: beatsPerMinute)], timeSignatures: signatures,
            keySignatures: [KeySignature(tick: 0, sharps: sharps, minor: minor)], trackNames: [trackName])
    }
}
