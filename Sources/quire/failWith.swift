import ArgumentParser
import Foundation
import QuireModel

/// Prints a user-input error to stderr and exits 2 (bad input), the status scripts test for;
/// a full disk exits 74 instead (sysexits' EX_IOERR), as the input is not at fault and the
/// same command can succeed once there is room.
func failWith(_ error: QuireError) -> ExitCode {
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
    return error.kind == .diskFull ? .diskFull : ExitCode(2)
}

extension ExitCode {
    /// The disk an output or spool is written to is full.
    static let diskFull = ExitCode(74)
}

/// Prints layout warnings (things the engine had to give up on) to stderr.
func report(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
}

/// Runs a command body, turning a `QuireError` into its message and exit status 2.
func exitingOnInputError(_ body: () throws(QuireError) -> Void) throws {
    do {
        try body()
    } catch {
        throw failWith(error)
    }
}
