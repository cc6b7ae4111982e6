import Foundation
import QuireModel

/// Whether a failed write ran out of room: its error text carries the system's words for a
/// full disk or quota (the messages keep `strerror` of the failing call), or the file system
/// of `descriptor` has no block left for it. errno itself does not survive cairo's and stdio's
/// error paths, so both are asked.
func ranOutOfRoom(_ failure: String, descriptor: Int32? = nil) -> Bool {
    if [ENOSPC, EDQUOT].contains(where: { failure.contains(String(cString: strerror($0))) }) { return true }
    var status = statvfs()
    guard let descriptor, fstatvfs(descriptor, &status) == 0 else { return false }
    return status.f_bavail == 0
}

extension QuireError {
    /// `output` could not be written because its disk is full: its own kind, so that the CLI
    /// exits with its own status and the service answers 507 rather than blaming the input.
    static func diskFull(writing output: String, _ failure: String) -> QuireError {
        let folder = (output as NSString).deletingLastPathComponent
        return QuireError(.diskFull, at: nil, "cannot write '\(output)': the disk is full (\(failure))",
                          hint: "free space on the disk holding \(folder.isEmpty ? "the current folder" : "'\(folder)'") and the temporary folder (TMPDIR), or write elsewhere, then run the command again")
    }
}
