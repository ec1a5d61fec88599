import Foundation
import SeqGAN
import TestSupport
import Testing
@testable import Training

@Suite("what seqgan train shows on the console")
struct TrainingConsoleTests {
    /// What a console wrote: the drawing text on standard error, and the lines.
    final class Written {
        var progress: [String] = []
        var lines: [String] = []
    }

    static func console(terminal: Bool, stop: Bool = false) -> (TrainingConsole, Written) {
        let written = Written()
        let console = TrainingConsole(
            isTerminal: terminal, writeProgress: { written.progress.append($0) }, writeLine: { written.lines.append($0) },
            stopRequested: { stop })
        return (console, written)
    }

    @Test("on a terminal progress is redrawn in place and a line first erases it; elsewhere only lines")
    func drawing() {
        let (terminal, drawn) = Self.console(terminal: true)
        terminal.phaseStarted("pretrain", total: 4)
        terminal.progressed(done: 1, total: 4, loss: 2.5)
        terminal.report("epoch 1")
        #expect(drawn.progress.count == 2)
        #expect(drawn.progress[0].hasPrefix("\r") && drawn.progress[0].hasSuffix("\u{1B}[K"))
        #expect(drawn.progress[0].contains("pretrain"), "\(drawn.progress)")
        #expect(drawn.progress[1] == "\r\u{1B}[K")
        #expect(drawn.lines == ["epoch 1"])

        let (file, plain) = Self.console(terminal: false)
        file.phaseStarted("pretrain", total: 4)
        file.progressed(done: 1, total: 4, loss: 2.5)
        file.report("epoch 1")
        #expect(plain.progress.isEmpty)
        #expect(plain.lines == ["epoch 1"])
    }

    @Test("a stop request is announced once, however often progress comes")
    func stopAnnouncedOnce() {
        let (console, written) = Self.console(terminal: false, stop: true)
        console.phaseStarted("pretrain", total: 4)
        for done in 1...3 { console.progressed(done: done, total: 4, loss: nil) }
        #expect(console.isStopRequested)
        #expect(written.lines == [TrainingProgress.stopNotice])
    }

    @Test("a finished run says its final score; a stopped one says how to continue and is saved")
    func trainFinishesOrStops() throws {
        let finished = try TrainRequestTests.synthetic("console-finished", epochs: 1)
        let (console, written) = Self.console(terminal: false)
        #expect(try finished.prepare().train(observer: console))
        #expect(written.lines.last?.hasPrefix("final NLL-oracle") == true, "\(written.lines)")

        let stopped = try TrainRequestTests.synthetic("console-stopped", epochs: 3)
        let (stopping, said) = Self.console(terminal: false, stop: true)
        #expect(try !stopped.prepare().train(observer: stopping))
        #expect(said.lines.filter { $0 == TrainingProgress.stopNotice }.count == 1, "\(said.lines)")
        #expect(said.lines.suffix(1) == ["  seqgan train --resume --out \(stopped.out!)"], "\(said.lines)")
        #expect(FileManager.default.fileExists(atPath: stopped.out! + "/checkpoint.safetensors"))
    }
}
