import Foundation
import TestSupport
import Testing
import TextEncoding

@Suite("Text files: lines, UTF-8 errors, empty files")
struct TextFileTests {
    func write(_ bytes: [UInt8], _ name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    @Test("lines: CRLF stripped, final newline ignored, inner blank lines kept")
    func lines() throws {
        let folder = try TestPaths.makeTemporaryDirectory("text-file")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try write(Array("a b\r\n\nc  d\n".utf8), "lines.txt", in: folder)
        #expect(try TextFile.readLines(url) == ["a b", "", "c  d"])
        #expect(try TextFile.readWhitespaceTokens(url) == [["a", "b"], [], ["c", "d"]])
        let corpus = try write(Array("Go on, \u{24B0A}!\n\n".utf8), "corpus.txt", in: folder)
        #expect(
            try TextFile.readSequences(corpus, tokenizer: .char) == [
                ["G", "o", "o", "n", ",", "\u{24B0A}", "!"]
            ])
        #expect(
            try TextFile.readSequences(corpus, tokenizer: .word) == [
                ["Go", "on", ",", "\u{24B0A}", "!"]
            ])
    }

    @Test("a pipe (as /dev/stdin or a shell's <(...) gives) is read to its end")
    func pipe() throws {
        let pipe = Pipe()
        try pipe.fileHandleForWriting.write(contentsOf: Data("四 時 運\nthe end\n".utf8))
        try pipe.fileHandleForWriting.close()
        let url = URL(fileURLWithPath: "/proc/self/fd/\(pipe.fileHandleForReading.fileDescriptor)")
        #expect(try TextFile.readLines(url) == ["四 時 運", "the end"])
    }

    @Test("errors name the file, and invalid UTF-8 its line and byte offset")
    func errors() throws {
        let folder = try TestPaths.makeTemporaryDirectory("text-file-errors")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = try write([0x61, 0x0A, 0xE6, 0x98, 0x0A], "bad.txt", in: folder)
        #expect(throws: TextFileError.invalidUTF8(path: bad.path, byteOffset: 2, line: 2)) {
            try TextFile.readLines(bad)
        }
        let blank = try write(Array(" \n\t\n".utf8), "blank.txt", in: folder)
        #expect(throws: TextFileError.empty(path: blank.path)) { try TextFile.readLines(blank) }
        let missing = folder.appendingPathComponent("missing.txt")
        do {
            _ = try TextFile.readLines(missing)
            Issue.record("a missing file must throw")
        } catch {
            #expect(error.description.contains("missing.txt"))
            #expect(!error.description.contains("\n"))
        }
    }
}
