import Foundation
import NeuralNetwork

/// What a run's latest `seqgan evaluate` measured its per-sample values against, kept in
/// `RUN/evaluation/references.txt` so that `seqgan compare` only compares like with like: a
/// description for people, and a fingerprint of the reference sequences themselves (two runs
/// scored against the same sequences from different files, or from their shared test split,
/// are comparable).
public struct ReferenceRecord: Equatable, Sendable {
    /// The file's name inside `RUN/evaluation/`.
    public static let fileName = "references.txt"

    /// "the test tunes", "the run's test split", or a file's absolute path.
    public var description: String
    /// FNV-1a (64-bit) of the sequences, one per line, tokens separated by spaces, in hex.
    public var fingerprint: String

    /// The record of `sequences` (each a line of space-separated tokens).
    public init(description: String, sequences: [String]) {
        self.description = description
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in sequences.joined(separator: "\n").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        fingerprint = String(hash, radix: 16)
    }

    /// A references file as records describe it: its absolute, standardized path.
    public static func describe(file path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    private init(description: String, fingerprint: String) {
        self.description = description
        self.fingerprint = fingerprint
    }

    /// Writes the record into `folder` (`RUN/evaluation`), atomically.
    public func write(in folder: URL) throws {
        try AtomicFile.write(
            "\(description)\nfingerprint \(fingerprint)\n", to: folder.appendingPathComponent(Self.fileName))
    }

    /// The record of the run in `run`, or nil when it has none (never evaluated, or evaluated
    /// before records were kept).
    public static func read(run: URL) -> ReferenceRecord? {
        let url = EvaluationFolder(run: run).url.appendingPathComponent(fileName)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n").map(String.init)
        guard lines.count >= 2, lines[1].hasPrefix("fingerprint ") else { return nil }
        return ReferenceRecord(description: lines[0], fingerprint: String(lines[1].dropFirst("fingerprint ".count)))
    }
}
