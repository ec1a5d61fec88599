/// Reads ``TuneScheme`` tokens one at a time and counts as a musician does: the position in
/// the bar, the bar's length, the bar in the section and in the tune, the open repeat and
/// ending; from that it gives the tokens that may come next and a feature vector for the next
/// step.
///
/// Made for sampling loops: one reader per row, ``read(_:)`` once per token, then
/// ``fillMask(_:allowed:forbidden:)`` and ``fillFeatures(_:)`` into the caller's buffers.
/// None of them allocates (the reader's state is fixed-size; the scheme's arrays are shared).
///
/// ```swift
/// var reader = TuneTokenReader(scheme: scheme)
/// reader.read(TuneScheme.begin)
/// reader.fillMask(maskRow, allowed: 0, forbidden: -.infinity)   // add to logits
/// reader.fillFeatures(featureRow)
/// ```
///
/// The grammar (what ``isGrammatical(_:)`` allows):
/// - `begin` first, then one metre, then one mode; `pad` only after `end`.
/// - Between sections (and at the tune's start): `|:`, `end`, or a bar (which starts a
///   section played once).
/// - A bar: at most one metre token first; then a copy token, or optional `pickup`s (only in
///   the first bar of a section or of an ending; their lengths add up) and events. A copy token needs that many
///   written bars before it, and the copied bar must fit the bar here.
/// - A duration follows each pitch, `rest`, `tie` and `pickup`, and never runs past the
///   bar's full length; `tie` only while a note sounds.
/// - `|` closes a full bar, or a short bar at the end of a repeated body (then `[1` must
///   follow). `:|` closes a bar of a repeated body or of the first ending (then `[2` must
///   follow); `||` closes a bar of a section played once or of the second ending, or an empty
///   second ending right after `[2`. Short bars close with `:|` or `||` anywhere (the bar that
///   completes a pickup).
/// - `[1` right after `|:` or a `|` inside a repeated body; `end` only between sections, after
///   the first bar (a tune has at least one).
public struct TuneTokenReader: Sendable {
    /// The longest copy distance a scheme may use (bars remembered by the reader).
    public static let maximumCopyDistance = 16

    /// What the next token is.
    public enum Expectation: Sendable, Hashable {
        /// `begin`.
        case begin
        /// A metre (after `begin`).
        case metre
        /// A mode (after the first metre).
        case mode
        /// An event, a copy, a bar line or another structure token.
        case event
        /// A duration (after a pitch, `rest`, `tie` or `pickup`).
        case duration
        /// Only padding (after `end`).
        case padding
    }

    /// Where the reader is in the tune's form.
    public enum SectionState: Sendable, Hashable {
        /// Before the first section or after a section closed.
        case between
        /// In a section played once.
        case once
        /// In the body of a repeated section.
        case repeatedBody
        /// In the first ending.
        case firstEnding
        /// In the second ending.
        case secondEnding
    }

    /// What a closed bar leaves for copy tokens to reproduce.
    struct BarSummary: Sendable {
        var pickup: Int16 = 0
        var end: Int16 = 0
        var startsWithTie = false
        var endsSounding = false
    }

    private enum Pending: UInt8 { case none, note, rest, tie, pickup }
    private enum Obligation: UInt8 { case none, firstEnding, secondEnding }

    /// The scheme read.
    public let scheme: TuneScheme
    private let lastCopyDistance: Int

    /// What the next token is.
    public private(set) var expectation: Expectation = .begin
    /// The form state.
    public private(set) var section: SectionState = .between
    /// The position in the current bar, in twelfths of a quarter (a pickup bar starts late).
    public private(set) var position = 0
    /// The full length of a bar in the current metre, in twelfths of a quarter.
    public private(set) var barLength = 48
    /// The current metre (4/4 until the metre token).
    public private(set) var metre = Metre(4, 4)
    /// Bars counted in the section: full bars closed since the section started (a pickup
    /// bar does not count; the second ending counts on from where the first began).
    public private(set) var barInSection = 0
    /// Written bars closed in the tune.
    public private(set) var barsInTune = 0
    /// Whether a note sounds at the current position (a `tie` may follow).
    public private(set) var isSounding = false
    /// Whether the current bar started with `pickup`.
    public private(set) var isPickupBar = false
    /// Tokens refused by ``read(_:)``.
    public private(set) var refusedTokens = 0

    private var pending = Pending.none
    private var obligation = Obligation.none
    private var beatLength = 12
    private var barHasContent = false
    private var barHasMetre = false
    private var barStartsWithTie = false
    private var barPickup = 0
    private var barsClosedInSection = 0
    private var barsClosedInEnding = 0
    private var saved = (barInSection: 0, sounding: false, metre: Metre(4, 4))
    private var recent = InlineArray<16, BarSummary>(repeating: BarSummary())

    /// A reader at the start of a tune.
    public init(scheme: TuneScheme) {
        precondition(scheme.problem == nil, scheme.problem ?? "")
        self.scheme = scheme
        lastCopyDistance = scheme.copyDistances.last ?? 0
    }

    /// Back to the start of a tune (no allocation).
    public mutating func reset() {
        self = TuneTokenReader(resetting: self)
    }

    private init(resetting other: TuneTokenReader) {
        scheme = other.scheme
        lastCopyDistance = other.lastCopyDistance
    }

    // MARK: - Reading

    /// Reads one token when it is grammatical here and returns `true`; otherwise leaves the
    /// state as it was, counts the token in ``refusedTokens`` and returns `false`.
    @discardableResult
    public mutating func read(_ token: Int) -> Bool {
        guard isGrammatical(token) else {
            refusedTokens += 1
            return false
        }
        apply(token)
        return true
    }

    private mutating func apply(_ token: Int) {
        switch token {
        case TuneScheme.padding:
            break
        case TuneScheme.begin:
            expectation = .metre
        case TuneScheme.end:
            expectation = .padding
        case TuneScheme.barLine:
            let short = position < barLength
            closeBar()
            if section == .repeatedBody && short { obligation = .firstEnding }
            startBar()
        case TuneScheme.repeatEnd:
            closeBar()
            startBar()
            if section == .firstEnding {
                obligation = .secondEnding
            } else {
                enterBetween()
            }
        case TuneScheme.sectionEnd:
            if barHasContent { closeBar() }
            startBar()
            enterBetween()
        case TuneScheme.repeatStart:
            section = .repeatedBody
            barInSection = 0
            barsClosedInSection = 0
        case TuneScheme.firstEnding:
            obligation = .none
            saved = (barInSection, isSounding, metre)
            section = .firstEnding
            barsClosedInEnding = 0
        case TuneScheme.secondEnding:
            obligation = .none
            (barInSection, isSounding) = (saved.barInSection, saved.sounding)
            setMetre(saved.metre)
            section = .secondEnding
            barsClosedInEnding = 0
        case TuneScheme.rest, TuneScheme.tie, TuneScheme.pickup:
            beginContent()
            if token == TuneScheme.tie && !barHasContent { barStartsWithTie = true }
            pending = token == TuneScheme.rest ? .rest : token == TuneScheme.tie ? .tie : .pickup
            expectation = .duration
        case TuneScheme.firstMetre..<TuneScheme.major:
            setMetre(TuneScheme.metres[token - TuneScheme.firstMetre])
            if expectation == .metre { expectation = .mode } else { barHasMetre = true }
        case TuneScheme.major, TuneScheme.minor:
            expectation = .event
        case TuneScheme.firstCopy..<scheme.firstPitch:
            let copied = recent[slot(back: scheme.copyDistances[token - TuneScheme.firstCopy])]
            beginContent()
            barPickup = Int(copied.pickup)
            isPickupBar = copied.pickup > 0
            barStartsWithTie = copied.startsWithTie
            position = Int(copied.end)
            isSounding = copied.endsSounding
            barHasContent = true
        case scheme.pitchTokens:
            beginContent()
            pending = .note
            expectation = .duration
        default:  // a duration
            let units = scheme.durations[token - scheme.firstDuration]
            switch pending {
            case .pickup:
                barPickup += units
                isPickupBar = true
                isSounding = false
            case .note: isSounding = true
            case .rest: isSounding = false
            case .tie, .none: break
            }
            position += units
            if pending != .pickup { barHasContent = true }
            pending = .none
            expectation = .event
        }
    }

    private mutating func beginContent() {
        if section == .between {
            section = .once
            barInSection = 0
            barsClosedInSection = 0
        }
    }

    private mutating func closeBar() {
        recent[barsInTune % Self.maximumCopyDistance] = BarSummary(
            pickup: Int16(barPickup), end: Int16(position), startsWithTie: barStartsWithTie,
            endsSounding: isSounding)
        barsInTune += 1
        barsClosedInSection += 1
        barsClosedInEnding += 1
        if !isPickupBar { barInSection += 1 }
    }

    private mutating func startBar() {
        position = 0
        barPickup = 0
        isPickupBar = false
        barHasContent = false
        barHasMetre = false
        barStartsWithTie = false
    }

    private mutating func enterBetween() {
        section = .between
        barInSection = 0
        barsClosedInSection = 0
    }

    private mutating func setMetre(_ newMetre: Metre) {
        metre = newMetre
        barLength = newMetre.numerator * 4 * TuneScheme.unitsPerQuarter / newMetre.denominator
        let compound = newMetre.denominator == 8 && newMetre.numerator % 3 == 0 && newMetre.numerator > 3
        beatLength = compound ? 18 : 4 * TuneScheme.unitsPerQuarter / newMetre.denominator
    }

    /// The ring slot of the bar `back` written bars before the current one.
    private func slot(back: Int) -> Int {
        (barsInTune - back + Self.maximumCopyDistance * 4) % Self.maximumCopyDistance
    }

    // MARK: - Grammar

    private var atBarStart: Bool { !barHasContent && !isPickupBar && pending == .none }
    private var pickupAllowed: Bool {
        switch section {
        case .between: return true
        case .once, .repeatedBody: return barsClosedInSection == 0
        case .firstEnding, .secondEnding: return barsClosedInEnding == 0
        }
    }

    /// Whether `token` may come next.
    public func isGrammatical(_ token: Int) -> Bool {
        switch expectation {
        case .begin: return token == TuneScheme.begin
        case .metre: return token >= TuneScheme.firstMetre && token < TuneScheme.major
        case .mode: return token == TuneScheme.major || token == TuneScheme.minor
        case .padding: return token == TuneScheme.padding
        case .duration:
            guard token >= scheme.firstDuration && token < scheme.vocabularySize else { return false }
            let units = scheme.durations[token - scheme.firstDuration]
            return pending == .pickup ? position + units < barLength : position + units <= barLength
        case .event:
            break
        }
        switch obligation {
        case .firstEnding: return token == TuneScheme.firstEnding
        case .secondEnding: return token == TuneScheme.secondEnding
        case .none: break
        }
        let full = position == barLength
        switch token {
        case TuneScheme.end:
            return section == .between && atBarStart && !barHasMetre && barsInTune > 0
        case TuneScheme.repeatStart:
            return section == .between && atBarStart && !barHasMetre
        case TuneScheme.barLine:
            guard barHasContent, section != .between else { return false }
            return full || section == .repeatedBody
        case TuneScheme.repeatEnd:
            return barHasContent && (section == .repeatedBody || section == .firstEnding)
        case TuneScheme.sectionEnd:
            if section == .secondEnding && barsClosedInEnding == 0 && atBarStart && !barHasMetre {
                return true
            }
            return barHasContent && (section == .once || section == .secondEnding)
        case TuneScheme.firstEnding:
            return section == .repeatedBody && atBarStart && !barHasMetre
        case TuneScheme.secondEnding:
            return false
        case TuneScheme.pickup:
            // Pickup lengths without a token are sums: `pickup` may repeat before the events.
            if isPickupBar && !barHasContent && pending == .none { return position + 1 < barLength }
            return atBarStart && pickupAllowed && barLength > 1
        case TuneScheme.rest:
            return !full
        case TuneScheme.tie:
            return !full && isSounding
        case TuneScheme.firstMetre..<TuneScheme.major:
            return atBarStart && !barHasMetre
        case TuneScheme.firstCopy..<scheme.firstPitch:
            return copyFits(scheme.copyDistances[token - TuneScheme.firstCopy])
        case scheme.pitchTokens:
            return !full
        default:
            return false
        }
    }

    private func copyFits(_ distance: Int) -> Bool {
        guard atBarStart, distance <= barsInTune else { return false }
        let copied = recent[slot(back: distance)]
        return Int(copied.end) <= barLength && (copied.pickup == 0 || pickupAllowed)
            && (!copied.startsWithTie || isSounding)
    }

    /// Writes `allowed` for every grammatical token id and `forbidden` for the others.
    ///
    /// - Parameter mask: One value per token id (at least ``TuneScheme/vocabularySize``).
    public func fillMask(_ mask: UnsafeMutableBufferPointer<Float>, allowed: Float = 1, forbidden: Float = 0) {
        precondition(mask.count >= scheme.vocabularySize, "the mask needs one value per token")
        switch expectation {
        case .duration:
            for id in 0..<scheme.firstDuration { mask[id] = forbidden }
            for id in scheme.firstDuration..<scheme.vocabularySize {
                mask[id] = isGrammatical(id) ? allowed : forbidden
            }
        case .event:
            for id in 0..<scheme.firstPitch { mask[id] = isGrammatical(id) ? allowed : forbidden }
            let notes = isGrammatical(scheme.firstPitch) ? allowed : forbidden
            for id in scheme.pitchTokens { mask[id] = notes }
            for id in scheme.firstDuration..<scheme.vocabularySize { mask[id] = forbidden }
        case .begin, .metre, .mode, .padding:
            for id in 0..<scheme.vocabularySize { mask[id] = isGrammatical(id) ? allowed : forbidden }
        }
    }

    // MARK: - Features

    /// The length of the feature vector.
    ///
    /// | index | feature |
    /// |---|---|
    /// | 0-6 | position in the bar in twelfths of a quarter, binary (bit 0 first), 0 or 1 |
    /// | 7 | position / bar length |
    /// | 8 | on a beat (quarter; dotted quarter in 6/8, 9/8; half in 2/2, 3/2) |
    /// | 9 | at the bar's first beat (position 0) |
    /// | 10-14 | bar in the section (``barInSection``) modulo 32, binary (bit 0 first) |
    /// | 15 | a duration is expected next |
    /// | 16 | the bar is full: a bar line is due |
    /// | 17 | a note sounds (a tie may follow) |
    /// | 18 | in a repeated section's body |
    /// | 19 | in the first ending |
    /// | 20 | in the second ending |
    /// | 21 | in a pickup bar |
    /// | 22 | room left in the bar / bar length |
    /// | 23 | written bars so far / 64, at most 1 |
    public static let featureCount = 24

    /// Writes the features for the next step (see ``featureCount``).
    ///
    /// - Parameter features: At least ``featureCount`` values.
    public func fillFeatures(_ features: UnsafeMutableBufferPointer<Float>) {
        precondition(features.count >= Self.featureCount, "the feature row needs \(Self.featureCount) values")
        for bit in 0..<7 { features[bit] = Float((position >> bit) & 1) }
        let length = Float(max(1, barLength))
        features[7] = Float(position) / length
        features[8] = position % beatLength == 0 ? 1 : 0
        features[9] = position == 0 ? 1 : 0
        let bar = barInSection % 32
        for bit in 0..<5 { features[10 + bit] = Float((bar >> bit) & 1) }
        features[15] = expectation == .duration ? 1 : 0
        features[16] = position == barLength ? 1 : 0
        features[17] = isSounding ? 1 : 0
        features[18] = section == .repeatedBody ? 1 : 0
        features[19] = section == .firstEnding ? 1 : 0
        features[20] = section == .secondEnding ? 1 : 0
        features[21] = isPickupBar ? 1 : 0
        features[22] = Float(max(0, barLength - position)) / length
        features[23] = Float(min(barsInTune, 64)) / 64
    }
}
