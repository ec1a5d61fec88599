extension MIDIFile {
    /// Builds a file to write from notes (their ticks, track, channel, velocity and program)
    /// and conductor events.
    ///
    /// Track 0 carries the track name, time and key signatures and tempo changes; each note
    /// goes to the track named by `note.track` (format 1) or to the only track (format 0).
    /// A program change is written before a note-on whenever the note's program differs from
    /// the program last set on its channel in that track (so every channel used gets one).
    ///
    /// Notes of zero length (end tick not after the start) are left out, as the reader would
    /// drop them. For notes of the same track, channel and pitch that overlap, reading the file back pairs
    /// them first-in first-out; they come back unchanged when a later start means a later end.
    ///
    /// - Parameters:
    ///   - notes: The notes; `startTick` and `endTick` are used, seconds are ignored.
    ///   - format: 0 or 1.
    ///   - ticksPerQuarter: The division.
    ///   - tempos: Tempo changes (none means the default 120 BPM).
    ///   - timeSignatures: Time signatures (denominator a power of two).
    ///   - keySignatures: Key signatures.
    ///   - trackNames: Names of tracks 0, 1, ...; written as track-name events.
    public init(
        notes: [Note], format: Int = 1, ticksPerQuarter: Int = 480, tempos: [TempoChange] = [],
        timeSignatures: [TimeSignature] = [], keySignatures: [KeySignature] = [],
        trackNames: [String] = []
    ) {
        precondition(format == 0 || format == 1, "the writer makes formats 0 and 1")
        precondition((1...0x7FFF).contains(ticksPerQuarter), "ticks per quarter must be 1...32767")
        let highestTrack = notes.map(\.track).max() ?? 0
        let trackCount = format == 0 ? 1 : max(highestTrack + 1, trackNames.count, 1)

        /// An event with its ordering key: tick, then rank within the tick, then insertion.
        struct Pending {
            var tick: Int
            var rank: Int
            var sequence: Int
            var message: MIDIMessage
        }
        var pending = [[Pending]](repeating: [], count: trackCount)
        func add(_ track: Int, _ tick: Int, _ rank: Int, _ message: MIDIMessage) {
            pending[track].append(
                Pending(tick: tick, rank: rank, sequence: pending[track].count, message: message))
        }

        for (index, name) in trackNames.enumerated() where index < trackCount {
            add(index, 0, 0, .meta(.text(.trackName, name)))
        }
        for signature in timeSignatures {
            let power = max(0, signature.denominator.trailingZeroBitCount)
            add(0, signature.tick, 1, .meta(.timeSignature(
                numerator: signature.numerator, denominatorPower: power, clocksPerClick: 24,
                thirtySecondsPerQuarter: 8)))
        }
        for signature in keySignatures {
            add(0, signature.tick, 1, .meta(.keySignature(sharps: signature.sharps, minor: signature.minor)))
        }
        for tempo in tempos {
            add(0, tempo.tick, 1, .meta(.tempo(microsecondsPerQuarter: tempo.microsecondsPerQuarter)))
        }

        // Note-ons in start order (ties: earlier end first, so first-in first-out pairing
        // gives every note back its own end).
        let ordered = notes.filter { $0.endTick > $0.startTick }.sorted {
            ($0.startTick, $0.endTick, $0.track, $0.channel, $0.pitch)
                < ($1.startTick, $1.endTick, $1.track, $1.channel, $1.pitch)
        }
        var programs = [[Int]](repeating: [Int](repeating: -1, count: 16), count: trackCount)
        for note in ordered {
            let track = format == 0 ? 0 : note.track
            if programs[track][note.channel] != note.program {
                programs[track][note.channel] = note.program
                add(track, note.startTick, 3, .programChange(channel: note.channel, program: note.program))
            }
            add(track, note.startTick, 3, .noteOn(channel: note.channel, key: note.pitch, velocity: note.velocity))
            add(track, note.endTick, 2, .noteOff(channel: note.channel, key: note.pitch, velocity: 0))
        }

        let tracks = pending.map { events -> MIDITrack in
            let sorted = events.sorted { ($0.tick, $0.rank, $0.sequence) < ($1.tick, $1.rank, $1.sequence) }
            var track = MIDITrack(events: sorted.map { MIDIEvent(tick: $0.tick, $0.message) })
            track.events.append(MIDIEvent(tick: track.endTick, .meta(.endOfTrack)))
            return track
        }
        self.init(format: format, division: .ticksPerQuarter(ticksPerQuarter), tracks: tracks)
    }
}
