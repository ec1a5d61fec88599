import Foundation
import MIDI

/// Tunes tokenized and split by tune into train, validation and test sets.
public struct MusicCorpus: Sendable {
    /// One tune's tokens.
    public struct Tune: Sendable, Hashable {
        /// The file's path relative to the input it was found under (for `.abc` files,
        /// `file.abc#X` with the tune's reference number).
        public var name: String
        /// The whole tune's tokens, its transposition and the options that decode it back.
        public var encoded: MusicTokenizer.TuneTokens
        /// The training windows.
        public var windows: [[Int]]
    }

    /// A file that gave no tune, and why.
    public struct SkippedFile: Sendable, Hashable, CustomStringConvertible {
        /// The file (and tune) concerned.
        public var path: String
        /// Why it was skipped: a read error with byte offset, no melody, not in the split lists.
        public var reason: String

        public var description: String { "\(path): \(reason)" }
    }

    /// A file that was read only after repairing truncation (a chunk or event cut short, a
    /// missing end of track), and what was repaired. The strict reader skips such files.
    public struct RepairedFile: Sendable, Hashable, CustomStringConvertible {
        /// The file concerned.
        public var path: String
        /// The first truncation repaired, with its byte offset and track, and how many
        /// irregularities were repaired in all.
        public var repair: String

        public var description: String { "\(path): \(repair)" }
    }

    /// The settings the corpus was built with.
    public var settings: TokenizerSettings
    /// Training tunes.
    public var train: [Tune] = []
    /// Validation tunes.
    public var validation: [Tune] = []
    /// Test tunes.
    public var test: [Tune] = []
    /// Files and tunes that were skipped, with reasons.
    public var skipped: [SkippedFile] = []
    /// Files kept after repairing truncation, with what was repaired (lenient reading only).
    public var repaired: [RepairedFile] = []
    /// Files opened (MIDI and ABC).
    public var filesRead = 0
    /// Warnings from readable files, counted.
    public var warningCount = 0

    /// All tunes, train then validation then test.
    public var allTunes: [Tune] { train + validation + test }

    /// The windows of a split, tune after tune.
    public func sequences(_ split: Split) -> [[Int]] {
        let tunes: [Tune]
        switch split {
        case .train: tunes = train
        case .validation: tunes = validation
        case .test: tunes = test
        }
        return tunes.flatMap(\.windows)
    }

    /// The three splits.
    public enum Split: String, Sendable, CaseIterable {
        case train, validation, test
    }

    /// The vocabulary size of the settings' scheme.
    public var vocabularySize: Int { MusicTokenizer(settings: settings).vocabularySize }
}

/// How tunes are assigned to splits (always whole tunes, never windows).
public enum CorpusSplitPolicy: Sendable, Hashable {
    /// Sort tune names, shuffle with SplitMix64(seed); the first `testFraction` become test,
    /// the next `validationFraction` validation, the rest train. With 3 or more tunes each
    /// split gets at least one.
    case seeded(seed: UInt64, validationFraction: Double = 0.1, testFraction: Double = 0.1)
    /// A folder with `train.txt`, `valid.txt` and `test.txt` listing file paths (as the
    /// Nottingham `splits/` folder does); tunes are matched by file name, tunes in no list are
    /// skipped.
    case lists(URL)
    /// Every tune is a training tune.
    case allTrain
}
