import Audio
import Foundation
import SeqGAN

/// Shows a training run on the console, as `seqgan train` does: on a terminal a redrawn
/// progress line with ETA and loss on standard error, otherwise none (so logs stay readable
/// when output goes to a file); every reported line on standard output. After
/// `InterruptSignal.install()`, Ctrl-C asks the run to stop at its next checkpoint.
public final class TrainingConsole: TrainingObserver {
    private let isTerminal: Bool
    private let writeProgress: (String) -> Void
    private let writeLine: (String) -> Void
    private let stopRequested: () -> Bool
    private var progress = TrainingProgress()
    private var announcedStop = false

    /// The process's console: progress on standard error when it is a terminal, lines on
    /// standard output, stop requests from ``InterruptSignal``.
    public convenience init() {
        self.init(
            isTerminal: isatty(STDERR_FILENO) != 0,
            writeProgress: { FileHandle.standardError.write(Data($0.utf8)) },
            writeLine: { print($0); fflush(nil) },
            stopRequested: { InterruptSignal.isRequested })
    }

    /// A console with the given outputs.
    ///
    /// - Parameters:
    ///   - isTerminal: Whether progress lines are drawn (with carriage returns and erasures).
    ///   - writeProgress: Writes drawing text as it is, without a newline.
    ///   - writeLine: Writes one line of output.
    ///   - stopRequested: Whether the run should stop at its next checkpoint.
    init(
        isTerminal: Bool, writeProgress: @escaping (String) -> Void, writeLine: @escaping (String) -> Void,
        stopRequested: @escaping () -> Bool
    ) {
        (self.isTerminal, self.writeProgress, self.writeLine) = (isTerminal, writeProgress, writeLine)
        self.stopRequested = stopRequested
    }

    public var isStopRequested: Bool { stopRequested() }

    public func phaseStarted(_ name: String, total: Int) { progress.start(name) }

    public func progressed(done: Int, total: Int, loss: Double?) {
        if isStopRequested && !announcedStop {
            announcedStop = true
            report(TrainingProgress.stopNotice)
        }
        guard isTerminal, let line = progress.line(done: done, total: total, loss: loss) else { return }
        writeProgress("\r" + line + "\u{1B}[K")
    }

    public func report(_ line: String) {
        if isTerminal { writeProgress("\r\u{1B}[K") }
        writeLine(line)
    }
}
