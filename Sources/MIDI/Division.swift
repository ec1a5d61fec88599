/// The time division of a Standard MIDI File (the header's third word, SMF 1.0 "MThd").
///
/// Either metrical time (ticks per quarter note, the tempo map turning beats into seconds) or
/// time-code-based time (SMPTE frames per second and ticks per frame, independent of tempo).
public enum Division: Sendable, Hashable, Codable {
    /// Metrical time: this many ticks make one quarter note (1...32767).
    case ticksPerQuarter(Int)
    /// SMPTE time: `framesPerSecond` is 24, 25, 29 (meaning 29.97 drop-frame) or 30, and each
    /// frame holds `ticksPerFrame` ticks.
    case smpte(framesPerSecond: Int, ticksPerFrame: Int)

    /// The frame rate as a real number: 29 means NTSC drop-frame, 30000/1001 frames per second.
    public static func frameRate(_ framesPerSecond: Int) -> Double {
        framesPerSecond == 29 ? 30000.0 / 1001.0 : Double(framesPerSecond)
    }

    /// Seconds per tick under SMPTE time, or `nil` for metrical time.
    public var smpteSecondsPerTick: Double? {
        switch self {
        case .ticksPerQuarter: return nil
        case .smpte(let fps, let tpf): return 1.0 / (Division.frameRate(fps) * Double(tpf))
        }
    }
}
