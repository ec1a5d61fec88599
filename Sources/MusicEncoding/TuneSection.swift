/// A part of a tune: a run of bars played once or repeated, with optional variant endings.
///
/// Played as musicians read `|: body |1 ending :|2 ending ||`: a repeated section plays its
/// body twice; with endings, pass *n* plays the body followed by ending *n* (first and second
/// time bars). Without endings, a repeated section plays its body twice and a section played
/// once plays it once.
public struct TuneSection: Sendable, Hashable, Codable {
    /// The part label (ABC `P:`), when the source names the part.
    public var label: String?
    /// The bars played on every pass.
    public var bars: [TuneBar]
    /// How many times the section is played: 1, or 2 for a repeated part.
    public var passes: Int
    /// The variant endings, one per pass (empty when every pass ends the same).
    public var endings: [[TuneBar]]

    /// Creates a section; `endings` must be empty or hold one ending per pass.
    public init(label: String? = nil, bars: [TuneBar], passes: Int = 1, endings: [[TuneBar]] = []) {
        precondition(passes >= 1, "a section is played at least once")
        precondition(endings.isEmpty || endings.count == passes, "one ending per pass")
        self.label = label
        self.bars = bars
        self.passes = passes
        self.endings = endings
    }

    /// Whether the section is played more than once.
    public var isRepeated: Bool { passes > 1 }

    /// The bars in playing order: the body and each pass's ending, for every pass.
    public var playedBars: [TuneBar] {
        var result: [TuneBar] = []
        for pass in 0..<passes {
            result += bars
            if !endings.isEmpty { result += endings[pass] }
        }
        return result
    }

    /// The bars as written, once each: the body, then the endings in order.
    public var writtenBars: [TuneBar] { bars + endings.joined() }
}
