import Audio
import Foundation
import SeqGAN

/// Shows training progress: a redrawn bar with ETA and loss on a terminal, plain lines
/// otherwise (so logs stay readable when output goes to a file). After
/// `InterruptSignal.install()`, Ctrl-C asks the run to stop at its next checkpoint.
final class ProgressBar: TrainingObserver {
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private var phase = ""
    private var phaseStart = ContinuousClock.now
    private var lastDraw = ContinuousClock.now
    private var announcedStop = false

    var isStopRequested: Bool { InterruptSignal.isRequested }

    func phaseStarted(_ name: String, total: Int) {
        phase = name
        phaseStart = .now
    }

    func progressed(done: Int, total: Int, loss: Double?) {
        if isStopRequested && !announcedStop {
            announcedStop = true
            report("Ctrl-C: stopping at the next checkpoint, after the current epoch, step or round (Ctrl-C again quits at once)")
        }
        guard isTerminal, total > 0 else { return }
        let now = ContinuousClock.now
        guard done == total || now - lastDraw > .milliseconds(100) else { return }
        lastDraw = now
        let line = "\r" + TrainingProgressLine.text(
            phase: phase, done: done, total: total, elapsed: (now - phaseStart).seconds, loss: loss)
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
    }

    func report(_ line: String) {
        if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        print(line)
        fflush(nil)
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
