/// A time signature such as 6/8: beats per bar over the beat's note value.
public struct Metre: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Beats per bar.
    public var numerator: Int
    /// The beat's note value (2, 4, 8, 16 ...).
    public var denominator: Int

    /// Creates a metre; both numbers must be positive.
    public init(_ numerator: Int, _ denominator: Int) {
        precondition(numerator > 0 && denominator > 0, "a metre needs positive numbers")
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The length of one full bar in quarter notes (3 for 3/4, 3 for 6/8, 4 for 4/4).
    public var barQuarters: Double { Double(numerator) * 4 / Double(denominator) }

    /// Written as in ABC's `M:` field: `6/8`.
    public var description: String { "\(numerator)/\(denominator)" }
}
