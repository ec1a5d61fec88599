import Foundation

/// Places each (track, channel) voice group at its own point in the stereo field, in order of
/// first appearance: the first in the centre, the next ones alternately left and right. Each
/// note is then moved from its group's point by its pitch, as a piano's strings spread from
/// the player's left (low) to right (high): ``pitchSpread`` at the ends of a five-octave span
/// around F#4, so that a single melody still fills the field instead of giving two identical
/// channels.
struct StereoPlacement {
    /// Positions from -1 (left) to 1 (right), handed out in order.
    private static let positions: [Double] = [0, -0.4, 0.4, -0.2, 0.2, -0.6, 0.6, -0.3, 0.3]
    /// How far a note 30 semitones from the centre pitch moves from its group's position.
    static let pitchSpread = 0.35
    /// The pitch placed at its group's position (F#4, the middle of the melody range).
    static let centrePitch = 66
    private var assigned: [Int: Double] = [:]

    /// Left and right gains (constant-power panning) for a note of `pitch` in the voice of
    /// `track` and `channel`; a left gain of 1 when the output is mono.
    mutating func gains(track: Int, channel: Int, pitch: Int, channelCount: Int) -> (left: Float, right: Float)
    {
        guard channelCount == 2 else { return (1, 0) }
        let key = track * 16 + channel
        let group: Double
        if let known = assigned[key] {
            group = known
        } else {
            group = Self.positions[assigned.count % Self.positions.count]
            assigned[key] = group
        }
        let offset = Self.pitchSpread * Double(pitch - Self.centrePitch) / 30
        let position = min(1, max(-1, group + offset))
        let angle = (position + 1) * Double.pi / 4
        return (Float(cos(angle)), Float(sin(angle)))
    }
}
