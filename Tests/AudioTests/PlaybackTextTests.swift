@testable import Audio
import Testing

@Suite("What a player shows: its position as text")
struct PlaybackTextTests {
    @Test(
        "a position is elapsed over total in whole seconds",
        arguments: [(0.0, 65.3, "0:00 / 1:05"), (7.9, 65.0, "0:07 / 1:05"), (-1.0, 600.0, "0:00 / 10:00")])
    func clock(elapsed: Double, total: Double, text: String) {
        #expect(PlaybackProgress(elapsed: elapsed, total: total).clock == text)
    }
}

@Suite("What a player says when it ends")
struct PlaybackOutcomeTextTests {
    @Test("a finished playback names its length and device; a stopped one only the input")
    func summary() {
        #expect(PlaybackOutcome.finished.summary(of: "a.mid", duration: 65.3, device: "null") == "played a.mid (1:05.3) on null")
        #expect(PlaybackOutcome.interrupted.summary(of: "a.mid", duration: 65.3, device: "null") == "stopped a.mid")
    }
}
