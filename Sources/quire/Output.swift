import ArgumentParser
import Foundation
import QuireKit
import QuireModel

/// Runs `write` with the path it should write to: `path` itself, or for `-` a temporary file
/// whose bytes are then copied to standard output, so a render that fails writes nothing
/// there (and the exit status says so). Standard output may be a file or a pipe, not a
/// terminal: a PDF's bytes would only garble it.
func writingOutput<T>(_ path: String, option: String = "-o", _ write: (String) throws(QuireError) -> T) throws(QuireError) -> T {
    guard path == "-" else { return try write(path) }
    guard isatty(STDOUT_FILENO) == 0 else {
        throw QuireError(.io, at: nil, field: option, "\(option) - writes to standard output, which is a terminal here",
                         hint: "redirect or pipe it, e.g. \(option) - > out.pdf, or name a file")
    }
    let holder = try TemporaryFile(beside: FileManager.default.temporaryDirectory.appendingPathComponent("quire-stdout").path)
    defer { holder.remove() }
    let result = try write(holder.path)
    try copyToStandardOutput(holder.path)
    return result
}

/// Copies a finished file to standard output, retrying short writes.
func copyToStandardOutput(_ path: String) throws(QuireError) {
    guard let handle = FileHandle(forReadingAtPath: path) else {
        throw QuireError(.io, at: nil, "cannot read back the output written to \(path)")
    }
    defer { try? handle.close() }
    while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
        try writeToStandardOutput(chunk)
    }
}

/// Writes bytes to standard output, all of them or an error.
func writeToStandardOutput(_ data: Data) throws(QuireError) {
    let failed = data.withUnsafeBytes { bytes -> Int32 in
        var written = 0
        while written < bytes.count {
            let result = Foundation.write(STDOUT_FILENO, bytes.baseAddress! + written, bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                return errno
            }
            written += result
        }
        return 0
    }
    if failed != 0 { throw QuireError(.io, at: nil, "cannot write to standard output: \(String(cString: strerror(failed)))") }
}
