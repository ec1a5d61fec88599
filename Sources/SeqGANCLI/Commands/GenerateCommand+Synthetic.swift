import ArgumentParser
import Foundation
import NeuralNetwork
import Randomness
import SeqGAN

extension GenerateCommand {
    /// `seqgan generate RUN -n N -o out.txt` for a synthetic run: one sequence of
    /// space-separated token ids per line (the format of `seqgan oracle sample` and `oracle nll`).
    func runSynthetic() throws {
        guard !wav else { throw ValidationError("--wav renders tunes; \(runFolder) is a synthetic run") }
        guard generation.length == nil else {
            throw ValidationError("--length is for music runs; a synthetic run samples T tokens")
        }
        let generator = try TrainingRun.trainedGenerator(in: URL(fileURLWithPath: runFolder))
        var random = SplitMix64(seed: seed)
        let tokens = generator.sample(count: count, temperature: generation.temperature, using: &random)
        let url = URL(fileURLWithPath: output)
        try AtomicFile.write(
            TokenSequenceFile.text(of: tokens, length: generator.config.sequenceLength), to: url)
        print("\(url.path): \(count) sequence\(count == 1 ? "" : "s") of \(generator.config.sequenceLength) token ids (temperature \(generation.temperature), seed \(seed))")
    }
}
