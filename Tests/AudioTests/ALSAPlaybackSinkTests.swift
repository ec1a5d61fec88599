import Audio
import Foundation
import MIDI
import TestSupport
import Testing

@Suite("ALSA playback")
struct ALSAPlaybackSinkTests {
    static let tune: AudioBuffer = {
        let notes = (0..<8).map { step in
            Note(
                pitch: 60 + [0, 2, 4, 5, 7, 9, 11, 12][step], start: 0.1 * Double(step),
                end: 0.1 * Double(step) + 0.15)
        }
        return try! Synthesizer(settings: RenderSettings(sampleRate: 44_100)).render(notes)
    }()

    @Test("the null device plays a whole tune")
    func nullDevice() throws {
        let sink = try ALSAPlaybackSink(device: "null", sampleRate: 44_100, channelCount: 2)
        #expect(sink.periodFrames > 0)
        let outcome = try AudioPlayer(sink: sink).play(Self.tune)
        #expect(outcome == .finished)
    }

    @Test("the file plugin records exactly the rendered samples (at 16 bits)")
    func filePluginCapture() throws {
        let directory = try TestPaths.makeTemporaryDirectory("alsa")
        defer { try? FileManager.default.removeItem(at: directory) }
        let capture = directory.appendingPathComponent("capture.wav")
        let sink = try ALSAPlaybackSink(
            device: "file:'\(capture.path)',wav", sampleRate: 44_100, channelCount: 2)
        let outcome = try AudioPlayer(sink: sink).play(Self.tune)
        #expect(outcome == .finished)
        let recorded = try AudioFile.read(from: capture)
        #expect(recorded.sampleRate == 44_100)
        #expect(recorded.channelCount == 2)
        #expect(recorded.frameCount == Self.tune.frameCount)
        let difference = zip(recorded.samples, Self.tune.samples).reduce(Float(0)) {
            max($0, abs($1.0 - $1.1))
        }
        #expect(difference <= 1 / 32_768, "largest difference \(difference)")
        #expect(recorded.peak > 0.1)
    }

    @Test("a mono buffer at another rate plays through the file plugin")
    func monoOtherRate() throws {
        let directory = try TestPaths.makeTemporaryDirectory("alsa")
        defer { try? FileManager.default.removeItem(at: directory) }
        let capture = directory.appendingPathComponent("mono.wav")
        let audio = try Synthesizer(settings: RenderSettings(sampleRate: 22_050, channelCount: 1))
            .render([Note(pitch: 69, start: 0, end: 0.5)])
        let sink = try ALSAPlaybackSink(
            device: "file:'\(capture.path)',wav", sampleRate: 22_050, channelCount: 1)
        #expect(try AudioPlayer(sink: sink).play(audio) == .finished)
        let recorded = try AudioFile.read(from: capture)
        #expect(recorded.sampleRate == 22_050 && recorded.channelCount == 1)
        #expect(recorded.frameCount == audio.frameCount)
    }

    @Test("a bad device name gives one clean line naming the device")
    func badDeviceName() throws {
        do {
            _ = try ALSAPlaybackSink(
                device: "no-such-device-xyz", sampleRate: 44_100, channelCount: 2)
            Issue.record("opening a made-up device succeeded")
        } catch let error as AudioDeviceError {
            guard case .cannotOpen(let device, let reason) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(device == "no-such-device-xyz")
            #expect(!reason.isEmpty)
            #expect(error.description.contains("no-such-device-xyz"))
            #expect(!error.description.contains("\n"))
        }
    }
}
