/// The synthetic instruments the renderer can play every note with.
public enum Instrument: String, Sendable, Codable, CaseIterable {
    /// A simple piano-like tone: bright at the hammer strike, mellowing and decaying.
    case piano
    /// A soft organ-like additive tone that sustains while the key is held.
    case organ
    /// A plucked string (Karplus-Strong): a burst of noise in a tuned, damped delay line.
    case pluck

    /// One line describing the instrument, for `--help`.
    public var summary: String {
        switch self {
        case .piano: "a piano-like tone that mellows and decays"
        case .organ: "a soft organ-like additive tone that sustains"
        case .pluck: "a plucked string, by Karplus-Strong synthesis"
        }
    }

    /// Seconds over which the sound fades out after the note ends.
    public var releaseSeconds: Double {
        switch self {
        case .piano: 0.08
        case .organ: 0.1
        case .pluck: 0.06
        }
    }

    /// Gain that evens out the instruments' loudness (a plucked string decays fast and
    /// sounds quieter than a held organ note of the same peak).
    var loudness: Float {
        switch self {
        case .piano: 1
        case .organ: 0.85
        case .pluck: 1.7
        }
    }

    /// Seconds over which the sound fades in at the note's start (a raised cosine).
    public var attackSeconds: Double {
        switch self {
        case .piano: 0.002
        case .organ: 0.02
        case .pluck: 0.0015
        }
    }
}
