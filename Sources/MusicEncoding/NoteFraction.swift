/// A note length as a fraction of a whole note, as ABC writes it (`1/8`, `3/2`).
public struct NoteFraction: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The numerator (positive).
    public var numerator: Int
    /// The denominator (positive).
    public var denominator: Int

    /// Creates the fraction in lowest terms; both numbers must be positive.
    public init(_ numerator: Int, _ denominator: Int) {
        precondition(numerator > 0 && denominator > 0, "a note length needs positive numbers")
        let divisor = Self.greatestCommonDivisor(numerator, denominator)
        self.numerator = numerator / divisor
        self.denominator = denominator / divisor
    }

    /// The length in quarter notes (a whole note is 4).
    public var quarters: Double { Double(numerator) * 4 / Double(denominator) }

    /// Written as ABC writes a fraction: `1/8`.
    public var description: String { "\(numerator)/\(denominator)" }

    static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
        var (a, b) = (abs(a), abs(b))
        while b != 0 { (a, b) = (b, a % b) }
        return max(a, 1)
    }
}
