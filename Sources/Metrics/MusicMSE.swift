/// The music task's mean squared error, this project's reading of the paper's "MSE" (the
/// paper gives no formula): for each generated sequence, the smallest, over all test
/// sequences, of the mean squared difference of pitch numbers position by position; the
/// reported value is the mean of these minima over generated sequences.
///
/// Sequences are pitch numbers (for example MIDI keys, or the music tokens 1...88); how rests
/// are mapped to numbers is the caller's choice. All sequences must have the same length.
public enum MusicMSE {
    /// The minimum mean squared pitch difference of each generated sequence to the test set.
    ///
    /// - Parameters:
    ///   - generated: Generated pitch sequences.
    ///   - test: Held-out real pitch sequences, at least one.
    /// - Returns: One value per generated sequence, in order.
    /// - Throws: `MusicMSEError` for an empty test set or a sequence of another length.
    public static func perSample(generated: [[Int]], test: [[Int]]) throws(MusicMSEError)
        -> [Double]
    {
        guard let length = test.first?.count else { throw .emptyTestSet }
        guard length > 0 else { throw .emptySequences }
        for (index, sequence) in test.enumerated() where sequence.count != length {
            throw .lengthMismatch(
                set: "test", index: index, length: sequence.count,
                expected: length)
        }
        for (index, sequence) in generated.enumerated() where sequence.count != length {
            throw .lengthMismatch(
                set: "generated", index: index, length: sequence.count,
                expected: length)
        }
        let flatTest = test.flatMap { $0 }
        let flatGenerated = generated.flatMap { $0 }
        return parallelScores(count: generated.count) { range, output in
            flatTest.withUnsafeBufferPointer { test in
                flatGenerated.withUnsafeBufferPointer { generated in
                    for index in range {
                        let sample = generated.baseAddress! + index * length
                        var best = Int.max
                        var reference = test.baseAddress!
                        for _ in 0..<(test.count / length) {
                            var sum = 0
                            for position in 0..<length {
                                let difference = sample[position] - reference[position]
                                sum += difference * difference
                            }
                            best = min(best, sum)
                            reference += length
                        }
                        output[index] = Double(best) / Double(length)
                    }
                }
            }
        }
    }

    /// The mean over generated sequences of `perSample(generated:test:)` (0 for none).
    public static func mean(generated: [[Int]], test: [[Int]]) throws(MusicMSEError) -> Double {
        Statistics.mean(try perSample(generated: generated, test: test))
    }
}
