import Foundation
import Testing

/// Compares text with a committed reference file, line by line. `RECORD_SNAPSHOTS=1 swift
/// test` writes the text as the new reference instead, and fails once, so that a person reads
/// the diff (`git diff`) before it is committed; a missing reference is recorded the same way.
func expectSnapshot(_ actual: String, at file: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"].map { !$0.isEmpty && $0 != "0" } ?? false
    if record || !FileManager.default.fileExists(atPath: file.path) {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try actual.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("recorded \(file.path): read it (git diff), then run again", sourceLocation: sourceLocation)
        return
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    guard expected != actual else { return }
    Issue.record("\(file.lastPathComponent) differs at \(firstDifference(expected, actual))\nRECORD_SNAPSHOTS=1 re-records it",
                 sourceLocation: sourceLocation)
}

/// Where two dumps first differ, as two lines to read (or, if the dumps agree, that the
/// difference is below what the dump shows: glyph positions inside a run, colours).
func firstDifference(_ expected: String, _ actual: String) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
    guard let index = (0..<max(a.count, b.count)).first(where: { $0 >= a.count || $0 >= b.count || a[$0] != b[$0] }) else {
        return "the dumps agree; the pages differ in what the dump does not print (glyph offsets, colours)"
    }
    return "line \(index + 1)\n  expected: \(index < a.count ? a[index] : "(end)")\n  actual:   \(index < b.count ? b[index] : "(end)")"
}
