import Foundation

/// Shared measuring helpers for the benchmark areas.
enum BenchmarkSupport {
    /// Peak resident memory of this process so far, in MiB (`getrusage` `ru_maxrss`).
    static var peakMemoryMiB: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// The median of `values` (the mean of the middle two for an even count).
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2]
            : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// CPU time of the whole process (all threads), for comparisons on a loaded machine.
    static func processorSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// Runs `body` `repeats` times after one warm-up run and returns the median seconds.
    static func medianSeconds(repeats: Int, warmUp: Bool = true, _ body: () throws -> Void) rethrows -> Double {
        if warmUp { try body() }
        var times: [Double] = []
        for _ in 0..<max(1, repeats) {
            let start = ContinuousClock.now
            try body()
            times.append(seconds(ContinuousClock.now - start))
        }
        times.sort()
        return times[times.count / 2]
    }

    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    /// The value of `--name VALUE` in `arguments`, if present.
    static func option(_ name: String, in arguments: [String]) -> String? {
        guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
        return arguments[i + 1]
    }

    /// The value of option `name` as a positive integer, or `fallback` when it is absent;
    /// exits with a message naming the option when it is not a positive integer.
    static func positiveInteger(_ name: String, in arguments: [String], default fallback: Int) -> Int {
        guard let text = option(name, in: arguments) else { return fallback }
        guard let value = Int(text), value > 0 else {
            FileHandle.standardError.write(Data("seqgan-bench: \(name) needs a positive integer, got '\(text)'\n".utf8))
            exit(2)
        }
        return value
    }

    /// The project's root folder (two levels above this file's folder).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs a peer command and returns its standard output, or `nil` when it failed.
    static func runPeer(_ executable: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Busy processes that load the machine while a benchmark runs (`--load N`): one shell
    /// loop per core `0..<N`, each pinned to its core with `taskset` (unpinned when `taskset`
    /// is missing), so that the benchmark and its peer share those cores with another process.
    final class Load {
        private var spinners: [Process] = []

        /// Starts the busy processes given by `--load N` in `arguments` (none without it).
        init(arguments: [String]) {
            let cores = BenchmarkSupport.option("--load", in: arguments) == nil
                ? 0 : BenchmarkSupport.positiveInteger("--load", in: arguments, default: 1)
            let pinned = FileManager.default.isExecutableFile(atPath: "/usr/bin/taskset")
            for core in 0..<cores {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: pinned ? "/usr/bin/taskset" : "/bin/sh")
                process.arguments = (pinned ? ["-c", String(core), "/bin/sh"] : []) + ["-c", "while :; do :; done"]
                do {
                    try process.run()
                    spinners.append(process)
                } catch {
                    FileHandle.standardError.write(Data("seqgan-bench: cannot start a busy process: \(error)\n".utf8))
                }
            }
            if !spinners.isEmpty {
                print("under load: \(spinners.count) busy process(es)\(pinned ? " pinned to CPU 0..<\(spinners.count)" : "")")
            }
        }

        /// Stops the busy processes.
        func stop() {
            for process in spinners where process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
            spinners = []
        }

        deinit { stop() }
    }

    /// Prints one result row: a label, our value, and the peer's with the ratio when known.
    static func row(_ label: String, ours: Double, peer: Double?, unit: String = "s") {
        var line = String(format: "%-44@ ours %9.3f %@", label as NSString, ours, unit)
        if let peer {
            line += String(format: "   peer %9.3f %@   peer/ours %6.2fx", peer, unit, peer / ours)
        }
        print(line)
    }
}
