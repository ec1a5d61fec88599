import Foundation
import MusicEncoding

/// Why a music run could not be trained, loaded or used; each message is one line that
/// names the file or folder concerned.
public enum MusicRunError: Error, Sendable, CustomStringConvertible, LocalizedError {
    /// The inputs hold too few readable tunes to split into train, validation and test;
    /// `skipped` lists every file or tune left out with its reason, and `skippedList` is the
    /// `skipped.txt` written all the same (when there is a run folder to write it in).
    case tooFewTunes(found: Int, skipped: [MusicCorpus.SkippedFile], skippedList: String?)
    /// The path given as a run folder does not exist or is not a folder.
    case notARun(path: String)
    /// A file every run folder holds is missing or unreadable.
    case unreadableRunFile(path: String, reason: String)
    /// The saved tokenizer and the saved model disagree (a run folder edited by hand).
    case inconsistentRun(path: String, reason: String)
    /// The primer of `seqgan generate --primer` cannot be read as a MIDI melody.
    case unreadablePrimer(path: String, reason: String)
    /// The primer has no notes to continue from.
    case emptyPrimer(path: String)
    /// `--form` needs bar tokens, which only the grid scheme has.
    case formNeedsBars(scheme: String)
    /// The folder for generated tunes cannot be made (a file is there, or the file system
    /// refused).
    case cannotWriteTunes(path: String, reason: String)
    /// What `seqgan play` was given is neither a file nor a run folder.
    case nothingToPlay(path: String)
    /// Every test tune (tune scheme) has more tokens than a row holds.
    case testTunesTooLong(count: Int, rowLength: Int)

    public var description: String {
        switch self {
        case .tooFewTunes(let found, let skipped, let skippedList):
            "found \(found) readable tune\(found == 1 ? "" : "s") (\(skipped.count) skipped): at least 3 are "
                + "needed to split into train, validation and test"
                + (skipped.isEmpty ? "" : skippedList.map { "; the skipped files, also in \($0):" } ?? "; the skipped files:")
                + Self.listing(skipped)
        case .notARun(let path):
            "\(path): no such run folder (create one with `seqgan train FOLDER_OF_MIDI --out \(path)`)"
        case .unreadableRunFile(let path, let reason):
            "\(path): \(reason)"
        case .inconsistentRun(let path, let reason):
            "\(path): \(reason)"
        case .unreadablePrimer(let path, let reason):
            "\(path): cannot use as a primer: \(reason)"
        case .emptyPrimer(let path):
            "\(path): the primer has no notes to continue from"
        case .formNeedsBars(let scheme):
            "--form repeats whole bars, but this run's \(scheme) scheme has no bar tokens (train with --scheme grid)"
        case .cannotWriteTunes(let path, let reason):
            "\(path): cannot write the tunes there: \(reason)"
        case .testTunesTooLong(let count, let rowLength):
            "all \(count) test tune\(count == 1 ? " is" : "s are") longer than a row of \(rowLength) tokens: raise --window"
        case .nothingToPlay(let path):
            "\(path): no such file or run folder (play takes a MIDI or audio file, or a run folder of `seqgan train`)"
        }
    }

    public var errorDescription: String? { description }

    /// At most this many skipped files are listed in an error (all of them are in `skipped.txt`).
    public static let listedSkippedFiles = 50

    /// One indented line per skipped file (`  skipped a.mid: reason`), after a newline.
    static func listing(_ skipped: [MusicCorpus.SkippedFile]) -> String {
        guard !skipped.isEmpty else { return "" }
        var lines = skipped.prefix(listedSkippedFiles).map { "  skipped \($0)" }
        if skipped.count > listedSkippedFiles {
            lines.append("  ... and \(skipped.count - listedSkippedFiles) more")
        }
        return "\n" + lines.joined(separator: "\n")
    }
}
