import MIDI

/// One voice of a tune: non-overlapping notes in time order, with the file's timing context.
public struct Melody: Sendable {
    /// Every note of the chosen track and channel before reduction to one voice, sorted by
    /// start (the paper scheme samples the highest sounding one of these).
    public var sounding: [Note]
    /// The notes reduced to one voice (``MelodyExtractor/highestVoice(_:)``): sorted by
    /// start, never overlapping. Computed on each access.
    public var notes: [Note] { MelodyExtractor.highestVoice(sounding) }
    /// The track the notes came from.
    public var track: Int
    /// The channel the notes came from.
    public var channel: Int
    /// The file's ticks per quarter note (0 for SMPTE files).
    public var ticksPerQuarter: Int
    /// The file's time signatures (4/4 is assumed when there are none).
    public var timeSignatures: [TimeSignature]
    /// The first key signature, if any.
    public var key: KeySignature?
    /// The first tempo, in quarter notes per minute (120 when there is none).
    public var beatsPerMinute: Double
}

/// Why a tune gave no melody.
public enum MelodyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The requested track does not exist.
    case noSuchTrack(Int, trackCount: Int)
    /// No notes in the chosen track.
    case noNotes(track: Int?)
    /// The only notes (of the chosen track, or of the file) are percussion on MIDI channel 10,
    /// which has no melody.
    case percussionOnly(track: Int?, notes: Int)
    /// The grid scheme needs a metrical (ticks per quarter) division.
    case smpteDivision
    /// The melody lasts longer than the tokenizer accepts (a sign of corrupt delta times).
    case tooLong(seconds: Double, limit: Double)
    /// The tune scheme cannot encode the melody (a metre without a token).
    case tuneEncoding(TuneEncodingError)

    public var description: String {
        switch self {
        case .noSuchTrack(let track, let count): return "no track \(track) (the file has \(count))"
        case .noNotes(let track):
            return track.map { "track \($0) has no notes" } ?? "the file has no notes"
        case .percussionOnly(let track, let notes):
            let place = track.map { "track \($0)" } ?? "the file"
            return "\(place) holds only percussion (\(notes) notes on MIDI channel 10, drums), no melody"
        case .smpteDivision: return "SMPTE time division has no beats for the grid scheme"
        case .tooLong(let seconds, let limit):
            return "melody lasts \(Int(seconds)) s, longer than the \(Int(limit)) s accepted"
        case .tuneEncoding(let error): return error.description
        }
    }
}

/// Chooses the melody of a file and reduces it to one voice.
///
/// Percussion (MIDI channel 10, index ``percussionChannel``) is never melody: its notes are
/// ignored, and a file or track holding only percussion gives
/// ``MelodyError/percussionOnly(track:notes:)``. The track is `track` when given. Otherwise a file laid out like the Nottingham set (format
/// 1, two tracks, track 0 higher on average than track 1 or alone with notes) gives track 0;
/// any other file gives the track and channel
/// with the most notes in the melody range (MIDI 55...96, G3 to C7). Overlapping notes become
/// one voice by keeping the highest: at a shared onset the highest note wins; a higher note
/// starting while another sounds cuts it short; a lower one starting under a sounding note is
/// dropped.
public enum MelodyExtractor {
    /// The pitch range counted when choosing the melody track automatically.
    public static let melodyRange = 55...96
    /// The channel index of General MIDI percussion (channel 10 counted from 1).
    public static let percussionChannel = 9

    /// Extracts the melody.
    ///
    /// - Parameters:
    ///   - midi: The file.
    ///   - track: The melody track, or `nil` to choose automatically.
    /// - Throws: ``MelodyError`` when the track does not exist or has no notes.
    public static func melody(from midi: MIDIFile, track: Int? = nil) throws(MelodyError) -> Melody {
        if let track, !(0..<midi.tracks.count).contains(track) {
            throw .noSuchTrack(track, trackCount: midi.tracks.count)
        }
        let pitched = midi.notes.filter { $0.channel != percussionChannel }
        let percussionCount = { (track: Int?) in
            midi.notes.filter { $0.channel == percussionChannel && (track == nil || $0.track == track) }.count
        }
        guard let (chosenTrack, chosenChannel) = choose(midi, pitched: pitched, track: track) else {
            let drums = percussionCount(track)
            throw drums > 0 ? .percussionOnly(track: track, notes: drums) : .noNotes(track: track)
        }
        let voice = pitched.filter {
            $0.track == chosenTrack && (chosenChannel == nil || $0.channel == chosenChannel)
        }
        guard !voice.isEmpty else {
            let drums = percussionCount(chosenTrack)
            throw drums > 0 ? .percussionOnly(track: chosenTrack, notes: drums) : .noNotes(track: chosenTrack)
        }
        let ticksPerQuarter: Int
        if case .ticksPerQuarter(let ticks) = midi.division { ticksPerQuarter = ticks } else { ticksPerQuarter = 0 }
        let governing = midi.format == 2 ? midi.tempos.filter { $0.track == chosenTrack } : midi.tempos
        return Melody(
            sounding: voice, track: chosenTrack, channel: voice[0].channel,
            ticksPerQuarter: ticksPerQuarter,
            timeSignatures: midi.format == 2
                ? midi.timeSignatures.filter { $0.track == chosenTrack } : midi.timeSignatures,
            key: midi.keySignatures.first,
            beatsPerMinute: governing.first?.beatsPerMinute ?? 120)
    }

    /// The (track, channel) to use among the `pitched` notes of `midi`; channel `nil` means
    /// every channel of the track.
    private static func choose(_ midi: MIDIFile, pitched: [Note], track: Int?) -> (Int, Int?)? {
        if let track { return (track, nil) }
        // The Nottingham layout: format 1, two tracks, the tune in track 0 above the chords
        // in track 1 (which may be empty).
        if midi.format == 1 && midi.tracks.count == 2 {
            var sums = [0, 0]
            var counts = [0, 0]
            for note in pitched {
                sums[note.track] += note.pitch
                counts[note.track] += 1
            }
            if counts[0] > 0 && (counts[1] == 0 || sums[0] * counts[1] > sums[1] * counts[0]) { return (0, nil) }
        }
        var counts: [Int: Int] = [:]
        for note in pitched where melodyRange.contains(note.pitch) {
            counts[note.track << 4 | note.channel, default: 0] += 1
        }
        if counts.isEmpty, let first = pitched.first { return (first.track, first.channel) }
        // Most notes; ties go to the lowest track, then channel.
        guard let best = counts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }) else { return nil }
        return (best.key >> 4, best.key & 15)
    }

    /// Reduces notes to one voice, keeping the highest (see the type's description).
    public static func highestVoice(_ notes: [Note]) -> [Note] {
        let sorted = notes.sorted { ($0.startTick, -$0.pitch) < ($1.startTick, -$1.pitch) }
        var voice: [Note] = []
        voice.reserveCapacity(sorted.count)
        for note in sorted {
            guard var last = voice.last else {
                voice.append(note)
                continue
            }
            if note.startTick >= last.endTick {
                voice.append(note)
            } else if note.startTick > last.startTick && note.pitch > last.pitch {
                last.endTick = note.startTick
                last.end = note.start
                voice[voice.count - 1] = last
                voice.append(note)
            }
        }
        return voice
    }
}
