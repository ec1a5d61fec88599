import Foundation
import MIDI
import MusicEncoding
import TestSupport
import Testing

@Suite("A MIDI file's melody as an ABC tune, named by the file")
struct ABCFileConversionTests {
    @Test("the title is the file's name unless given; a file without a melody is one error naming it")
    func fileToABC() throws {
        let scale = try TestPaths.makeTemporaryDirectory("abc-file").appendingPathComponent("scale.mid")
        try Data(CorpusInputProblemsTests.bytes(CorpusInputProblemsTests.scale(channel: 0))).write(to: scale)
        let (tune, text) = try ABCWriter.abc(ofMelodyInFile: scale.path, track: nil, title: nil)
        #expect(text.contains("T:scale\n"), "\(text)")
        #expect(tune.writtenBars.count == 2)
        #expect(try ABCWriter.abc(ofMelodyInFile: scale.path, track: nil, title: "Up").text.contains("T:Up\n"))

        let drums = scale.deletingLastPathComponent().appendingPathComponent("drums.mid")
        try Data(CorpusInputProblemsTests.bytes(CorpusInputProblemsTests.scale(channel: 9))).write(to: drums)
        #expect {
            try ABCWriter.abc(ofMelodyInFile: drums.path, track: nil, title: nil)
        } throws: { error in
            (error as? ABCConversionError)?.path == drums.path
        }
    }
}
