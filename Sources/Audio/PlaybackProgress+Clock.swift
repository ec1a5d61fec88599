extension PlaybackProgress {
    /// The position as a player shows it: `elapsed / total` in whole seconds, e.g. `0:07 / 1:05`.
    public var clock: String {
        DurationText.clock(elapsed, tenths: false) + " / " + DurationText.clock(total, tenths: false)
    }
}
