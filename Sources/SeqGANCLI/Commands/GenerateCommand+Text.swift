import ArgumentParser
import Foundation
import NeuralNetwork
import TextGeneration

extension GenerateCommand {
    /// `seqgan generate RUN -n N -o out.txt` for a text run: one sample per line, tokens
    /// separated by spaces (the format of the training files and of `seqgan bleu`).
    func runText() throws {
        guard !wav else { throw ValidationError("--wav renders tunes; \(runFolder) is a text run") }
        guard generation.length == nil else {
            throw ValidationError(
                "--length is for music runs; a text sample ends at its end token (at most T tokens)"
            )
        }
        let model = try TextModel(runDirectory: URL(fileURLWithPath: runFolder))
        let samples = model.sample(count: count, temperature: generation.temperature, seed: seed)
        let lines = samples.map { model.settings.tokens.line($0) }
        let url = URL(fileURLWithPath: output)
        try AtomicFile.write(lines.joined(separator: "\n") + "\n", to: url)
        for line in lines.prefix(5) { print(line) }
        if lines.count > 5 { print("...") }
        print(
            "\(url.path): \(lines.count) sequence\(lines.count == 1 ? "" : "s") (temperature \(generation.temperature), seed \(seed))"
        )
    }
}
