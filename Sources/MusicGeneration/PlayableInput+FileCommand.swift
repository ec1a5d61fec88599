extension PlayableInput {
    /// The `seqgan` command that writes what would be played from `path` to a file instead:
    /// for when no sound device can be opened.
    public func fileCommand(path: String, seed: UInt64) -> String {
        if case .generatedTune = origin { return "seqgan generate \(path) -n 1 --seed \(seed) -o tunes --wav" }
        return "seqgan export \(path) -o out.wav"
    }
}
