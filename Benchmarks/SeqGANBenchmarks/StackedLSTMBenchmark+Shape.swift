import Foundation
import MusicEncoding
import MusicGeneration
import SeqGAN
import TensorCore

extension StackedLSTMBenchmark {
    /// The model and data a run times, from the command line.
    ///
    /// Two presets: `tunes` (the default music model: whole tunes of V 81 tokens, E 64 plus
    /// F 24 per-step features, 2 x 128, dropout 0.3, rows of T 512 positions holding one tune
    /// each, trained in chunks of 128 positions; the generator's sizes and dropout are read
    /// from ``RunConfig/tuneGenerator`` and the features from ``TuneTokenReader/featureCount``,
    /// so that the benchmark follows the default model) and `fixed` (2 x 256, E 64, V 100,
    /// dropout 0.2, every row filling T 256, one update per batch). Each option overrides its
    /// preset, and the peer gets the same values.
    struct Shape {
        /// The presets of `--shape`.
        enum Preset: String {
            case tunes, fixed
        }

        var layers: Int
        var hidden: Int
        var embedding: Int
        /// `F`, per-step features beside the embedding: the first layer reads E + F values.
        var features: Int
        var vocabulary: Int
        var batch: Int
        /// `T`, the positions of a row.
        var length: Int
        /// Positions per truncated-BPTT update (`T` for one update per batch).
        var chunk: Int
        /// The dropout between layers, ours and the peer's.
        var dropout: Float
        /// Whether each row holds a tune of its own length, an end token and padding (else
        /// every position of every row counts).
        var tunes: Bool
        var trainSteps: Int
        var repeats: Int

        /// Reads `--shape` and the options overriding it; exits with a message on a bad value.
        init(arguments: [String]) {
            let presetText = BenchmarkSupport.option("--shape", in: arguments) ?? "tunes"
            guard let preset = Preset(rawValue: presetText) else {
                StackedLSTMBenchmark.fail("--shape needs tunes or fixed, got '\(presetText)'")
            }
            let tunes = preset == .tunes
            func integer(_ name: String, _ tunesValue: Int, _ fixedValue: Int) -> Int {
                BenchmarkSupport.positiveInteger(name, in: arguments, default: tunes ? tunesValue : fixedValue)
            }
            let model = RunConfig.tuneGenerator
            layers = integer("--layers", model.layers, 2)
            hidden = integer("--hidden", model.hiddenSize, 256)
            embedding = integer("--embedding", model.embeddingSize, 64)
            let featureText =
                BenchmarkSupport.option("--features", in: arguments) ?? String(tunes ? TuneTokenReader.featureCount : 0)
            guard let features = Int(featureText), features >= 0 else {
                StackedLSTMBenchmark.fail("--features needs a whole number of at least 0, got '\(featureText)'")
            }
            self.features = features
            vocabulary = integer("--vocabulary", 81, 100)
            batch = integer("--batch", 32, 32)
            length = integer("--length", 512, 256)
            chunk = min(length, integer("--chunk", 128, length))
            let dropoutText = BenchmarkSupport.option("--dropout", in: arguments) ?? String(tunes ? model.dropout : 0.2)
            guard let dropout = Float(dropoutText), dropout >= 0, dropout < 1 else {
                StackedLSTMBenchmark.fail("--dropout needs a number in [0, 1), got '\(dropoutText)'")
            }
            self.dropout = dropout
            self.tunes = tunes
            trainSteps = integer("--train-steps", 4, 4)
            repeats = integer("--repeats", 3, 3)
        }

        /// Token 1 ends a tune; padding, like the start token, is 0.
        var sequenceEnd: SequenceEnd? { tunes ? SequenceEnd(endToken: 1, paddingToken: 0) : nil }

        /// The generator: the LSTM's input is E + F wide (the embedding table is that wide, so
        /// the first layer does the work of embedding plus features).
        var generatorConfig: GeneratorConfig {
            GeneratorConfig(
                vocabularySize: vocabulary, embeddingSize: embedding + features, hiddenSize: hidden,
                sequenceLength: chunk, sequenceEnd: sequenceEnd, layers: layers, dropout: dropout)
        }

        /// Each row's tune length, end token included: drawn from a log-normal with median 189
        /// and 95th percentile 290 (the Nottingham tunes' whole-tune encoding), within
        /// `16...T`; `T` for every row without tunes.
        func tuneLengths(using random: inout SplitMix64) -> [Int] {
            guard tunes else { return Array(repeating: length, count: batch) }
            let median = 189.0
            let sigma = log(290.0 / median) / 1.645
            return (0..<batch).map { _ in
                let u1 = max(Double(random.nextUnitFloat()), 1e-7)
                let u2 = Double(random.nextUnitFloat())
                let normal = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
                return min(length, max(16, Int((median * exp(sigma * normal)).rounded())))
            }
        }

        /// `[B, T]` rows: tokens from `2..<V`, then, with tunes, the end token at each row's
        /// length and padding after it.
        func rows(lengths: [Int], using random: inout SplitMix64) -> [Int32] {
            var data = (0..<(batch * length)).map { _ in Int32(2 + random.next() % UInt64(vocabulary - 2)) }
            guard let end = sequenceEnd else { return data }
            for (b, n) in lengths.enumerated() {
                data[b * length + n - 1] = Int32(end.endToken)
                for position in n..<length { data[b * length + position] = Int32(end.paddingToken) }
            }
            return data
        }

        /// The peer script's arguments for the same shape and rows.
        func peerArguments(lengths: [Int]) -> [String] {
            var arguments = [
                "--layers", String(layers), "--hidden", String(hidden), "--embedding", String(embedding),
                "--features", String(features), "--vocabulary", String(vocabulary),
                "--batch", String(batch), "--length", String(length), "--chunk", String(chunk),
                "--dropout", String(dropout), "--train-steps", String(trainSteps), "--repeats", String(repeats),
                "--threads", "2",
            ]
            if tunes { arguments += ["--lengths", lengths.map(String.init).joined(separator: ",")] }
            return arguments
        }

        /// One line naming the shape.
        var description: String {
            let input = features > 0 ? "E \(embedding) + F \(features)" : "E \(embedding)"
            let rowsText = tunes ? "tunes of median 189 tokens in rows of T \(length)" : "T \(length)"
            return "layers \(layers), H \(hidden), \(input), V \(vocabulary), batch \(batch), \(rowsText), "
                + "chunks of \(chunk), dropout \(dropout); \(trainSteps) batches a run, repeats \(repeats), median"
        }
    }

    /// Prints `message` after the tool's name to standard error and exits with status 2.
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("seqgan-bench: \(message)\n".utf8))
        exit(2)
    }
}
