import Testing

@testable import SeqGAN

@Suite("Training progress as text: the bar, and at most ten lines a second")
struct TrainingProgressTests {
    @Test("the bar fills with the fraction done and the ETA assumes the same pace")
    func bar() {
        let line = TrainingProgressLine.text(phase: "pretrain", done: 3, total: 10, elapsed: 30, loss: 2.5)
        #expect(line == "pretrain [#########---------------------]  30% ETA 1:10 loss 2.5000")
    }

    @Test("a line comes at once, then not again within 0.1 s unless the phase is done")
    func throttled() {
        var progress = TrainingProgress()
        let start = ContinuousClock.now
        progress.start("mle")
        #expect(progress.line(done: 1, total: 4, loss: nil, now: start)?.hasPrefix("mle [") == true)
        #expect(progress.line(done: 2, total: 4, loss: nil, now: start + .milliseconds(50)) == nil)
        #expect(progress.line(done: 4, total: 4, loss: nil, now: start + .milliseconds(60)) != nil)
        #expect(progress.line(done: 3, total: 4, loss: nil, now: start + .milliseconds(200)) != nil)
        #expect(progress.line(done: 0, total: 0, loss: nil, now: start + .seconds(1)) == nil)
    }

    @Test("a duration in seconds keeps its fraction")
    func seconds() {
        #expect(Duration.milliseconds(1500).seconds == 1.5)
    }
}
