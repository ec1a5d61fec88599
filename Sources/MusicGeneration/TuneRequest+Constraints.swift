import MusicEncoding

extension TuneRequest {
    /// The most bars a whole tune may be asked for (`--bars`).
    public static let maximumBars = 128

    /// Tokens a written bar takes, for checking that asked-for bars fit in a row: a bar of
    /// eight quavers is 17 tokens, one of six quavers 13, a copied bar 2.
    public static let tokensPerBarEstimate = 16

    /// What a whole-tune run's sampled tunes must follow: the metre (``metre``), the mode of
    /// ``key``, ``bars`` played bars, and the sections of ``form`` with ``barsPerPart`` bars
    /// each.
    ///
    /// - Parameter tokensPerTune: Tokens a sampled tune may have (the row it is sampled in).
    /// - Throws: ``TuneRequestError`` naming the option when the metre has no tune-scheme
    ///   token, ``bars`` disagrees with the form's played bars, or the tune's written bars
    ///   cannot fit in `tokensPerTune` (about ``tokensPerBarEstimate`` tokens a bar).
    public func tuneConstraints(tokensPerTune: Int) throws(TuneRequestError) -> TuneConstraints {
        var constraints = TuneConstraints()
        if let metre {
            let value = Metre(metre.numerator, metre.denominator)
            guard TuneScheme.metres.contains(value) else {
                let names = TuneScheme.metres.map(\.description).joined(separator: ", ")
                throw TuneRequestError(
                    description: "--metre \(value) has no token in the tune scheme; whole tunes take \(names)")
            }
            constraints.metre = value
        }
        constraints.minor = key?.minor
        constraints.bars = bars
        if let form {
            let sections = TuneConstraints.sections(of: form, barsPerPart: barsPerPart)
            constraints.sections = sections
            let played = sections.reduce(0) { $0 + $1.playedBars }
            if let bars, bars != played {
                let letters = String(form.letters)
                throw TuneRequestError(
                    description: "--bars \(bars) disagrees with --form \(letters) of --bars-per-part "
                        + "\(barsPerPart) (\(played) played bars); leave out --bars or make them agree")
            }
        }
        let perBar = Self.tokensPerBarEstimate
        if let written = constraints.writtenBars, written * perBar > tokensPerTune {
            let asked =
                form.map { "--form \(String($0.letters)) of --bars-per-part \(barsPerPart) (\(written) written bars)" }
                ?? "--bars \(written)"
            throw TuneRequestError(
                description: "\(asked) cannot fit in \(tokensPerTune) tokens per tune (about \(perBar) a bar): "
                    + "at most \(tokensPerTune / perBar) written bars")
        }
        return constraints
    }
}
