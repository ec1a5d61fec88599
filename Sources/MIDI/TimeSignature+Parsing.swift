extension TimeSignature {
    /// The metre written as "4/4" or "6/8": a numerator within `numerators` over a power of two
    /// from 1 to 32; `nil` for anything else.
    public static func metre(named text: String, numerators: ClosedRange<Int> = 1...64)
        -> (numerator: Int, denominator: Int)?
    {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2, let numerator = parts[0], let denominator = parts[1],
            numerators.contains(numerator), [1, 2, 4, 8, 16, 32].contains(denominator)
        else { return nil }
        return (numerator, denominator)
    }
}
