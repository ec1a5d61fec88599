/// Receives progress from long training runs (the CLI draws progress bars from it).
public protocol TrainingObserver: AnyObject {
    /// A phase with `total` units of work begins (for example one epoch of 156 batches).
    func phaseStarted(_ name: String, total: Int)
    /// `done` of the phase's `total` units are finished; `loss` is the latest loss, if any.
    func progressed(done: Int, total: Int, loss: Double?)
    /// A line worth showing (an evaluation result, a resume notice).
    func report(_ line: String)
    /// Whether the run should stop at its next safe point (after the epoch, step or round in
    /// progress, once its checkpoint is written); the run then throws ``TrainingInterrupted``.
    var isStopRequested: Bool { get }
}

extension TrainingObserver {
    /// Never stops a run.
    public var isStopRequested: Bool { false }
}
