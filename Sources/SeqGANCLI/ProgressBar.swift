import Audio
import Foundation
import SeqGAN

/// Shows training progress: a redrawn bar with ETA and loss on a terminal, plain lines
/// otherwise (so logs stay readable when output goes to a file). After
/// `InterruptSignal.install()`, Ctrl-C asks the run to stop at its next checkpoint.
final class ProgressBar: TrainingObserver {
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private var progress = TrainingProgress()
    private var announcedStop = false

    var isStopRequested: Bool { InterruptSignal.isRequested }

    func phaseStarted(_ name: String, total: Int) { progress.start(name) }

    func progressed(done: Int, total: Int, loss: Double?) {
        if isStopRequested && !announcedStop {
            announcedStop = true
            report(TrainingProgress.stopNotice)
        }
        guard isTerminal, let line = progress.line(done: done, total: total, loss: loss) else { return }
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
    }

    func report(_ line: String) {
        if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        print(line)
        fflush(nil)
    }
}
