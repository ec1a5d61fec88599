/// The audio file formats `AudioFile` writes, chosen by file extension.
public enum AudioFileFormat: String, Sendable, Codable, CaseIterable {
    /// RIFF WAVE (`.wav`): 16-bit PCM, or 32-bit float.
    case wav
    /// FLAC (`.flac`): lossless, 16-bit.
    case flac
    /// Ogg Vorbis (`.ogg`, `.oga`): lossy.
    case ogg

    /// The format for a file extension (case-insensitive, without the dot), or `nil`.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "wav", "wave": self = .wav
        case "flac": self = .flac
        case "ogg", "oga": self = .ogg
        default: return nil
        }
    }

    /// Whether samples can be stored in `encoding` in this format.
    public func supports(_ encoding: AudioSampleEncoding) -> Bool {
        switch (self, encoding) {
        case (_, .pcm16), (.wav, .float32): true
        default: false
        }
    }
}

/// How samples are stored in an uncompressed or lossless file (Ogg Vorbis ignores it).
public enum AudioSampleEncoding: String, Sendable, Codable, CaseIterable {
    /// 16-bit signed integers (CD quality), the default.
    case pcm16
    /// 32-bit IEEE floats (WAV only).
    case float32
}
