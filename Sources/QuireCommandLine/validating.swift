public import ArgumentParser
public import QuireModel

/// Turns a `QuireError` about an option into argument-parser's usage error (exit 64, with
/// the usage line), the status every other malformed option gets: for every executable's
/// `validate()`.
public func validating(_ body: () throws(QuireError) -> Void) throws {
    do {
        try body()
    } catch {
        throw ValidationError(error.message + (error.hint.map { "\n  hint: \($0)" } ?? ""))
    }
}
