import ArgumentParser

/// Throws a `ValidationError` saying `message` unless `condition` holds: one line per check of
/// an option's range in `validate()`.
func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    guard condition else { throw ValidationError(message()) }
}
