extension AudioPlayer {
    /// Plays `buffer` as ``play(_:shouldStop:progress:)`` does, until it ends or Ctrl-C
    /// (``InterruptSignal``, once installed), telling `everySecond` only when playback enters a
    /// new whole second: what a clock in whole seconds (``PlaybackProgress/clock``) shows.
    ///
    /// - Returns: Whether playback finished or was interrupted.
    /// - Throws: The sink's error; the sink is closed first.
    public func play(
        _ buffer: AudioBuffer, shouldStop: () -> Bool = { InterruptSignal.isRequested },
        everySecond: (PlaybackProgress) -> Void
    ) throws -> PlaybackOutcome {
        var shownSecond = -1
        return try play(
            buffer, shouldStop: shouldStop,
            progress: { position in
                guard Int(position.elapsed) != shownSecond else { return }
                shownSecond = Int(position.elapsed)
                everySecond(position)
            })
    }
}
