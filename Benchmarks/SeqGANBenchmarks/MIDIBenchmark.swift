// MIDI benchmark: read every Nottingham MIDI file and tokenize the full tunes, side by side
// with mido (Benchmarks/peers/mido_read_tokenize.py) doing the same job.
// Usage: seqgan-bench midi [--shared DIR] [--repeat N] [--no-peer]
import Foundation
import MIDI
import MusicEncoding

enum MIDIBenchmark {
    static func run(arguments: [String]) throws {
        var sharedPath = "../shared"
        var repeats = 5
        var runPeer = true
        var index = 0
        while index < arguments.count {
            switch arguments[index] {
            case "--shared" where index + 1 < arguments.count:
                sharedPath = arguments[index + 1]
                index += 1
            case "--repeat" where index + 1 < arguments.count:
                repeats = max(1, Int(arguments[index + 1]) ?? 5)
                index += 1
            case "--no-peer": runPeer = false
            default: break
            }
            index += 1
        }
        let root = URL(fileURLWithPath: sharedPath).appendingPathComponent("corpora/nottingham")
        guard FileManager.default.fileExists(atPath: root.path) else {
            print("MIDI: skipped (no \(root.path); pass --shared DIR)")
            return
        }
        var paths: [URL] = []
        for folder in ["chords", "full", "melody"] {
            let directory = root.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".mid") }.sorted()
            paths.append(contentsOf: names.map { directory.appendingPathComponent($0) })
        }
        let tokenizer = MusicTokenizer(settings: TokenizerSettings(scheme: .paper))

        // Swift: median of `repeats` runs of (read all files, tokenize the full tunes).
        var readTimes: [Double] = []
        var tokenizeTimes: [Double] = []
        var summary = (files: 0, tunes: 0, sequences: 0)
        for _ in 0..<repeats {
            // Each file is read, then (for full/ tunes) tokenized, then dropped.
            var readNanoseconds: UInt64 = 0
            var tokenizeNanoseconds: UInt64 = 0
            var tunes = 0
            var sequences = 0
            for url in paths {
                let start = DispatchTime.now().uptimeNanoseconds
                let midi = try MIDIFile.read(contentsOf: url)
                let read = DispatchTime.now().uptimeNanoseconds
                readNanoseconds += read - start
                guard url.deletingLastPathComponent().lastPathComponent == "full" else { continue }
                tunes += 1
                sequences += try tokenizer.encode(midi).count
                tokenizeNanoseconds += DispatchTime.now().uptimeNanoseconds - read
            }
            readTimes.append(Double(readNanoseconds) / 1e9)
            tokenizeTimes.append(Double(tokenizeNanoseconds) / 1e9)
            summary = (paths.count, tunes, sequences)
        }
        let swiftRead = BenchmarkSupport.median(readTimes)
        let swiftTokenize = BenchmarkSupport.median(tokenizeTimes)
        let swiftTotal = BenchmarkSupport.median(zip(readTimes, tokenizeTimes).map { $0 + $1 })
        print("MIDI: read \(summary.files) files, tokenized \(summary.tunes) tunes into \(summary.sequences) paper sequences")
        print(String(
            format: "  swift: read %.3f s (%.0f files/s), tokenize %.3f s, total %.3f s (median of %d), peak RSS %.1f MB",
            swiftRead, Double(summary.files) / swiftRead, swiftTokenize, swiftTotal, repeats, BenchmarkSupport.peakMemoryMiB))

        guard runPeer else { return }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("peers/mido_read_tokenize.py")
        guard let output = BenchmarkSupport.runPeer("python3", [script.path, root.path]),
            let line = output.split(separator: "\n").last,
            let peer = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            let peerRead = peer["read_seconds"] as? Double, let peerTokenize = peer["tokenize_seconds"] as? Double
        else {
            print("  mido: not run (python3 with mido needed: pip install mido)")
            return
        }
        let peerTotal = peerRead + peerTokenize
        print(String(
            format: "  mido:  read %.3f s (%.0f files/s), tokenize %.3f s, total %.3f s, %@ sequences, peak RSS %.1f MB",
            peerRead, Double(summary.files) / peerRead, peerTokenize, peerTotal,
            "\(peer["sequences"] ?? "?")", (peer["peak_rss_kb"] as? Double ?? 0) / 1024))
        print(String(
            format: "  ratio (mido / swift): read %.1fx, tokenize %.1fx, total %.1fx (target >= 30x)",
            peerRead / swiftRead, peerTokenize / swiftTokenize, peerTotal / swiftTotal))
    }

}
