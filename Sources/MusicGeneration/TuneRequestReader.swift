import MusicEncoding
import SeqGAN

/// The whole-tune grammar narrowed to a request (``TuneConstraints``): a ``SequenceReader``
/// whose masks let the generator sample only tunes in the requested metre and mode, of the
/// requested number of played bars, made of the requested sections.
///
/// On top of ``TuneTokenReader``'s grammar (and, as ``TuneSequenceReader``, no `end` before
/// the first bar):
/// - metre: after `begin` only the requested metre; no metre token inside the tune (nor
///   with bars or sections requested: bars are counted, and written, in one metre);
/// - mode: only the requested mode token;
/// - bars (N played, counted as ``TuneConstraints`` says): a bar, a section or an ending may
///   start only when the bars it adds still fit (a repeated body's bar counts twice, so it
///   needs two bars left); a bar line `|` only when another bar fits after it, so the bar that
///   reaches N is closed by `:|` or `||`; `end` only once N bars are played;
/// - sections: each starts as planned (`|:` for a repeated one, a bar for one played once);
///   inside, `|` only before the pass's last bar, and its closing `:|` (body or first
///   ending) or `||` (once, or second ending) exactly at its last bar; `end` after the last;
/// - with bars or sections, a bar may close short only once the tune has had a pickup (the
///   short bar completes it): otherwise every counted bar is full; a pickup bar is closed by
///   `|` (a section of nothing but a pickup would add no bar); pickups start sections, not
///   endings, and endings follow at least one counted bar of the body.
///
/// When the request would forbid every token the grammar allows (only after tokens that
/// did not come from this reader's masks, or a request no tune can meet), the mask falls
/// back to the plain grammar for that step, so a draw always has a token; such steps are
/// counted in ``fallbackSteps``. Features are the inner reader's
/// ``TuneTokenReader/featureCount`` values, unchanged (the model was trained on them).
public struct TuneRequestReader: SequenceReader {
    /// What the tune must follow.
    public let constraints: TuneConstraints
    private var reader: TuneTokenReader
    private let metreToken: Int?
    private let targetBars: Int?

    /// Whether the last token read closed a bar or ended the tune.
    public private(set) var isAtBoundary = false
    /// Bars played so far (counted as ``TuneConstraints`` says).
    public private(set) var playedBars = 0
    /// Sections closed so far.
    public private(set) var closedSections = 0
    /// Tokens read that the request forbade: steps sampled from the plain grammar's mask
    /// because the request's allowed nothing (0 for tokens drawn through this reader's masks
    /// whenever the request can be met).
    public private(set) var fallbackSteps = 0

    /// Counted bars in the current pass of the open section (its body, plus the ending).
    private var passBars = 0
    /// Counted bars of the open repeated section's body, for the second ending's pass.
    private var bodyBars = 0
    /// Whether a pickup bar has been read: short closing bars may complete it.
    private var hadPickup = false

    /// A reader of tunes of `scheme` that follow `constraints`, at the start of a tune.
    ///
    /// - Precondition: The requested metre has a token in ``TuneScheme/metres``.
    public init(constraints: TuneConstraints, scheme: TuneScheme = TuneScheme()) {
        self.constraints = constraints
        reader = TuneTokenReader(scheme: scheme)
        metreToken = constraints.metre.map { metre in
            guard let index = TuneScheme.metres.firstIndex(of: metre) else {
                preconditionFailure("the metre \(metre) has no token in the tune scheme")
            }
            return TuneScheme.firstMetre + index
        }
        targetBars = constraints.playedBars
    }

    public mutating func reset() {
        reader.reset()
        isAtBoundary = false
        playedBars = 0
        closedSections = 0
        fallbackSteps = 0
        passBars = 0
        bodyBars = 0
        hadPickup = false
    }

    @discardableResult
    public mutating func read(_ token: Int) -> Bool {
        guard reader.isGrammatical(token) else { return false }
        if !permits(token) { fallbackSteps += 1 }
        let before = (section: reader.section, pickup: reader.isPickupBar, empty: isAtBarStart)
        reader.read(token)
        switch token {
        case TuneScheme.barLine, TuneScheme.repeatEnd, TuneScheme.sectionEnd:
            if !before.empty || token != TuneScheme.sectionEnd {
                playedBars += before.pickup ? 0 : before.section == .repeatedBody ? 2 : 1
                if !before.pickup { passBars += 1 }
            }
            if reader.section == .between {
                closedSections += 1
                passBars = 0
            }
        case TuneScheme.repeatStart:
            passBars = 0
        case TuneScheme.firstEnding:
            bodyBars = passBars
        case TuneScheme.secondEnding:
            passBars = bodyBars
        default:
            break
        }
        if reader.isPickupBar { hadPickup = true }
        isAtBoundary = TuneSequenceReader.closesUnit(token)
        return true
    }

    public func fillFeatures(_ features: UnsafeMutableBufferPointer<Float>) {
        reader.fillFeatures(features)
    }

    public func fillMask(_ mask: UnsafeMutableBufferPointer<Float>, allowed: Float, forbidden: Float) {
        precondition(allowed != forbidden, "allowed and forbidden tokens need different mask values")
        reader.fillMask(mask, allowed: allowed, forbidden: forbidden)
        let scheme = reader.scheme
        var anyAllowed = false
        for id in 0..<scheme.firstPitch where mask[id] == allowed {
            if permits(id) { anyAllowed = true } else { mask[id] = forbidden }
        }
        if mask[scheme.firstPitch] == allowed {
            if permits(scheme.firstPitch) {
                anyAllowed = true
            } else {
                for id in scheme.pitchTokens { mask[id] = forbidden }
            }
        }
        if !anyAllowed {
            // Durations are never narrowed: any allowed one keeps the request's mask.
            for id in scheme.firstDuration..<scheme.vocabularySize where mask[id] == allowed {
                anyAllowed = true
                break
            }
        }
        if !anyAllowed {
            // The plain grammar, as ``TuneSequenceReader`` gives it.
            reader.fillMask(mask, allowed: allowed, forbidden: forbidden)
        }
    }

    // MARK: - The request

    /// Whether the current bar has nothing in it yet (no event, copy or pickup).
    private var isAtBarStart: Bool {
        reader.expectation == .event && reader.position == 0 && !reader.isPickupBar
    }

    /// The planned section that is open, or would open next between sections.
    private var plannedSection: TuneConstraints.Section? {
        guard let sections = constraints.sections, closedSections < sections.count else { return nil }
        return sections[closedSections]
    }

    /// Whether the request allows `token` here (given that the grammar does).
    private func permits(_ token: Int) -> Bool {
        switch reader.expectation {
        case .metre: return metreToken.map { $0 == token } ?? true
        case .mode: return constraints.minor.map { $0 == (token == TuneScheme.minor) } ?? true
        case .begin, .duration, .padding: return true
        case .event: break
        }
        // A metre change: never with a requested metre, nor with requested bars (a tune's
        // bars are counted, and written, in one metre).
        let isMetre = token >= TuneScheme.firstMetre && token < TuneScheme.major
        if isMetre && (metreToken != nil || targetBars != nil) { return false }
        guard let target = targetBars else { return true }
        let remaining = target - playedBars
        let plan = constraints.sections
        switch token {
        case TuneScheme.end:
            return remaining <= 0 && closedSections >= (plan?.count ?? 0)
        case TuneScheme.repeatStart:
            return remaining >= 2 && (plan == nil || plannedSection?.isRepeated == true)
        case TuneScheme.firstEnding:
            return remaining >= 1 && passBars >= 1
        case TuneScheme.pickup where reader.section == .firstEnding || reader.section == .secondEnding:
            return false
        case TuneScheme.secondEnding:
            return true
        case TuneScheme.barLine, TuneScheme.repeatEnd, TuneScheme.sectionEnd:
            return permitsClosing(token, remaining: remaining)
        default:  // content that may start a bar
            guard isAtBarStart else { return true }
            switch reader.section {
            case .between:
                return remaining >= 1 && (plan == nil || plannedSection?.isRepeated == false)
            case .repeatedBody:
                return remaining >= 2
            case .once, .firstEnding, .secondEnding:
                return remaining >= 1
            }
        }
    }

    /// Whether the request allows the closing token `token` (`|`, `:|` or `||`) here.
    private func permitsClosing(_ token: Int, remaining: Int) -> Bool {
        let emptySecondEnding = token == TuneScheme.sectionEnd && isAtBarStart
        let pickup = reader.isPickupBar
        let counted = !emptySecondEnding && !pickup
        if counted && reader.position < reader.barLength && !hadPickup { return false }
        let weight = counted ? (reader.section == .repeatedBody ? 2 : 1) : 0
        let left = remaining - weight
        let pass = passBars + (counted ? 1 : 0)
        let continues = token == TuneScheme.barLine
        // A section or ending of nothing but a pickup would let a tune go on without bars.
        if pickup && !continues { return false }
        if continues {
            // Another bar (or an ending's bar) must follow in this section; a short bar of a
            // repeated body is followed by `[1`, which needs a counted bar before it.
            guard left >= 1 else { return false }
            let short = reader.position < reader.barLength
            if short && reader.section == .repeatedBody && pass < 1 { return false }
        } else if left < 0 {
            return false
        }
        guard let section = plannedSection else { return constraints.sections == nil }
        return continues ? pass < section.bars : pass == section.bars
    }
}

extension SequenceConditioning {
    /// Whole tunes of `scheme` that follow `constraints`, read by a ``TuneRequestReader`` per
    /// row, with `featureCount` features per step: ``TuneTokenReader/featureCount`` for a
    /// generator trained on them, 0 for one trained without (masks only).
    public static func tunes(
        following constraints: TuneConstraints, scheme: TuneScheme = TuneScheme(),
        featureCount: Int = TuneTokenReader.featureCount
    ) -> SequenceConditioning {
        precondition(
            featureCount == 0 || featureCount == TuneTokenReader.featureCount,
            "tune readers write \(TuneTokenReader.featureCount) features or none")
        return SequenceConditioning(featureCount: featureCount) {
            TuneRequestReader(constraints: constraints, scheme: scheme)
        }
    }
}
