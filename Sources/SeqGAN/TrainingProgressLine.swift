import Foundation

/// The progress line `seqgan train` redraws on a terminal:
/// `pretrain [#########---------------------]  30% ETA 1:05 loss 2.3456`.
public enum TrainingProgressLine {
    /// The line for `done` of `total` units of `phase`, `elapsed` seconds into it (the ETA
    /// assumes the same pace), with the last loss when there is one.
    public static func text(phase: String, done: Int, total: Int, elapsed: Double, loss: Double?) -> String {
        let fraction = Double(done) / Double(total)
        let width = 30
        let filled = Int(fraction * Double(width))
        let eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
        var line = "\(phase) [\(String(repeating: "#", count: filled))\(String(repeating: "-", count: width - filled))] "
        line += String(format: "%3.0f%% ETA %@", fraction * 100, clock(eta))
        if let loss { line += String(format: " loss %.4f", loss) }
        return line
    }

    /// Seconds as minutes and seconds, `m:ss`.
    public static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return String(format: "%d:%02d", s / 60, s % 60)
    }
}
