import Randomness

extension MusicModel {
    /// Draws a whole tune that plays no note (rests alone, then `end`) is given before it is
    /// kept as it is.
    public static let silentTuneRedraws = 10

    /// `tunes` with each one that holds no token of `pitches` drawn again by `draw(seed)`, the
    /// seeds taken from `seed`'s stream for the tune's index, until a draw has a note or
    /// ``silentTuneRedraws`` draws are spent (then the last draw is kept).
    ///
    /// A tune without notes would be written as an empty MIDI file: nothing to hear, and
    /// nothing a user asked for.
    static func redrawingSilentTunes(
        _ tunes: [[Int]], pitches: Range<Int>, seed: UInt64, draw: (UInt64) -> [Int]
    ) -> [[Int]] {
        var tunes = tunes
        for index in tunes.indices where !tunes[index].contains(where: pitches.contains) {
            var seeds = SplitMix64(seed: seed, stream: .silentTuneRedraw, UInt64(index))
            for _ in 0..<silentTuneRedraws {
                tunes[index] = draw(seeds.next())
                if tunes[index].contains(where: pitches.contains) { break }
            }
        }
        return tunes
    }
}
