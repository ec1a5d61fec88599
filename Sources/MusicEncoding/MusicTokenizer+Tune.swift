import MIDI

extension MusicTokenizer {
    /// The tune scheme (used when ``TokenizerSettings/scheme`` is ``TokenScheme/tune``).
    public var tuneScheme: TuneScheme { TuneScheme() }

    /// Encodes a tune with its form (an ABC tune's ``ABCTune/form``, or a folded melody) as
    /// one whole-tune sequence of the tune scheme.
    ///
    /// - Parameters:
    ///   - form: The tune.
    ///   - program: The General MIDI program its decode options keep.
    /// - Throws: ``TuneEncodingError`` for a metre without a token.
    public func tokens(for form: FormedTune, program: Int = 0) throws(TuneEncodingError) -> TuneTokens {
        let encoded = try tuneScheme.encode(form)
        let options = DecodeOptions(
            beatsPerMinute: form.beatsPerMinute, numerator: form.metre.numerator,
            denominator: form.metre.denominator, sharps: form.sharps, minor: form.minor, program: program)
        return TuneTokens(
            tokens: encoded.tokens, transposition: encoded.transposition, decodeOptions: options,
            droppedNotes: encoded.report.droppedChordNotes)
    }

    /// Tune tokens (in C major / A minor) to a one-track MIDI file in the key of `options`,
    /// repeats played out; the metre is the tokens' own.
    func decodeTune(_ tokens: [Int], options: DecodeOptions) -> MIDIFile {
        let tune = tuneScheme.decode(tokens).tune
        var options = options
        options.numerator = tune.metre.numerator
        options.denominator = tune.metre.denominator
        // The key signature's sharps move C major / A minor; the mode is the tune's own (a
        // minor tune under one sharp is E minor, not G major).
        options.minor = tune.minor
        let shift = -GridScheme.shiftToC(sharps: options.sharps)
        let quarter = Double(options.ticksPerQuarter)
        let notes = tune.unrolled().map { note in
            Note(
                pitch: max(0, min(127, note.pitch + shift)), velocity: options.velocity,
                program: options.program, startTick: Int((note.onset * quarter).rounded()),
                endTick: Int((note.end * quarter).rounded()), start: 0, end: 0)
        }
        return MIDIFile.melodyFile(notes: notes, options: options)
    }
}
