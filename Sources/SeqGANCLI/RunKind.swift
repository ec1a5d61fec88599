import Foundation
import RunFiles

/// What a run folder holds, as ``RunFolder/kind`` tells it (recorded in `run.json`, or
/// probed from the files of folders written before the record). Prefer `RunFolder`.
enum RunKind {
    case music, text, synthetic
    /// Not a run folder (or one that has not written anything yet); the music loader
    /// gives the clearest message for it.
    case unknown

    init(of directory: URL) {
        switch RunFolder(directory).kind {
        case .music: self = .music
        case .text: self = .text
        case .synthetic: self = .synthetic
        case nil: self = .unknown
        }
    }
}
