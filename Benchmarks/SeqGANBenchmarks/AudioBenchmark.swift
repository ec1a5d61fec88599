// `seqgan-bench audio [--runs N] [--seconds S]`: render a minute of four-voice music from a
// MIDI file to a 16-bit stereo 44.1 kHz WAV, with our synthesizer and, side by side in the
// same run, with FluidSynth and the General MIDI SoundFont.
//
// Setup for the peer (not needed by the build or CI):
//   apt-get install -y fluidsynth fluid-soundfont-gm
// Without it, only our side is measured.
import Audio
import Foundation
import MIDI

enum AudioBenchmark {
    /// The SoundFont Debian's fluid-soundfont-gm installs.
    static let soundFont = "/usr/share/sounds/sf2/FluidR3_GM.sf2"

    static func run(arguments: [String]) throws {
        var runs = 5
        var musicSeconds = 60
        var index = 0
        while index < arguments.count {
            switch arguments[index] {
            case "--runs" where index + 1 < arguments.count:
                runs = max(1, Int(arguments[index + 1]) ?? runs)
                index += 2
            case "--seconds" where index + 1 < arguments.count:
                musicSeconds = max(1, Int(arguments[index + 1]) ?? musicSeconds)
                index += 2
            default:
                print("usage: seqgan-bench audio [--runs N] [--seconds S]")
                return
            }
        }

        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("seqgan-audio-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let midiURL = directory.appendingPathComponent("four-voices.mid")
        let music = fourVoiceMusic(seconds: musicSeconds, seed: 2017)
        try Data(music.encoded()).write(to: midiURL)

        print(
            "Audio: render \(musicSeconds) s of four-voice music (\(music.notes.count) notes) "
                + "from MIDI to a 16-bit stereo 44.1 kHz WAV; median of \(runs) runs")

        // Ours: read the MIDI file, render, write the WAV: what `seqgan export` does.
        let ourWAV = directory.appendingPathComponent("ours.wav")
        var ourTimes: [Timing] = []
        var renderTimes: [Timing] = []
        var duration = 0.0
        for _ in 0..<runs {
            let start = Timing.now(.current)
            let file = try MIDIFile.read(contentsOf: midiURL)
            let audio = try Synthesizer().render(file.notes)
            let rendered = Timing.now(.current)
            try AudioFile.write(audio, to: ourWAV)
            let end = Timing.now(.current)
            ourTimes.append(end - start)
            renderTimes.append(rendered - start)
            duration = audio.duration
        }
        print(
            "  " + "".padding(toLength: 34, withPad: " ", startingAt: 0)
                + "    wall s     cpu s   x real time (wall, cpu)")
        let ours = Timing.median(ourTimes)
        report("ours (read + render + write WAV)", ours, duration: duration)
        report("ours (read + render only)", Timing.median(renderTimes), duration: duration)

        // FluidSynth: `fluidsynth -ni -F out.wav sf2 in.mid`, timed as a whole process.
        guard let fluidsynth = executable(named: "fluidsynth"),
            FileManager.default.fileExists(atPath: soundFont)
        else {
            print("  FluidSynth: not installed (apt-get install -y fluidsynth fluid-soundfont-gm)")
            printPeakMemory()
            return
        }
        let peerWAV = directory.appendingPathComponent("fluidsynth.wav")
        var peerTimes: [Timing] = []
        for _ in 0..<runs {
            let process = Process()
            process.executableURL = fluidsynth
            process.arguments = [
                "-ni", "-q", "-r", "44100", "-F", peerWAV.path, soundFont, midiURL.path,
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let start = Timing.now(.children)
            try process.run()
            process.waitUntilExit()
            peerTimes.append(Timing.now(.children) - start)
            guard process.terminationStatus == 0 else {
                print("  FluidSynth: failed with status \(process.terminationStatus)")
                return
            }
        }
        let peer = Timing.median(peerTimes)
        let peerDuration = wavDuration(peerWAV) ?? duration
        report("FluidSynth (FluidR3_GM)", peer, duration: peerDuration)
        print(
            String(
                format: "  ratio: ours is %.1fx faster than FluidSynth (wall), %.1fx (cpu)",
                peer.wall / ours.wall, peer.cpu / ours.cpu))
        printPeakMemory()
    }

    /// Four voices (bass, tenor, alto, soprano) on four tracks and channels: seeded random
    /// walks over the C major scale in half, quarter and eighth notes at 120 bpm, with
    /// velocities from 60 to 110.
    static func fourVoiceMusic(seconds: Int, seed: UInt64) -> MIDIFile {
        let ticksPerQuarter = 480
        let eighth = ticksPerQuarter / 2
        let endTick = seconds * 2 * ticksPerQuarter  // 120 bpm: two quarters per second
        let scale = [0, 2, 4, 5, 7, 9, 11]
        let voices: [(low: Int, high: Int, lengths: [Int])] = [
            (36, 52, [4, 8]), (48, 64, [2, 4]), (55, 72, [1, 2, 2]), (64, 84, [1, 1, 2]),
        ]
        var random = seed
        func next(_ bound: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((random >> 33) % UInt64(bound))
        }
        var notes: [Note] = []
        for (voice, range) in voices.enumerated() {
            let degrees = (range.low...range.high).filter { scale.contains($0 % 12) }
            var position = degrees.count / 2
            var tick = 0
            while tick < endTick {
                let length = range.lengths[next(range.lengths.count)] * eighth
                position = min(max(position + next(5) - 2, 0), degrees.count - 1)
                let end = min(tick + length, endTick)
                notes.append(
                    Note(
                        track: voice, channel: voice, pitch: degrees[position],
                        velocity: 60 + next(51), startTick: tick, endTick: end,
                        start: 0, end: 0))
                tick = end
            }
        }
        return MIDIFile(
            notes: notes, format: 1, ticksPerQuarter: ticksPerQuarter,
            tempos: [TempoChange(tick: 0, microsecondsPerQuarter: 500_000)])
    }

    static func report(_ label: String, _ timing: Timing, duration: Double) {
        let padded = label.padding(toLength: 34, withPad: " ", startingAt: 0)
        print(
            "  " + padded
                + String(
                    format: "  %8.3f  %8.3f   %7.1fx %7.1fx", timing.wall, timing.cpu,
                    duration / timing.wall, duration / timing.cpu))
    }

    /// The first executable called `name` on the PATH.
    static func executable(named name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map {
            URL(fileURLWithPath: String($0)).appendingPathComponent(name)
        }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// The length of a WAV file in seconds, read through libsndfile.
    static func wavDuration(_ url: URL) -> Double? {
        guard let audio = try? AudioFile.read(from: url) else { return nil }
        return audio.duration
    }

    static func printPeakMemory() {
        print(String(format: "  peak memory (this process): %.0f MiB", BenchmarkSupport.peakMemoryMiB))
    }
}

/// Wall-clock and CPU (user + system) seconds. On a shared, busy machine the CPU time is
/// the steadier measure; both are printed.
struct Timing {
    var wall: Double
    var cpu: Double

    /// Whose CPU time to read: this process, or its waited-for children.
    enum Who { case current, children }

    static func now(_ who: Who) -> Timing {
        var usage = rusage()
        getrusage(who == .current ? RUSAGE_SELF.rawValue : RUSAGE_CHILDREN.rawValue, &usage)
        func seconds(_ time: timeval) -> Double {
            Double(time.tv_sec) + Double(time.tv_usec) * 1e-6
        }
        var clock = timespec()
        clock_gettime(CLOCK_MONOTONIC, &clock)
        return Timing(
            wall: Double(clock.tv_sec) + Double(clock.tv_nsec) * 1e-9,
            cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime))
    }

    static func - (end: Timing, start: Timing) -> Timing {
        Timing(wall: end.wall - start.wall, cpu: end.cpu - start.cpu)
    }

    /// The median wall time and the median CPU time, each taken separately.
    static func median(_ timings: [Timing]) -> Timing {
        Timing(
            wall: BenchmarkSupport.median(timings.map(\.wall)),
            cpu: BenchmarkSupport.median(timings.map(\.cpu)))
    }
}
