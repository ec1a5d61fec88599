import MIDI
import MusicEncoding

/// A generated (or decoded) tune written as ABC 2.1: its melody folded into parts with repeat
/// signs and endings where it repeats (``RepeatFolder``), in the key and metre of the MIDI file
/// it was written as (``ABCWriter``).
public enum TuneABC {
    /// The ABC text of one tune.
    ///
    /// The notes are the file's melody (its highest voice), so reading the text back gives the
    /// file's notes, times counted from the first note. A tune without notes is written as one
    /// bar of rest, so that a tune book keeps its numbering.
    ///
    /// - Parameters:
    ///   - midi: The tune as written to MIDI.
    ///   - reference: The `X:` number.
    ///   - title: The `T:` title.
    public static func text(of midi: MIDIFile, reference: Int = 1, title: String) -> String {
        do {
            let tune = try FormedTune(folding: try MelodyExtractor.melody(from: midi))
            return try ABCWriter.abc(for: tune, reference: reference, title: title)
        } catch {
            // No notes (or none that one voice can hold): a bar of rest below.
        }
        let metre = midi.timeSignatures.first.map { (max($0.numerator, 1), max($0.denominator, 1)) } ?? (4, 4)
        let key = midi.keySignatures.first
        let (units, per) = (metre.0 * 8, metre.1)
        let divisor = greatestCommonDivisor(units, per)
        let rest = per / divisor == 1 ? "z\(units / divisor)" : "z\(units / divisor)/\(per / divisor)"
        return [
            "X:\(reference)", "T:\(title.isEmpty ? "Untitled" : title)", "M:\(metre.0)/\(metre.1)", "L:1/8",
            "K:\(ABCWriter.keyName(sharps: key?.sharps ?? 0, minor: key?.minor ?? false))", "\(rest) |]",
        ].joined(separator: "\n") + "\n"
    }

    /// The ABC tune book of several tunes: each tune's text (``text(of:reference:title:)``)
    /// numbered `X:1`, `X:2`, ... and titled "Tune 1", "Tune 2", ..., separated by blank lines.
    public static func book(of tunes: [MIDIFile], titlePrefix: String = "Tune") -> String {
        tunes.enumerated().map { index, midi in
            text(of: midi, reference: index + 1, title: "\(titlePrefix) \(index + 1)")
        }.joined(separator: "\n")
    }

    private static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
        var (a, b) = (abs(a), abs(b))
        while b != 0 { (a, b) = (b, a % b) }
        return max(a, 1)
    }
}
