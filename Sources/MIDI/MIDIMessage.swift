/// One event's content in a track: a channel-voice message, a SysEx packet or a meta event.
///
/// Channels are 0...15; data values are 0...127 (pitch bend 0...16383, 8192 = centre).
public enum MIDIMessage: Sendable, Hashable {
    /// Note off (8n). A note on with velocity 0 stays a `noteOn` here; pairing treats it as off.
    case noteOff(channel: Int, key: Int, velocity: Int)
    /// Note on (9n).
    case noteOn(channel: Int, key: Int, velocity: Int)
    /// Polyphonic key pressure (An).
    case polyphonicPressure(channel: Int, key: Int, pressure: Int)
    /// Control change (Bn), including channel-mode messages (controllers 120...127).
    case controlChange(channel: Int, controller: Int, value: Int)
    /// Program change (Cn).
    case programChange(channel: Int, program: Int)
    /// Channel pressure (Dn).
    case channelPressure(channel: Int, pressure: Int)
    /// Pitch bend (En), 14 bits, 8192 is the centre.
    case pitchBend(channel: Int, value: Int)
    /// A SysEx packet starting with F0: the bytes after the length (usually ending in F7).
    case systemExclusive([UInt8])
    /// An F7 packet: a SysEx continuation or an "escape" carrying arbitrary bytes.
    case escape([UInt8])
    /// A system-common or real-time status byte (F1...FE other than FF), which has no place
    /// in a file but appears in some; kept with its data bytes.
    case systemCommon(status: Int, data: [UInt8])
    /// A meta event (FF).
    case meta(MetaEvent)
}

/// The meta events of SMF 1.0 (FF type length data).
public enum MetaEvent: Sendable, Hashable {
    /// FF 00 02: sequence number.
    case sequenceNumber(Int)
    /// FF 01...0F: a text event of the given kind.
    case text(TextKind, String)
    /// FF 20 01: MIDI channel prefix.
    case channelPrefix(Int)
    /// FF 21 01: MIDI port (a common, non-standard event).
    case port(Int)
    /// FF 2F 00: end of track.
    case endOfTrack
    /// FF 51 03: set tempo, in microseconds per quarter note.
    case tempo(microsecondsPerQuarter: Int)
    /// FF 54 05: SMPTE offset of the track's start.
    case smpteOffset(hours: Int, minutes: Int, seconds: Int, frames: Int, subframes: Int)
    /// FF 58 04: time signature; the denominator is `1 << denominatorPower`.
    case timeSignature(
        numerator: Int, denominatorPower: Int, clocksPerClick: Int, thirtySecondsPerQuarter: Int)
    /// FF 59 02: key signature, `sharps` in -7...7 (negative for flats).
    case keySignature(sharps: Int, minor: Bool)
    /// FF 7F: sequencer-specific data.
    case sequencerSpecific([UInt8])
    /// Any other meta type, or a known type with a malformed length, kept as raw bytes.
    case unknown(type: Int, data: [UInt8])

    /// The kinds of text meta event (FF 01 to FF 0F).
    public enum TextKind: Int, Sendable, Hashable, Codable {
        case text = 1, copyright, trackName, instrumentName, lyric, marker, cuePoint
        case programName, deviceName
        case other0A = 0x0A, other0B, other0C, other0D, other0E, other0F
    }
}

/// A message at an absolute time in its track.
public struct MIDIEvent: Sendable, Hashable {
    /// Absolute time in ticks from the start of the track.
    public var tick: Int
    /// What happens at that time.
    public var message: MIDIMessage

    /// Creates an event.
    public init(tick: Int, _ message: MIDIMessage) {
        self.tick = tick
        self.message = message
    }
}

/// One `MTrk` chunk: its events in file order, with absolute ticks.
public struct MIDITrack: Sendable, Hashable {
    /// The events, in the order of the file (ticks never decrease).
    public var events: [MIDIEvent]

    /// Creates a track.
    public init(events: [MIDIEvent] = []) { self.events = events }

    /// The first track-name meta event's text, if any.
    public var name: String? {
        for event in events {
            if case .meta(.text(.trackName, let name)) = event.message { return name }
        }
        return nil
    }

    /// The tick of the last event (the end of track), 0 for an empty track.
    public var endTick: Int { events.last?.tick ?? 0 }
}
