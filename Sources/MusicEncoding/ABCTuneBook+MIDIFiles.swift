import Foundation
import MIDI

extension ABCTuneBook {
    /// Writes every tune of the ABC files `books` into `folder` (created if missing) as
    /// `<book>-<X number>.mid`, with General MIDI program `program`.
    ///
    /// - Returns: How many files were written, and every tune that did not parse, with its line
    ///   and reason.
    /// - Throws: Errors naming a book that cannot be read or a file that cannot be written.
    public static func writeMIDIFiles(of books: [URL], to folder: URL, program: Int = 0) throws
        -> (written: Int, skipped: [ABCError])
    {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var written = 0
        var skipped: [ABCError] = []
        for url in books {
            let text = try String(contentsOf: url, encoding: .utf8)
            let book = url.deletingPathExtension().lastPathComponent
            for result in parse(text, fileName: url.relativePath) {
                switch result {
                case .success(let tune):
                    try tune.midiFile(program: program).write(
                        to: folder.appendingPathComponent("\(book)-\(tune.reference).mid"))
                    written += 1
                case .failure(let error):
                    skipped.append(error)
                }
            }
        }
        return (written, skipped)
    }
}
