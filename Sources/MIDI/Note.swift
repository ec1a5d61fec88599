/// One sounding note, as read from (or to be written to) a Standard MIDI File.
///
/// Times are given both in ticks (the file's own clock) and in seconds (through the
/// tempo map), so that consumers such as the audio renderer never need the tempo map.
public struct Note: Sendable, Hashable, Codable {
    /// Index of the track (`MTrk` chunk) the note came from, from 0.
    public var track: Int
    /// MIDI channel, 0...15.
    public var channel: Int
    /// MIDI key number, 0...127 (60 is middle C, 69 is A4 = 440 Hz).
    public var pitch: Int
    /// Note-on velocity, 1...127.
    public var velocity: Int
    /// General MIDI program (instrument) in effect on the channel at note-on, 0...127.
    public var program: Int
    /// Tick of the note-on event.
    public var startTick: Int
    /// Tick of the matching note-off event (or of the track's end for a note left open).
    public var endTick: Int
    /// Start time in seconds, through the tempo map.
    public var start: Double
    /// End time in seconds, through the tempo map.
    public var end: Double

    /// Creates a note.
    public init(
        track: Int = 0, channel: Int = 0, pitch: Int, velocity: Int = 90, program: Int = 0,
        startTick: Int = 0, endTick: Int = 0, start: Double, end: Double
    ) {
        self.track = track
        self.channel = channel
        self.pitch = pitch
        self.velocity = velocity
        self.program = program
        self.startTick = startTick
        self.endTick = endTick
        self.start = start
        self.end = end
    }

    /// Duration in seconds.
    public var duration: Double { end - start }
}
