import Randomness
import Foundation
import MIDI

/// Renders notes to audio with one of the built-in instruments.
///
/// Every note gets a raised-cosine attack and release (no clicks), its velocity sets its
/// loudness relative to the other notes (amplitude proportional to the square of velocity /
/// 127), voices overlap freely (chords), and the finished mix is normalised: scaled up or
/// down so that its peak is at `RenderSettings.peakLimitDecibels` (-1 dBFS by default, 1 dB
/// of headroom; see ``RenderSettings/normalizes``). Leading silence is trimmed (the first
/// pitched note starts the audio; see ``RenderSettings/trimsLeadingSilence``), and the result
/// lasts until the last note's release plus `RenderSettings.tailSeconds`. In stereo each
/// (track, channel) voice group has its own place in the field and each note is spread
/// around it by pitch, low notes to the left and high ones to the right as seen from a
/// piano's keyboard (``StereoPlacement``), so even a single melody is not two identical
/// channels. Notes on MIDI channel 10 (index 9, General MIDI percussion) are skipped: the
/// instruments are pitched (see ``pitchedNoteCount(in:)``).
///
/// ```swift
/// let audio = try Synthesizer(settings: RenderSettings(instrument: .organ)).render(notes)
/// ```
public struct Synthesizer: Sendable {
    /// The settings every render uses.
    public let settings: RenderSettings
    /// The waveforms of the chosen instrument (empty for the plucked string).
    let tables: [Wavetable]

    /// The longest music `render` accepts, in seconds.
    public static let maximumDuration: Double = 3_600

    /// A synthesizer for `settings`.
    ///
    /// - Precondition: the sample rate is in `RenderSettings.sampleRateRange`, there are one
    ///   or two channels, the peak limit is at most 0 dBFS, and the tail and gain are not
    ///   negative.
    public init(settings: RenderSettings = RenderSettings()) {
        precondition(
            RenderSettings.sampleRateRange.contains(settings.sampleRate),
            "sample rate \(settings.sampleRate) outside \(RenderSettings.sampleRateRange)")
        precondition((1...2).contains(settings.channelCount), "render mono or stereo")
        precondition(settings.peakLimitDecibels <= 0, "the peak limit must be at most 0 dBFS")
        precondition(settings.tailSeconds >= 0, "the tail cannot be negative")
        precondition(settings.voiceGain >= 0, "the voice gain cannot be negative")
        self.settings = settings
        self.tables = Self.tables(for: settings.instrument, sampleRate: settings.sampleRate)
    }

    /// The frequency in hertz of a MIDI key in equal temperament (69 is A4 = 440 Hz).
    public static func frequency(ofPitch pitch: Int) -> Double {
        440 * pow(2, Double(pitch - 69) / 12)
    }

    /// Renders `notes` (in any order) to a buffer at the settings' rate and channel count.
    ///
    /// - Parameter notes: The notes; only `pitch`, `velocity`, `start`, `end`, `track` and
    ///   `channel` are used (`track` and `channel` place the voice in the stereo field).
    /// - Returns: The mix, whose peak is `settings.peakLimit` (at most that when
    ///   `settings.normalizes` is off; 0 when no note is pitched).
    /// - Throws: `RenderError` for a note with an impossible time or pitch, or when the
    ///   music would be longer than `maximumDuration`.
    public func render(_ notes: [Note]) throws(RenderError) -> AudioBuffer {
        let sampleRate = Double(settings.sampleRate)
        let instrument = settings.instrument
        var lastEnd = 0.0
        var longestNote = 0.0
        var firstPitchedStart = Double.infinity
        for (index, note) in notes.enumerated() {
            guard note.start.isFinite, note.end.isFinite, note.start >= 0, note.end >= note.start
            else { throw .invalidNoteTime(noteIndex: index, start: note.start, end: note.end) }
            guard (0...127).contains(note.pitch) else {
                throw .invalidPitch(noteIndex: index, pitch: note.pitch)
            }
            lastEnd = max(lastEnd, note.end)
            longestNote = max(longestNote, note.duration)
            if note.channel != Self.percussionChannel { firstPitchedStart = min(firstPitchedStart, note.start) }
        }
        // Seconds cut from the start: the silence before the first pitched note.
        let leadingSilence =
            settings.trimsLeadingSilence && firstPitchedStart.isFinite ? firstPitchedStart : 0
        let totalSeconds =
            notes.isEmpty
            ? 0 : lastEnd - leadingSilence + instrument.releaseSeconds + settings.tailSeconds
        guard totalSeconds <= Self.maximumDuration else {
            throw .tooLong(seconds: totalSeconds, limit: Self.maximumDuration)
        }

        let channelCount = settings.channelCount
        let frameCount = Int((totalSeconds * sampleRate).rounded(.up))
        var buffer = AudioBuffer(
            silentFrames: frameCount, channelCount: channelCount, sampleRate: settings.sampleRate)
        let attackFrames = max(1, Int((instrument.attackSeconds * sampleRate).rounded()))
        let releaseFrames = max(1, Int((instrument.releaseSeconds * sampleRate).rounded()))
        let scratchCount =
            Int(((longestNote + instrument.releaseSeconds) * sampleRate).rounded(.up))
            + attackFrames + 2
        var scratch = [Float](repeating: 0, count: scratchCount)
        // The plucked string's delay line, long enough for the lowest key.
        var delayLine = [Float](
            repeating: 0,
            count: instrument == .pluck ? Int(sampleRate / Self.frequency(ofPitch: 0)) + 4 : 0)
        var stereo = StereoPlacement()

        buffer.samples.withUnsafeMutableBufferPointer { mixBuffer in
            scratch.withUnsafeMutableBufferPointer { scratchBuffer in
                delayLine.withUnsafeMutableBufferPointer { delayBuffer in
                    for (index, note) in notes.enumerated() where note.channel != Self.percussionChannel {
                        let startFrame = Int(((note.start - leadingSilence) * sampleRate).rounded())
                        let holdFrames = max(
                            attackFrames, Int(((note.end - note.start) * sampleRate).rounded()))
                        let count = min(holdFrames + releaseFrames, frameCount - startFrame)
                        guard count > 0 else { continue }
                        let voice = UnsafeMutableBufferPointer(rebasing: scratchBuffer[0..<count])
                        let velocity = Float(min(max(note.velocity, 0), 127)) / 127
                        switch instrument {
                        case .piano:
                            renderPiano(into: voice, pitch: note.pitch, velocity: velocity)
                        case .organ:
                            renderOrgan(into: voice, pitch: note.pitch)
                        case .pluck:
                            var noise = SplitMix64(
                                seed: settings.seed &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
                            renderPluck(
                                into: voice, pitch: note.pitch, velocity: velocity,
                                delayLine: delayBuffer, noise: &noise)
                        }
                        NoteEnvelope(
                            attackFrames: attackFrames, holdFrames: holdFrames,
                            releaseFrames: releaseFrames
                        ).apply(to: voice)
                        let amplitude =
                            Float(settings.voiceGain) * instrument.loudness * velocity * velocity
                        let gains = stereo.gains(
                            track: note.track, channel: note.channel, pitch: note.pitch,
                            channelCount: channelCount)
                        Self.mix(
                            voice, into: mixBuffer, atFrame: startFrame,
                            channelCount: channelCount,
                            gains: (gains.left * amplitude, gains.right * amplitude))
                    }
                }
            }
        }
        if settings.normalizes {
            buffer.normalizePeak(to: settings.peakLimit)
        } else {
            buffer.limitPeak(to: settings.peakLimit)
        }
        return buffer
    }

    /// The channel index of General MIDI percussion (channel 10 counted from 1), whose notes
    /// are not rendered.
    public static let percussionChannel = 9

    /// How many of `notes` the synthesizer plays: those not on the percussion channel. When
    /// this is 0 the render is silent, and a caller should say so.
    public static func pitchedNoteCount(in notes: [Note]) -> Int {
        notes.reduce(0) { $0 + ($1.channel == percussionChannel ? 0 : 1) }
    }

    /// Adds a mono voice into interleaved `mix` from `frame` on (mono output uses the left gain).
    private static func mix(
        _ voice: UnsafeMutableBufferPointer<Float>, into mix: UnsafeMutableBufferPointer<Float>,
        atFrame frame: Int, channelCount: Int, gains: (left: Float, right: Float)
    ) {
        if channelCount == 1 {
            let gain = gains.left
            for index in 0..<voice.count { mix[frame + index] += voice[index] * gain }
        } else {
            let left = gains.left
            let right = gains.right
            var position = frame * 2
            for index in 0..<voice.count {
                let sample = voice[index]
                mix[position] += sample * left
                mix[position + 1] += sample * right
                position += 2
            }
        }
    }
}
