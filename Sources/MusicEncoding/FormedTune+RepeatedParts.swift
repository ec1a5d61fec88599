extension FormedTune {
    /// Where a repeated section lies in the unrolled tune.
    public struct RepeatedPart: Sendable, Hashable {
        /// Onset of the section's first pass, in quarter notes from the tune's start.
        public var start: Double
        /// Length of one pass (the body and that pass's ending), in quarter notes.
        public var passLength: Double
        /// Whether the passes end differently (first and second endings).
        public var hasEndings: Bool

        /// Creates a description of a repeated part.
        public init(start: Double, passLength: Double, hasEndings: Bool) {
            self.start = start
            self.passLength = passLength
            self.hasEndings = hasEndings
        }
    }

    /// The repeated sections, in playing order, placed in the unrolled tune.
    public var repeatedParts: [RepeatedPart] {
        var parts: [RepeatedPart] = []
        var time = 0.0
        for section in sections {
            if section.isRepeated {
                let body = section.bars.reduce(0) { $0 + $1.length }
                let ending = section.endings.first?.reduce(0) { $0 + $1.length } ?? 0
                parts.append(RepeatedPart(start: time, passLength: body + ending, hasEndings: !section.endings.isEmpty))
            }
            time += section.playedBars.reduce(0) { $0 + $1.length }
        }
        return parts
    }
}
