import Foundation

/// Places each (track, channel) voice group at its own point in the stereo field, in order of
/// first appearance: the first in the centre, the next ones alternately left and right.
struct StereoPlacement {
    /// Positions from -1 (left) to 1 (right), handed out in order.
    private static let positions: [Double] = [0, -0.4, 0.4, -0.2, 0.2, -0.6, 0.6, -0.3, 0.3]
    private var assigned: [Int: Double] = [:]

    /// Left and right gains (constant-power panning) for a voice of `track` and `channel`;
    /// a left gain of 1 when the output is mono.
    mutating func gains(track: Int, channel: Int, channelCount: Int) -> (left: Float, right: Float)
    {
        guard channelCount == 2 else { return (1, 0) }
        let key = track * 16 + channel
        let position: Double
        if let known = assigned[key] {
            position = known
        } else {
            position = Self.positions[assigned.count % Self.positions.count]
            assigned[key] = position
        }
        let angle = (position + 1) * Double.pi / 4
        return (Float(cos(angle)), Float(sin(angle)))
    }
}
