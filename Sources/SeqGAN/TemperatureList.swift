import Foundation

/// Sampling temperatures written as a list, e.g. `0.5,0.75,1,1.25,1.5`.
public enum TemperatureList {
    /// The temperatures of `text`, comma separated; `nil` when one is not a positive number.
    public static func parse(_ text: String) -> [Float]? {
        let values = text.split(separator: ",").map { Float($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil && $0! > 0 && $0!.isFinite }) else { return nil }
        return values.map { $0! }
    }
}
