import Foundation

/// Durations as people read them on a player: `1:05.3`, or `1:05` without tenths.
public enum DurationText {
    /// `m:ss.t` (or `m:ss` without tenths) for `seconds` (negative values show as 0).
    public static func clock(_ seconds: Double, tenths: Bool = true) -> String {
        let total = max(0, seconds)
        let minutes = Int(total) / 60
        let rest = total - Double(minutes * 60)
        return tenths
            ? String(format: "%d:%04.1f", minutes, rest)
            : String(format: "%d:%02d", minutes, Int(rest))
    }
}
