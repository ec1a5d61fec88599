import Foundation
import MusicGeneration
import SeqGAN
import TextGeneration

/// What a run folder holds, told by its files: `tokenizer.json` (music), `text.json` (text),
/// or only a checkpoint (synthetic).
enum RunKind {
    case music, text, synthetic
    /// Not a run folder (or one that has not written a checkpoint yet); the music loader
    /// gives the clearest message for it.
    case unknown

    init(of directory: URL) {
        let files = FileManager.default
        if files.fileExists(atPath: MusicRun.tokenizerURL(in: directory).path) {
            self = .music
        } else if TextRun.isTextRun(directory) {
            self = .text
        } else if files.fileExists(atPath: TrainingRun.checkpointURL(in: directory).path) {
            self = .synthetic
        } else {
            self = .unknown
        }
    }
}
