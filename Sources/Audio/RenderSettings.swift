import Foundation

/// How notes become audio: sample rate, channels, instrument and loudness.
///
/// A `Codable` value with defaults; keys missing from a decoded document take the defaults.
public struct RenderSettings: Sendable, Equatable, Codable {
    /// Frames per second of the rendered audio (8,000...192,000).
    public var sampleRate: Int
    /// 1 for mono, 2 for stereo (voices are spread across the stereo field by track and
    /// channel, and notes around their voice's place by pitch; see ``Synthesizer``).
    public var channelCount: Int
    /// The instrument that plays every note.
    public var instrument: Instrument
    /// The peak of the result, in dBFS (at most 0): -1 dBFS by default, leaving 1 dB of
    /// headroom for lossy encoders and inter-sample peaks. With ``normalizes`` the whole mix
    /// is scaled up or down to peak exactly here; without, it is only scaled down when it
    /// would exceed it.
    public var peakLimitDecibels: Double
    /// Whether the mix is normalised to peak at ``peakLimitDecibels`` (true by default), so
    /// that every render is equally loud whatever its number of voices and velocities.
    public var normalizes: Bool
    /// Whether the silence before the first pitched note is cut (true by default), so that
    /// the audio starts with the music (a pickup, when the tune has one).
    public var trimsLeadingSilence: Bool
    /// Seconds of audio kept after the last note's release, so that nothing is cut off.
    public var tailSeconds: Double
    /// Amplitude of one voice at full velocity, before the peak limit.
    public var voiceGain: Double
    /// Seed of the only random element, the noise that excites plucked strings.
    public var seed: UInt64

    /// The allowed sample rates.
    public static let sampleRateRange = 8_000...192_000

    /// Creates settings; every parameter has a default.
    public init(
        sampleRate: Int = 44_100, channelCount: Int = 2, instrument: Instrument = .piano,
        peakLimitDecibels: Double = -1, normalizes: Bool = true, trimsLeadingSilence: Bool = true,
        tailSeconds: Double = 0.5, voiceGain: Double = 0.3, seed: UInt64 = 0
    ) {
        self.sampleRate = sampleRate
        self.channelCount = channelCount
        self.instrument = instrument
        self.peakLimitDecibels = peakLimitDecibels
        self.normalizes = normalizes
        self.trimsLeadingSilence = trimsLeadingSilence
        self.tailSeconds = tailSeconds
        self.voiceGain = voiceGain
        self.seed = seed
    }

    /// The peak limit as a linear amplitude (-1 dBFS is about 0.891).
    public var peakLimit: Float { Float(pow(10, peakLimitDecibels / 20)) }

    private enum CodingKeys: String, CodingKey {
        case sampleRate, channelCount, instrument, peakLimitDecibels, normalizes, trimsLeadingSilence
        case tailSeconds, voiceGain, seed
    }

    /// Decodes settings, taking the default for every missing key.
    public init(from decoder: any Decoder) throws {
        let defaults = RenderSettings()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sampleRate =
            try container.decodeIfPresent(Int.self, forKey: .sampleRate)
            ?? defaults.sampleRate
        channelCount =
            try container.decodeIfPresent(Int.self, forKey: .channelCount)
            ?? defaults.channelCount
        instrument =
            try container.decodeIfPresent(Instrument.self, forKey: .instrument)
            ?? defaults.instrument
        peakLimitDecibels =
            try container.decodeIfPresent(Double.self, forKey: .peakLimitDecibels)
            ?? defaults.peakLimitDecibels
        normalizes =
            try container.decodeIfPresent(Bool.self, forKey: .normalizes) ?? defaults.normalizes
        trimsLeadingSilence =
            try container.decodeIfPresent(Bool.self, forKey: .trimsLeadingSilence)
            ?? defaults.trimsLeadingSilence
        tailSeconds =
            try container.decodeIfPresent(Double.self, forKey: .tailSeconds)
            ?? defaults.tailSeconds
        voiceGain =
            try container.decodeIfPresent(Double.self, forKey: .voiceGain)
            ?? defaults.voiceGain
        seed = try container.decodeIfPresent(UInt64.self, forKey: .seed) ?? defaults.seed
    }
}
