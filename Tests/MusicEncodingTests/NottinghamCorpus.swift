import Foundation
import MIDI
import MusicEncoding
import TestSupport

/// The Nottingham ABC sources and MIDI melodies under `../shared`, paired by tune.
enum NottinghamCorpus {
    /// One ABC tune and the name of the MIDI melody rendered from it (`<book><X>.mid`).
    struct SourceTune {
        var book: String
        var tune: ABCTune
        var midiName: String { "\(book)\(tune.reference).mid" }
    }

    /// The folder of cleaned ABC books, or `nil` when the shared data is absent.
    static var abcFolder: URL? { TestPaths.shared("corpora/nottingham/abc") }
    /// The folder of MIDI melodies, or `nil` when the shared data is absent.
    static var melodyFolder: URL? { TestPaths.shared("corpora/nottingham/melody") }

    /// Every tune of every book; failures are returned with their error text.
    static func tunes() throws -> (tunes: [SourceTune], failures: [String]) {
        guard let folder = abcFolder else { return ([], []) }
        var tunes: [SourceTune] = []
        var failures: [String] = []
        let books = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".abc") }.sorted()
        for file in books {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let book = String(file.dropLast(4))
            for result in ABCTuneBook.parse(text, fileName: file) {
                switch result {
                case .success(let tune): tunes.append(SourceTune(book: book, tune: tune))
                case .failure(let error): failures.append(error.description)
                }
            }
        }
        return (tunes, failures)
    }
}
