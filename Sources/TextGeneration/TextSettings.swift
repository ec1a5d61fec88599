import Foundation
import TextEncoding

/// How a text run reads and encodes its corpus; saved as `text.json` in the run folder so
/// that `--resume`, `seqgan generate` and `seqgan evaluate` rebuild exactly the same splits.
public struct TextSettings: Codable, Sendable, Equatable {
    /// How the lines of an input file become sequences.
    public enum Format: String, Codable, Sendable, CaseIterable {
        /// ``wrapped`` when the file looks hard-wrapped (see ``TextCorpus/looksWrapped(_:)``),
        /// else ``lines``; resolved when the corpus is first read.
        case auto
        /// One sequence per non-blank line.
        case lines
        /// Running text hard-wrapped at a fixed width: the lines are joined and split into
        /// sentences by `SpeechCorpus` (one sequence per sentence).
        case wrapped

        /// One line describing the format, for `--help`.
        public var summary: String {
            switch self {
            case .auto: "wrapped when every line but the last has one length of at least 60 characters"
            case .lines: "one sequence per line"
            case .wrapped: "hard-wrapped running text: lines joined, then split into sentences"
            }
        }
    }

    /// Characters (Unicode scalars) or words and punctuation.
    public var tokens: Tokenizer
    /// `T`, the tokens of a training row including its end token; `nil` until resolved from
    /// the corpus (see ``TextCorpus/defaultLength(_:)``).
    public var length: Int?
    /// Whether a sequence longer than `T` becomes windows of `T` tokens (all of it is learnt)
    /// rather than being cut to its first `T` tokens.
    public var windows: Bool
    /// Tokens between the starts of consecutive windows; `nil` for half of `T`.
    public var windowStride: Int?
    /// Tokens seen fewer times in the training split map to `<unk>`.
    public var minimumCount: Int
    /// How input lines become sequences.
    public var format: Format
    /// The training text files, as absolute paths.
    public var inputs: [String]
    /// The held-out test file, or `nil` for a seeded 10% of the inputs' sequences.
    public var test: String?
    /// The seed of the test split (without ``test``) and of the validation split.
    public var splitSeed: UInt64

    /// Creates settings; relative paths are made absolute.
    public init(
        tokens: Tokenizer, length: Int? = nil, windows: Bool = false, windowStride: Int? = nil,
        minimumCount: Int = 1,
        format: Format = .auto, inputs: [String], test: String? = nil, splitSeed: UInt64 = 1
    ) {
        self.tokens = tokens
        self.length = length
        self.windows = windows
        self.windowStride = windowStride
        self.minimumCount = minimumCount
        self.format = format
        self.inputs = inputs.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        self.test = test.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        self.splitSeed = splitSeed
    }

    /// What happens to a sequence longer than `T` (once `length` is resolved).
    public var overflow: OverflowPolicy {
        windows ? .windows(stride: windowStride ?? max(1, (length ?? 2) / 2)) : .cut
    }
}
