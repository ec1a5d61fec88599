import Foundation
import Randomness
import Metrics

/// `seqgan-bench bleu [--nltk-hypotheses K] [--runs R]` (K = 0 skips NLTK): BLEU-4 of 2,000 hypotheses against
/// 10,000 references, ours against NLTK's `sentence_bleu` in the same run.
///
/// Data: lines 1-10,000 of ../shared/corpora/poems/quatrains5_train.txt as references and
/// lines 10,001-12,000 as hypotheses (20 characters each); without ../shared, seeded random
/// sequences of the same shape over 6,000 tokens. NLTK is far too slow for the full run, so it
/// scores the first K hypotheses against the whole reference set and its time is scaled by
/// 2,000 / K (the output says so); the reference set is never truncated.
enum BLEUBenchmark {
    static let referenceCount = 10_000
    static let hypothesisCount = 2_000
    static let order = 4

    static func run(arguments: [String]) throws {
        let nltkCount = integer(after: "--nltk-hypotheses", in: arguments) ?? 10
        let runs = integer(after: "--runs", in: arguments) ?? 5
        let (references, hypotheses, source) = try data()
        print(
            "BLEU-\(order), smoothing method1: \(hypotheses.count) hypotheses against "
                + "\(references.count) references (\(source))")

        // Ours: precompute the reference table, then score all hypotheses (median of runs).
        var buildTimes: [Double] = []
        var scoreTimes: [Double] = []
        var ours: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now()
            let scorer = try BLEUScorer(references: references, order: order)
            let built = DispatchTime.now()
            ours = try scorer.scores(hypotheses)
            let done = DispatchTime.now()
            buildTimes.append(seconds(start, built))
            scoreTimes.append(seconds(built, done))
        }
        let oursTotal = BenchmarkSupport.median(zip(buildTimes, scoreTimes).map { $0 + $1 })
        print(
            String(
                format: "  ours: %.4f s total (reference table %.4f s, scoring %.4f s; "
                    + "median of %d runs), %.0f hypotheses/s, mean BLEU %.6f",
                oursTotal, BenchmarkSupport.median(buildTimes), BenchmarkSupport.median(scoreTimes), runs,
                Double(hypotheses.count) / oursTotal, Statistics.mean(ours)))

        // Self-BLEU of the 2,000 hypotheses, for reference.
        var selfTimes: [Double] = []
        var selfMean = 0.0
        for _ in 0..<runs {
            let start = DispatchTime.now()
            selfMean = try SelfBLEU.meanScore(hypotheses, order: order)
            selfTimes.append(seconds(start, DispatchTime.now()))
        }
        print(
            String(
                format: "  ours: self-BLEU-4 of the %d hypotheses %.4f s, mean %.6f",
                hypotheses.count, BenchmarkSupport.median(selfTimes), selfMean))

        // NLTK on the first K hypotheses against all references, scaled to all hypotheses.
        guard nltkCount > 0 else { return }
        guard let peer = try runNLTK(references, hypotheses, count: nltkCount) else {
            print("  NLTK: not run (python3 with nltk not found); install with pip install nltk")
            return
        }
        let scaled = peer.seconds * Double(hypotheses.count) / Double(peer.scores.count)
        let difference = zip(peer.scores, ours).map { abs($0 - $1) }.max() ?? 0
        print(
            String(
                format: "  NLTK: %.2f s for the first %d hypotheses against all %d "
                    + "references, scaled x%.0f to %.1f s for %d",
                peer.seconds, peer.scores.count, references.count,
                Double(hypotheses.count) / Double(peer.scores.count), scaled,
                hypotheses.count))
        print(
            String(
                format: "  largest difference from NLTK on those hypotheses: %.2e",
                difference))
        print(
            String(
                format: "  speed-up over NLTK: %.0fx (target: at least 100x)",
                scaled / oursTotal))
        print("  peak memory (ru_maxrss): \(Int(BenchmarkSupport.peakMemoryMiB)) MiB")
    }

    /// References, hypotheses (token ids) and a description of their source.
    static func data() throws -> ([[Int]], [[Int]], String) {
        let poems = repositoryRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/corpora/poems/quatrains5_train.txt")
        if let text = try? String(contentsOf: poems, encoding: .utf8) {
            var ids: [Substring: Int] = [:]
            let lines = text.split(separator: "\n").prefix(referenceCount + hypothesisCount)
            let sequences = lines.map { line in
                line.split(separator: " ").map { token in
                    if let id = ids[token] { return id }
                    ids[token] = ids.count
                    return ids.count - 1
                }
            }
            if sequences.count == referenceCount + hypothesisCount {
                return (
                    Array(sequences.prefix(referenceCount)),
                    Array(sequences.suffix(hypothesisCount)),
                    "quatrain lines from ../shared/corpora/poems"
                )
            }
        }
        var generator = SplitMix64(seed: 2017)
        func sequence() -> [Int] { (0..<20).map { _ in Int(generator.next() % 6_000) } }
        return (
            (0..<referenceCount).map { _ in sequence() },
            (0..<hypothesisCount).map { _ in sequence() },
            "seeded random sequences of 20 tokens over 6,000 ids"
        )
    }

    struct PeerResult: Decodable {
        var seconds: Double
        var scores: [Double]
    }

    /// Runs Benchmarks/peers/nltk_bleu.py on the first `count` hypotheses.
    static func runNLTK(_ references: [[Int]], _ hypotheses: [[Int]], count: Int) throws
        -> PeerResult?
    {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("seqgan-bench-bleu-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ sequences: [[Int]], _ name: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            let text = sequences.map { $0.map(String.init).joined(separator: " ") + "\n" }
            try text.joined().write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        guard
            let output = BenchmarkSupport.runPeer("python3", [
                repositoryRoot.appendingPathComponent("Benchmarks/peers/nltk_bleu.py").path,
                try write(references, "references.txt"), try write(hypotheses, "hypotheses.txt"),
                String(order), String(count),
            ])
        else { return nil }
        return try JSONDecoder().decode(PeerResult.self, from: Data(output.utf8))
    }

    static var repositoryRoot: URL { BenchmarkSupport.repositoryRoot }

    static func integer(after flag: String, in arguments: [String]) -> Int? {
        guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else {
            return nil
        }
        return Int(arguments[index + 1])
    }

    static func seconds(_ start: DispatchTime, _ end: DispatchTime) -> Double {
        Double(end.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

}
