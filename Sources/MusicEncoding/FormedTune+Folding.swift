import MIDI

extension FormedTune {
    /// The form of a played-out melody (a MIDI file's): its notes cut into bars by the file's
    /// time signatures, repeated parts folded by ``RepeatFolder``.
    ///
    /// Onsets and durations are the file's ticks over its ticks per quarter, so
    /// ``unrolled()`` gives back exactly the melody's notes. The key and tempo are the file's
    /// first; the metre is its first time signature (4/4 when there is none).
    ///
    /// - Throws: ``MelodyError/noNotes(track:)`` for a melody without notes,
    ///   ``MelodyError/smpteDivision`` for a file timed in SMPTE frames (no beats, no bars).
    public init(folding melody: Melody) throws(MelodyError) {
        guard melody.ticksPerQuarter > 0 else { throw .smpteDivision }
        let voice = melody.notes
        guard !voice.isEmpty else { throw .noNotes(track: melody.track) }
        let quarter = Double(melody.ticksPerQuarter)
        let notes = voice.map {
            TuneNote(
                pitch: $0.pitch, onset: Double($0.startTick) / quarter,
                duration: Double(max($0.endTick - $0.startTick, 0)) / quarter)
        }
        let metres = melody.timeSignatures.map {
            (onset: Double($0.tick) / quarter, metre: Metre(max($0.numerator, 1), max($0.denominator, 1)))
        }
        let bars = RepeatFolder.bars(of: notes, metres: metres)
        let first = metres.sorted { $0.onset < $1.onset }.first
        self.init(
            metre: first.map { $0.onset == 0 ? $0.metre : Metre(4, 4) } ?? Metre(4, 4),
            sharps: melody.key?.sharps ?? 0, minor: melody.key?.minor ?? false,
            beatsPerMinute: melody.beatsPerMinute, sections: RepeatFolder.fold(bars))
    }
}
