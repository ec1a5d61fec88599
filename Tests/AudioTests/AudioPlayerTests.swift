import Audio
import Foundation
import Synchronization
import Testing

/// A sink that takes as long as real playback would, so that interruption can be timed.
final class RealTimeSink: AudioSink {
    let memory: MemoryAudioSink
    var sampleRate: Int { memory.sampleRate }
    var channelCount: Int { memory.channelCount }
    var periodFrames: Int { memory.periodFrames }

    init(sampleRate: Int, channelCount: Int, periodFrames: Int) {
        memory = MemoryAudioSink(
            sampleRate: sampleRate, channelCount: channelCount, periodFrames: periodFrames)
    }

    func write(_ samples: UnsafeBufferPointer<Float>) throws {
        try memory.write(samples)
        let seconds = Double(samples.count / channelCount) / Double(sampleRate)
        Thread.sleep(forTimeInterval: seconds)
    }

    func drain() throws { try memory.drain() }
    func close() { memory.close() }
}

/// A stop flag shared with another thread, and when it was raised.
final class StopRequest: Sendable {
    let stop = Atomic<Bool>(false)
    let requestedAt = Atomic<UInt64>(0)
}

/// A sink that fails on its `failAt`-th write.
final class FailingSink: AudioSink {
    let sampleRate = 8_000
    let channelCount = 1
    let periodFrames = 100
    let failAt: Int
    private(set) var writes = 0
    private(set) var closed = false

    init(failAt: Int) { self.failAt = failAt }

    func write(_ samples: UnsafeBufferPointer<Float>) throws {
        writes += 1
        if writes == failAt {
            throw AudioDeviceError.writeFailed(device: "test", reason: "unplugged")
        }
    }

    func drain() throws {}
    func close() { closed = true }
}

@Suite("Audio player")
struct AudioPlayerTests {
    static func ramp(frames: Int, channelCount: Int, sampleRate: Int) -> AudioBuffer {
        AudioBuffer(
            samples: (0..<frames * channelCount).map { Float($0 % 1000) / 1000 },
            channelCount: channelCount, sampleRate: sampleRate)
    }

    @Test("every sample reaches the sink in period-sized writes, then it drains and closes")
    func streamsInPeriods() throws {
        let buffer = Self.ramp(frames: 10_000, channelCount: 2, sampleRate: 44_100)
        let sink = MemoryAudioSink(sampleRate: 44_100, channelCount: 2, periodFrames: 1_024)
        var reports: [PlaybackProgress] = []
        let outcome = try AudioPlayer(sink: sink).play(buffer, progress: { reports.append($0) })
        #expect(outcome == .finished)
        #expect(sink.samples == buffer.samples)
        #expect(sink.writeSizes == Array(repeating: 1_024, count: 9) + [784])
        #expect(sink.isDrained && sink.isClosed)
        #expect(reports.count == 10)
        #expect(abs(reports.last!.elapsed - buffer.duration) < 1e-9)
        #expect(reports.allSatisfy { $0.total == buffer.duration })
    }

    @Test("a clock in whole seconds is told once per second played")
    func everySecond() throws {
        let buffer = Self.ramp(frames: 8_000 * 5 / 2, channelCount: 1, sampleRate: 8_000)
        let sink = MemoryAudioSink(sampleRate: 8_000, channelCount: 1, periodFrames: 800)
        var seconds: [Int] = []
        let outcome = try AudioPlayer(sink: sink).play(
            buffer, shouldStop: { false }, everySecond: { seconds.append(Int($0.elapsed)) })
        #expect(outcome == .finished)
        #expect(seconds == [0, 1, 2])
        #expect(sink.samples == buffer.samples)
    }

    @Test(
        "a stop request from another thread ends real-time playback within 200 ms, without draining"
    )
    func stopsPromptly() throws {
        let buffer = Self.ramp(frames: 44_100 * 5, channelCount: 2, sampleRate: 44_100)
        let sink = RealTimeSink(sampleRate: 44_100, channelCount: 2, periodFrames: 1_102)
        let request = StopRequest()
        let stopper = Thread {
            Thread.sleep(forTimeInterval: 0.3)
            request.requestedAt.store(DispatchTime.now().uptimeNanoseconds, ordering: .relaxed)
            request.stop.store(true, ordering: .relaxed)
        }
        stopper.start()
        let outcome = try AudioPlayer(sink: sink).play(
            buffer, shouldStop: { request.stop.load(ordering: .relaxed) })
        let stoppedAt = DispatchTime.now().uptimeNanoseconds
        #expect(outcome == .interrupted)
        #expect(!sink.memory.isDrained && sink.memory.isClosed)
        let latency = Double(stoppedAt - request.requestedAt.load(ordering: .relaxed)) / 1e9
        #expect(latency < 0.2, "stopped \(latency) s after the request")
        #expect(sink.memory.samples.count < buffer.samples.count / 2)
    }

    @Test("Ctrl-C (SIGINT) during real-time playback sets the flag and stops it within 200 ms")
    func interruptSignalStopsPlayback() throws {
        let buffer = Self.ramp(frames: 44_100 * 5, channelCount: 1, sampleRate: 44_100)
        let sink = RealTimeSink(sampleRate: 44_100, channelCount: 1, periodFrames: 1_102)
        InterruptSignal.install()
        #expect(!InterruptSignal.isRequested)
        let request = StopRequest()
        let interrupter = Thread {
            Thread.sleep(forTimeInterval: 0.3)
            request.requestedAt.store(DispatchTime.now().uptimeNanoseconds, ordering: .relaxed)
            kill(getpid(), SIGINT)
        }
        interrupter.start()
        let outcome = try AudioPlayer(sink: sink).play(
            buffer, shouldStop: { InterruptSignal.isRequested })
        let stoppedAt = DispatchTime.now().uptimeNanoseconds
        #expect(outcome == .interrupted)
        #expect(InterruptSignal.isRequested)
        let latency = Double(stoppedAt - request.requestedAt.load(ordering: .relaxed)) / 1e9
        #expect(latency < 0.2, "stopped \(latency) s after SIGINT")
    }

    @Test("a failing sink's error comes through and the sink is closed")
    func sinkFailure() throws {
        let sink = FailingSink(failAt: 3)
        let buffer = Self.ramp(frames: 1_000, channelCount: 1, sampleRate: 8_000)
        #expect(throws: AudioDeviceError.writeFailed(device: "test", reason: "unplugged")) {
            try AudioPlayer(sink: sink).play(buffer)
        }
        #expect(sink.writes == 3)
        #expect(sink.closed)
    }
}
