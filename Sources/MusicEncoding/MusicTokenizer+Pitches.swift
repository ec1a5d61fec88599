import MIDI

extension MusicTokenizer {
    /// The pitch number at each token, for the music MSE: the paper's numbering, MIDI key
    /// minus 20 (A0 is 1, C8 is 88), and 0 for silence.
    ///
    /// Paper tokens are already these numbers. A grid token gives the pitch sounding at it: a
    /// note-on its own pitch, a hold or a bar line the pitch still sounding (0 after a rest or
    /// at the start), a rest 0; grid pitches stay in C major / A minor.
    public func pitchNumbers(of tokens: [Int]) -> [Int] {
        switch settings.scheme {
        case .paper:
            return tokens.map { PaperScheme.pitch(token: $0) == nil ? 0 : $0 }
        case .tune:
            let scheme = TuneScheme()
            var sounding = 0
            return tokens.map { token in
                switch scheme.token(token) {
                case .pitch(let pitch): sounding = pitch - PaperScheme.lowestKey + 1
                case .rest, .end, .padding, .pickup: sounding = 0
                default: break
                }
                return sounding
            }
        case .grid:
            let grid = GridScheme(settings: settings)
            var sounding = 0
            return tokens.map { token in
                switch token {
                case GridScheme.hold, GridScheme.bar: break
                case GridScheme.rest: sounding = 0
                default: sounding = grid.pitch(token: token).map { $0 - PaperScheme.lowestKey + 1 } ?? 0
                }
                return sounding
            }
        }
    }

    /// The pitches (MIDI keys) of the notes the tokens decode to, in time order; grid pitches
    /// stay in C major / A minor.
    public func melodyPitches(of tokens: [Int]) -> [Int] {
        decode(tokens).notes.sorted { ($0.startTick, $0.pitch) < ($1.startTick, $1.pitch) }.map(\.pitch)
    }
}
