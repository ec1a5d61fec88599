import MIDI

extension TuneKey {
    /// The Krumhansl-Kessler probe-tone profile of major keys, from the tonic up.
    static let majorProfile: [Double] = [
        6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88,
    ]
    /// The Krumhansl-Kessler probe-tone profile of minor keys, from the tonic up.
    static let minorProfile: [Double] = [
        6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17,
    ]

    /// The key of a melody, found the same way for real and generated tunes.
    ///
    /// With a key signature, its scale is taken as given and only the mode is chosen: the major
    /// tonic of the signature or its relative minor, whichever profile correlates better with
    /// the melody's duration-weighted pitch-class distribution (Krumhansl-Schmuckler). The
    /// signature's own major/minor flag is not trusted, because files written from tokens in
    /// C major / A minor carry a C major signature for tunes in either mode. Without a
    /// signature, the best of all 24 keys. Ties go to major, then the lowest tonic.
    ///
    /// - Parameters:
    ///   - notes: The melody's notes (pitch and ticks are used).
    ///   - signature: The file's key signature, if any.
    /// - Returns: The key; C major for a melody without notes.
    public static func estimate(notes: [Note], signature: KeySignature?) -> TuneKey {
        var weights = [Double](repeating: 0, count: 12)
        for note in notes {
            weights[((note.pitch % 12) + 12) % 12] += Double(max(1, note.endTick - note.startTick))
        }
        let candidates: [TuneKey]
        if let signature {
            let major = TuneKey(
                signature: KeySignature(tick: 0, sharps: signature.sharps, minor: false))
            candidates = [major, TuneKey(tonic: major.tonic + 9, mode: .minor)]
        } else {
            candidates = Mode.allCases.flatMap { mode in
                (0..<12).map { TuneKey(tonic: $0, mode: mode) }
            }
        }
        guard weights.contains(where: { $0 > 0 }) else { return candidates[0] }
        var best = candidates[0]
        var bestScore = -Double.infinity
        for key in candidates {
            let profile = key.mode == .major ? majorProfile : minorProfile
            let rotated = (0..<12).map { profile[(($0 - key.tonic) % 12 + 12) % 12] }
            let score = correlation(weights, rotated)
            if score > bestScore + 1e-12 {
                best = key
                bestScore = score
            }
        }
        return best
    }

    /// Pearson correlation of two vectors of equal length (0 when either has no spread).
    static func correlation(_ a: [Double], _ b: [Double]) -> Double {
        let n = Double(a.count)
        let meanA = a.reduce(0, +) / n
        let meanB = b.reduce(0, +) / n
        var covariance = 0.0
        var varianceA = 0.0
        var varianceB = 0.0
        for (x, y) in zip(a, b) {
            covariance += (x - meanA) * (y - meanB)
            varianceA += (x - meanA) * (x - meanA)
            varianceB += (y - meanB) * (y - meanB)
        }
        guard varianceA > 0, varianceB > 0 else { return 0 }
        return covariance / (varianceA * varianceB).squareRoot()
    }
}
