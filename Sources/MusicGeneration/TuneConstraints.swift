import MusicEncoding

/// What a sampled whole tune (tune scheme) must follow: its metre, its mode, how many bars it
/// plays and the sections it is made of. ``TuneRequestReader`` turns it into masks.
///
/// Bars are counted as played: a repeated section's body twice, each ending once, a pickup
/// bar (one starting with `pickup`) not at all; a short bar closing a section counts as a bar.
public struct TuneConstraints: Sendable, Equatable {
    /// One section of the plan: played once (closed by `||`) or repeated (`|: ... :|`, with or
    /// without endings), with `bars` bars in every pass.
    public struct Section: Sendable, Equatable {
        /// Whether the section is repeated (played twice).
        public var isRepeated: Bool
        /// Bars in each pass: a section played once has this many bars; each pass of a
        /// repeated one (its body, plus that pass's ending) has this many.
        public var bars: Int

        /// A section of `bars` bars per pass.
        public init(isRepeated: Bool, bars: Int) {
            precondition(bars >= 1, "a section has at least one bar")
            self.isRepeated = isRepeated
            self.bars = bars
        }

        /// Bars played: `bars`, twice for a repeated section.
        public var playedBars: Int { isRepeated ? 2 * bars : bars }
    }

    /// The metre the tune is in (no metre changes); `nil` leaves it to the model.
    public var metre: Metre?
    /// The mode token (true: minor, A minor before transposition); `nil` leaves it to the model.
    public var minor: Bool?
    /// Bars played in the whole tune; `nil` leaves the length to the model (or to
    /// ``sections``).
    public var bars: Int?
    /// The sections in order; `nil` leaves the form to the model.
    public var sections: [Section]?

    /// Constraints that leave everything to the model; set what the tune must follow.
    public init(metre: Metre? = nil, minor: Bool? = nil, bars: Int? = nil, sections: [Section]? = nil) {
        self.metre = metre
        self.minor = minor
        self.bars = bars
        self.sections = sections
    }

    /// Whether nothing is constrained (the plain grammar).
    public var isEmpty: Bool { metre == nil && minor == nil && bars == nil && sections == nil }

    /// Bars the tune plays: ``bars``, or the sections' played bars; `nil` when neither is set.
    public var playedBars: Int? { bars ?? sections.map { $0.reduce(0) { $0 + $1.playedBars } } }

    /// Bars the tune writes (a repeated section's bars once): the sections' bars, else
    /// ``bars``; `nil` when neither is set.
    public var writtenBars: Int? {
        sections.map { plan in plan.reduce(0) { $0 + $1.bars } } ?? bars
    }

    /// The sections of a form of letters: a letter repeated right away (`AA`) is one repeated
    /// section, a letter standing alone a section played once (three in a row are a repeated
    /// section, then one played once). `AABB` is two repeated sections; `AABA` a repeated
    /// section, then two played once; `ABAC` four played once. A later return of a letter
    /// (`AABA`'s last A) is a section like any other: the model may copy its bars.
    ///
    /// - Parameters:
    ///   - form: The letters.
    ///   - barsPerPart: Bars in each pass of each section.
    public static func sections(of form: TuneForm, barsPerPart: Int) -> [Section] {
        var sections: [Section] = []
        var index = 0
        let letters = form.letters
        while index < letters.count {
            var run = 1
            while index + run < letters.count && letters[index + run] == letters[index] { run += 1 }
            for _ in 0..<(run / 2) { sections.append(Section(isRepeated: true, bars: barsPerPart)) }
            if run % 2 == 1 { sections.append(Section(isRepeated: false, bars: barsPerPart)) }
            index += run
        }
        return sections
    }
}
