import ArgumentParser
import Audio

/// The options that say how `seqgan export` and `seqgan play` turn MIDI notes into sound.
struct RenderOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The instrument that plays every note.", valueName: "name"))
    var instrument: Instrument = .piano

    @Option(parsing: .unconditional, help: ArgumentHelp("Samples per second of the rendered audio (8000...192000).", valueName: "hz"))
    var sampleRate: Int = 44_100

    @Option(parsing: .unconditional, help: ArgumentHelp("1 for mono, 2 for stereo.", valueName: "n"))
    var channels: Int = 2

    @Option(parsing: .unconditional, help: "Seed of the noise that excites plucked strings (renders are reproducible). (default: 0)", transform: parseSeed)
    var seed: UInt64 = 0

    func validate() throws {
        let range = RenderSettings.sampleRateRange
        try require(range.contains(sampleRate), "--sample-rate \(sampleRate) is outside \(range.lowerBound)...\(range.upperBound)")
        try require((1...2).contains(channels), "--channels must be 1 (mono) or 2 (stereo), not \(channels)")
    }

    /// The renderer settings these options describe.
    var settings: RenderSettings {
        RenderSettings(sampleRate: sampleRate, channelCount: channels, instrument: instrument, seed: seed)
    }
}
