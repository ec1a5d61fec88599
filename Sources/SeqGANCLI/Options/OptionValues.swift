import ArgumentParser
import SeqGAN

/// Throws a `ValidationError` saying `message` unless `condition` holds: one line per check of
/// an option's range in `validate()`.
func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    guard condition else { throw ValidationError(message()) }
}

/// Runs a library request's own checks in `validate()`: its typed error becomes a
/// `ValidationError` with the same line.
func asValidationError(_ check: () throws -> Void) throws {
    do { try check() } catch { throw ValidationError("\(error)") }
}

/// Reads a `--seed`: a whole number from 0 to 2^64 - 1 (with `parsing: .unconditional`, a
/// negative one reaches this and gets the range, not "missing value").
func parseSeed(_ text: String) throws -> UInt64 {
    guard let seed = UInt64(text) else {
        throw ValidationError("a seed is a whole number from 0 to \(UInt64.max), not \(text)")
    }
    return seed
}

/// Reads a `--sweep`: positive temperatures separated by commas.
func parseTemperatures(_ text: String) throws -> [Float] {
    guard let temperatures = TemperatureList.parse(text) else {
        throw ValidationError("--sweep must be positive numbers separated by commas, got '\(text)'")
    }
    return temperatures
}
