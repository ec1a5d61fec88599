import Foundation
import MusicEncoding
import TestSupport
import Testing

@Suite("A corpus written as a token file, one window a line, with its settings")
struct TokenFileWritingTests {
    @Test("the test split's windows are the lines, the settings JSON reads back, the summary names the file")
    func testSplit() throws {
        let folder = TestPaths.repositoryRoot.appendingPathComponent("corpora/folk")
        let settings = TokenizerSettings(scheme: .grid, windowLength: 16, stride: 8)
        let corpus = try CorpusBuilder.build(inputs: [folder], settings: settings, split: .seeded(seed: 7))
        let scratch = try TestPaths.makeTemporaryDirectory("token-file")
        let output = scratch.appendingPathComponent("test.txt").path
        let json = scratch.appendingPathComponent("settings.json").path
        let lines = try corpus.writeTokenFile(.test, to: output, settingsOutput: json)
        let rows = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(rows.map { $0.split(separator: " ").map { Int($0)! } } == corpus.sequences(.test))
        #expect(try JSONDecoder().decode(TokenizerSettings.self, from: Data(contentsOf: URL(fileURLWithPath: json))) == settings)
        #expect(lines.contains { $0.contains(output) }, "\(lines)")
    }
}
