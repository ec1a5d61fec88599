/// Why a tune cannot become ``TuneScheme`` tokens.
public enum TuneEncodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The tune (bar 0) or a bar changes to a metre without a token (see ``TuneScheme/metres``).
    case unsupportedMetre(Metre, bar: Int)

    public var description: String {
        switch self {
        case .unsupportedMetre(let metre, let bar):
            let supported = TuneScheme.metres.map(\.description).joined(separator: ", ")
            return "metre \(metre) at written bar \(bar + 1) has no token (supported: \(supported))"
        }
    }
}
