import MIDI

/// A tune the model wrote, and whether it ran out of tokens before its end.
public struct SampledTune: Sendable {
    /// The tune as a one-track MIDI file.
    public var file: MIDIFile
    /// A whole tune (tune scheme) that used every token it was given (the row's `T`, or the
    /// requested length) without reaching its `end` token: it stops there, mid-tune. Always
    /// `false` for the window schemes, whose tunes end at their length by design.
    public var isCut: Bool
}
