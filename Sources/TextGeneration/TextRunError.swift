import Foundation

/// Why a text run could not be trained, loaded or evaluated; each message is one line that
/// names the file (and line) concerned.
public enum TextRunError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// Every token of a sequence maps to `<unk>`: it would teach the model nothing.
    case onlyUnknownTokens(location: String, minimumCount: Int)
    /// Too few sequences to split into training and test data.
    case tooFewSequences(path: String, found: Int)
    /// The path given as a run folder does not exist or holds no text run.
    case notARun(path: String)
    /// A file every text run folder holds is missing or unreadable.
    case unreadableRunFile(path: String, reason: String)
    /// The saved vocabulary and the saved model disagree (a run folder edited by hand).
    case inconsistentRun(path: String, reason: String)

    public var description: String {
        switch self {
        case .onlyUnknownTokens(let location, let minimumCount):
            "\(location): every token is unknown to the vocabulary (built from the training "
                + "lines with --min-count \(minimumCount)); remove the line or lower --min-count"
        case .tooFewSequences(let path, let found):
            "\(path): \(found) sequence\(found == 1 ? "" : "s"); at least 3 are needed "
                + "(training and test data)"
        case .notARun(let path):
            "\(path): not a text run folder (create one with `seqgan train FILE.txt --task text --out \(path)`)"
        case .unreadableRunFile(let path, let reason), .inconsistentRun(let path, let reason):
            "\(path): \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
