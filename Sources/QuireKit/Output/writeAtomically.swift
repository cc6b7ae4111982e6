public import Foundation
public import QuireLayout
public import QuireModel

/// Writes `output` through an exclusively created temporary file beside it (beside the file a
/// symbolic link points to, for a link), renamed into
/// place only when `write` (given the file's descriptor) succeeds: a failed render never
/// leaves a partial file, and the file is replaced at once. `output` is checked first (and
/// again just before the rename) with `checkOutputFile`, so a folder, a device or one of
/// `inputs` is never replaced. A budget crossed while writing (the drawing stopped short)
/// throws its limit, and nothing is left behind.
public func writeAtomically(_ output: String, inputs: [InputFile], option: String = "-o", budget: any WorkBudget = UnlimitedBudget(),
                            _ write: (Int32) -> String?) throws(QuireError) {
    // A symbolic link is written through: the file it points to is the one replaced.
    let target = try checkOutputFile(output, inputs: inputs, option: option)
    let temporary = try TemporaryFile(beside: target)
    let failure = write(temporary.descriptor)
    // Asked once more after drawing: a page that took the render past its deadline must not
    // make it count as done.
    if !budget.allows(), let crossed = budget.exceeded {
        temporary.remove()
        throw crossed
    }
    if let failure {
        // Asked before the partial file is removed, while the disk is still as the write left it.
        let full = ranOutOfRoom(failure, descriptor: temporary.descriptor)
        temporary.remove()
        throw full ? QuireError.diskFull(writing: output, failure) : QuireError(.io, at: nil, "cannot write '\(output)': \(failure)")
    }
    do throws(QuireError) {
        // The path may have changed while the document was drawn.
        guard try checkOutputFile(output, inputs: inputs, option: option) == target else {
            throw QuireError(.io, at: nil, field: option, "'\(output)' changed while it was being written; it is left as it is", hint: "run the command again")
        }
    } catch {
        temporary.remove()
        throw error
    }
    try temporary.commit(to: target)
}

/// `writeAtomically` for bytes already in memory (an imported source, a manifest).
public func writeAtomically(_ data: Data, to output: String, inputs: [InputFile], option: String = "-o") throws(QuireError) {
    try writeAtomically(output, inputs: inputs, option: option) { descriptor in
        data.withUnsafeBytes { bytes in
            guard let base = bytes.bindMemory(to: UInt8.self).baseAddress else { return nil }
            return writeAll(descriptor, base, bytes.count) ? nil : String(cString: strerror(errno))
        }
    }
}

/// Writes all `count` bytes, retrying short writes and interruptions.
func writeAll(_ descriptor: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var written = 0
    while written < count {
        let result = write(descriptor, bytes + written, count - written)
        if result < 0 {
            if errno == EINTR { continue }
            return false
        }
        written += result
    }
    return true
}
