/// What `seqgan train` shows of a phase's progress, apart from drawing it: the phase and when
/// it started, and a line at most every tenth of a second (and at the end of the phase).
public struct TrainingProgress: Sendable {
    /// What is said once when Ctrl-C asks the run to stop.
    public static let stopNotice =
        "Ctrl-C: stopping at the next checkpoint, after the current epoch, step or round (Ctrl-C again quits at once)"

    private var phase = ""
    private var phaseStart = ContinuousClock.now
    private var lastLine: ContinuousClock.Instant?

    /// No phase started yet.
    public init() {}

    /// A phase named `name` starts now.
    public mutating func start(_ name: String) {
        (phase, phaseStart) = (name, .now)
    }

    /// The progress line (``TrainingProgressLine``) for `done` of `total` units, or `nil` when
    /// there is nothing to show or the last line is under 0.1 s old and the phase not done.
    public mutating func line(done: Int, total: Int, loss: Double?, now: ContinuousClock.Instant = .now) -> String? {
        guard total > 0 else { return nil }
        if done < total, let lastLine, now - lastLine <= .milliseconds(100) { return nil }
        lastLine = now
        return TrainingProgressLine.text(
            phase: phase, done: done, total: total, elapsed: (now - phaseStart).seconds, loss: loss)
    }
}
