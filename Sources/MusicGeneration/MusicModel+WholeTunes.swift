import MusicEncoding
import SeqGAN

extension MusicModel {
    /// Samples `count` whole tunes (a tune-scheme run) that follow `request`: its metre, the
    /// mode of its key, its bars and its form (``TuneRequest/tuneConstraints(tokensPerTune:)``).
    ///
    /// Each tune is a row of `primer.count + (request.length ?? defaultTuneLength)` tokens
    /// drawn through a ``TuneRequestReader``'s masks (the generator writes padding after
    /// `end`), cut at its end token. A request that asks nothing samples through the plain
    /// grammar (``SequenceConditioning/tunes(_:)``) when the model reads features, and
    /// unmasked, as trained, when it reads none. The generator's own conditioning is restored
    /// afterwards.
    ///
    /// A tune that plays no note is drawn again (``redrawingSilentTunes(_:pitches:seed:draw:)``).
    ///
    /// - Returns: The tunes' tokens, primer included, each ending at its end token (when the
    ///   model ended it within the row).
    /// - Throws: ``TuneRequestError`` naming the option the run cannot follow.
    public func sampleWholeTunes(
        count: Int, request: TuneRequest, primer: [Int] = [], seed: UInt64
    ) throws(TuneRequestError) -> [[Int]] {
        let tokensPerTune = request.length ?? defaultTuneLength
        let constraints = try request.tuneConstraints(tokensPerTune: tokensPerTune)
        let attached = generator.conditioning
        defer { generator.conditioning = attached }
        generator.conditioning = wholeTuneConditioning(following: constraints)
        let (length, temperature) = (primer.count + tokensPerTune, request.temperature ?? defaultTemperature)
        return Self.redrawingSilentTunes(
            sampleTokens(count: count, length: length, primer: primer, temperature: temperature, seed: seed),
            pitches: tokenizer.tuneScheme.pitchTokens, seed: seed
        ) { redraw in
            sampleTokens(count: 1, length: length, primer: primer, temperature: temperature, seed: redraw)[0]
        }
    }

    /// The readers whole tunes of this run are sampled with under `constraints`, fitted to the
    /// generator's feature count (24 tune features, or none).
    func wholeTuneConditioning(following constraints: TuneConstraints) -> SequenceConditioning? {
        let features = config.generator.featureCount
        if constraints.isEmpty {
            return features == 0 ? nil : .tunes(tokenizer.tuneScheme)
        }
        return .tunes(following: constraints, scheme: tokenizer.tuneScheme, featureCount: features)
    }
}
