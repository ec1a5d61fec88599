import Foundation
import MIDI

/// Why the options of a tune request were refused: one line naming the option.
public struct TuneRequestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line, e.g. `--key must look like C, G, Bb, F#m, Am or Ddor, got 'H'`.
    public let description: String
}

extension TuneRequest {
    /// A request from the options as typed (`seqgan generate`, `seqgan play RUN`): a key name
    /// such as `Bb`, `F#m` or `Ddor` (``TuneKeyRequest``), a time signature such as `6/8`, a
    /// form such as `AABB`, a number of bars (whole tunes), each value checked against its
    /// range.
    ///
    /// - Throws: ``TuneRequestError`` naming the first option out of range or not understood.
    public init(
        temperature: Float?, length: Int?, key: String?, tempo: Double?, timeSignature: String?, program: Int?,
        primer: String?, form: String?, barsPerPart: Int, bars: Int? = nil
    ) throws(TuneRequestError) {
        func check(_ holds: Bool, _ message: @autoclosure () -> String) throws(TuneRequestError) {
            if !holds { throw TuneRequestError(description: message()) }
        }
        if let form {
            try check(TuneForm(form) != nil, "--form must be 1 to \(TuneForm.maximumParts) capital letters such as AABB, got '\(form)'")
            try check(length == nil, "--form sets the tune's length; leave out --length")
        }
        try check((1...64).contains(barsPerPart), "--bars-per-part must be within 1...64, got \(barsPerPart)")
        if let temperature { try check(temperature > 0 && temperature.isFinite, "--temperature must be positive") }
        if let length {
            try check(length >= 1, "--length must be at least 1")
            let maximum = MusicModel.maximumTuneLength
            try check(length <= maximum, "--length must be at most \(maximum) tokens per tune, got \(length)")
        }
        let signature = key.flatMap(TuneKeyRequest.init(named:))
        if let key { try check(signature != nil, "--key must look like C, G, Bb, F#m, Am or Ddor, got '\(key)'") }
        if let bars {
            let most = Self.maximumBars
            try check((1...most).contains(bars), "--bars must be within 1...\(most), got \(bars)")
        }
        if let tempo { try check((10...400).contains(tempo), "--tempo must be within 10...400, got \(tempo)") }
        let metre = timeSignature.flatMap { TimeSignature.metre(named: $0, numerators: 1...32) }
        if let timeSignature { try check(metre != nil, "--time-signature must look like 4/4 or 6/8, got '\(timeSignature)'") }
        if let program { try check((0...127).contains(program), "--program must be 0...127") }
        self.init()
        (self.temperature, self.length, self.tempo, self.metre) = (temperature, length, tempo, metre)
        (self.key, self.bars) = (signature.map { ($0.sharps, $0.minor) }, bars)
        (self.program, self.primer) = (program, primer.map { URL(fileURLWithPath: $0) })
        (self.form, self.barsPerPart) = (form.flatMap(TuneForm.init), barsPerPart)
    }
}
